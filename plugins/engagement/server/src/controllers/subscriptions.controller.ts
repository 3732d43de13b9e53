import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';
import { subscriptionBody, type SubscriptionBody } from '../validators/subscriptions.validator';

const idParams = z.object({
  id: z.coerce.number().int('id must be a number').positive('id must be a number'),
});

/** Scheduled e-mail reports, under /engagement/report-subscriptions, behind `export`. */
const subscriptionsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx) {
    ctx.body = { data: await getService(strapi, 'scheduledReports').list() };
  },

  async create(ctx) {
    const body = parse(subscriptionBody, ctx.request.body) as SubscriptionBody;
    ctx.status = 201;
    ctx.body = {
      data: await getService(strapi, 'scheduledReports').subscribe(body, ctx.state.user?.id ?? null),
    };
  },

  async remove(ctx) {
    const { id } = parse(idParams, ctx.params);
    await getService(strapi, 'scheduledReports').unsubscribe(id);
    ctx.status = 204;
  },
});

export default subscriptionsController;
