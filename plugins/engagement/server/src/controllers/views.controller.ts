import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';
import { traitsOf } from '../services/visitors.service';
import { beaconBody, viewBodySchema } from '../validators/views.validator';

/** `POST /api/engagement/views`: no token, rate limited per visitor; 202 once the view is queued. */
const viewsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(ctx) {
    const input = parse(viewBodySchema, beaconBody(ctx.request.body), {
      hint: 'Send {"post": "<documentId>"} or {"event": "<documentId>"}, and optionally "path"',
    });
    await getService(strapi, 'views').record(input, traitsOf(ctx));
    ctx.status = 202;
    ctx.body = { data: { accepted: true } };
  },
});

export default viewsController;
