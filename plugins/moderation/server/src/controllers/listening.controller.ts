import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import { adminActor } from '../services/audit.service';
import { getService } from '../utils/get-service';
import { documentIdSchema } from '../validators/client.validators';
import {
  attachToCampaignSchema,
  listeningReportQuerySchema,
  sendToInboxSchema,
  savedSearchIdSchema,
  savedSearchSchema,
} from '../validators/listening.validators';

/** Saved searches: read by anyone who sees the queue, written by those allowed to (RBAC per route). */
const listeningController = ({ strapi }: { strapi: Core.Strapi }) => {
  const searches = () => getService(strapi, 'saved-searches');
  return {
    async listSearches(ctx: any) {
      ctx.body = { data: await searches().list() };
    },
    async findSearch(ctx: any) {
      ctx.body = { data: await searches().findOne(parse(savedSearchIdSchema, ctx.params.id)) };
    },
    async createSearch(ctx: any) {
      const input = parse(savedSearchSchema, ctx.request.body ?? {});
      ctx.status = 201;
      ctx.body = { data: await searches().create(input, adminActor(ctx.state.user)) };
    },
    async updateSearch(ctx: any) {
      const id = parse(savedSearchIdSchema, ctx.params.id);
      const input = parse(savedSearchSchema, ctx.request.body ?? {});
      ctx.body = { data: await searches().update(id, input, adminActor(ctx.state.user)) };
    },
    async report(ctx: any) {
      const query = parse(listeningReportQuerySchema, ctx.query ?? {});
      ctx.body = {
        data: await getService(strapi, 'listening-report').report({
          fromDay: query.from,
          toDay: query.to,
          timeZone: query.timeZone,
          searchIds: query.search,
          network: query.network,
          language: query.language,
        }),
      };
    },
    async answeringAccounts(ctx: any) {
      ctx.body = {
        data: await getService(strapi, 'mentions').answeringAccounts(parse(documentIdSchema, ctx.params.id)),
      };
    },
    async sendToInbox(ctx: any) {
      const { accountId } = parse(sendToInboxSchema, ctx.request.body ?? {});
      ctx.body = {
        data: await getService(strapi, 'mentions').sendToInbox(
          parse(documentIdSchema, ctx.params.id),
          accountId,
          adminActor(ctx.state.user)
        ),
      };
    },
    async attachToCampaign(ctx: any) {
      const { campaign } = parse(attachToCampaignSchema, ctx.request.body ?? {});
      ctx.body = {
        data: await getService(strapi, 'mentions').attachToCampaign(
          parse(documentIdSchema, ctx.params.id),
          campaign,
          adminActor(ctx.state.user)
        ),
      };
    },
    async alerts(ctx: any) {
      ctx.body = { data: await getService(strapi, 'listening').alerts() };
    },
    async removeSearch(ctx: any) {
      ctx.body = { data: await searches().remove(parse(savedSearchIdSchema, ctx.params.id)) };
    },
  };
};

export default listeningController;
