import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import type { CampaignRule } from '../repositories/rules.repository';
import { getService } from '../utils/get-service';
import { campaignParamSchema, ruleSchema } from '../validators/admin.validators';

const rulesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(ctx) {
    ctx.body = { data: await getService(strapi, 'rules').overview() };
  },

  async findOne(ctx) {
    const campaignDocumentId = parse(campaignParamSchema, ctx.params.campaign);
    const rules = getService(strapi, 'rules');
    ctx.body = {
      data: (await rules.find(campaignDocumentId)) ?? {
        campaignDocumentId,
        ...(await rules.effective(null)),
      },
    };
  },

  async update(ctx) {
    const campaignDocumentId = parse(campaignParamSchema, ctx.params.campaign);
    const rule = parse(ruleSchema, ctx.request.body) as Omit<CampaignRule, 'campaignDocumentId'>;
    ctx.body = { data: await getService(strapi, 'rules').save({ campaignDocumentId, ...rule }) };
  },
});

export default rulesController;
