import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';
import { documentIdSchema } from '../validators/post-metrics.validators';

/** The admin's language: `?locale=` when the page names it, else the admin's preferred language. */
const languageOf = (ctx: any): string | undefined =>
  (typeof ctx.query.locale === 'string' && ctx.query.locale) || ctx.state.user?.preferedLanguage || undefined;

const postMetricsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx) {
    const documentId = parse(documentIdSchema, ctx.params.documentId);
    ctx.body = { data: await getService(strapi, 'post-metrics').forPost(documentId, languageOf(ctx)) };
  },

  async refresh(ctx) {
    const documentId = parse(documentIdSchema, ctx.params.documentId);
    ctx.body = { data: await getService(strapi, 'post-metrics').refresh(documentId, languageOf(ctx)) };
  },
});

export default postMetricsController;
