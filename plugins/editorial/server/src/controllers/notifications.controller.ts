import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';
import { markReadSchema, notificationsQuerySchema } from '../validators/admin.validators';

/** The signed-in admin's own notifications: never another person's. */
const notificationsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx) {
    const query = parse(notificationsQuerySchema, ctx.query) as {
      unread: boolean;
      page: number;
      pageSize: number;
    };
    ctx.body = await getService(strapi, 'notifications').list(ctx.state.user.id, query);
  },

  async markRead(ctx) {
    const input = parse(markReadSchema, ctx.request.body);
    const ids = 'ids' in input ? input.ids : 'all';
    ctx.body = { data: await getService(strapi, 'notifications').markRead(ctx.state.user.id, ids) };
  },
});

export default notificationsController;
