import type { Core } from '@strapi/strapi';

import { answering } from '../utils/errors';
import { getService } from '../utils/get-service';

/** The content API: what frontends call, with no token. */
const publicController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async enter(ctx) {
    await answering(ctx, async () => {
      const entry = await getService(strapi, 'entries').submit(
        ctx.params.eventDocumentId,
        ctx.request.body,
        ctx.request.ip
      );
      ctx.status = 201;
      ctx.body = { data: entry };
    });
  },

  async show(ctx) {
    await answering(ctx, async () => {
      ctx.body = { data: await getService(strapi, 'draw').publicState(ctx.params.eventDocumentId) };
    });
  },
});

export default publicController;
