import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import type { CalendarQuery } from '../services/calendar.service';
import { getService } from '../utils/get-service';
import { documentIdSchema, idSchema } from '../validators/admin.validators';
import { calendarQuerySchema, moveDeliverySchema, movePostSchema } from '../validators/calendar.validators';

/** The editorial calendar: what is planned and due in a range, and moving it by drag or by the keyboard. */
const calendarController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx) {
    const query = parse(calendarQuerySchema, ctx.query) as CalendarQuery;
    ctx.body = { data: await getService(strapi, 'calendar').find(query) };
  },

  async movePost(ctx) {
    const documentId = parse(documentIdSchema, ctx.params.documentId);
    const { plannedAt } = parse(movePostSchema, ctx.request.body);
    ctx.body = {
      data: await getService(strapi, 'calendar').movePost(documentId, plannedAt, ctx.state.userAbility),
    };
  },

  async moveDelivery(ctx) {
    const id = parse(idSchema, ctx.params.id);
    const { scheduledAt } = parse(moveDeliverySchema, ctx.request.body);
    ctx.body = { data: await getService(strapi, 'deliveries').move(id, scheduledAt) };
  },
});

export default calendarController;
