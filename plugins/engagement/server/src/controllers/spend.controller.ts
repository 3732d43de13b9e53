import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';
import { registeredNetworks } from '../validators/network.validator';
import { spendBody, spendQuery } from '../validators/spend.validator';

const idParams = z.object({
  id: z.coerce.number().int('id must be a number').positive('id must be a number'),
});
const userId = (ctx: any): number | null => ctx.state.user?.id ?? null;

/** Paid spend, under /engagement/spend, behind `read` and `spend.manage`. */
const spendController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx) {
    const { campaign } = parse(spendQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'spend').ofCampaign(campaign) };
  },

  async create(ctx) {
    const body = parse(spendBody(registeredNetworks(strapi)), ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'spend').record(body, userId(ctx)) };
  },

  async update(ctx) {
    const { id } = parse(idParams, ctx.params);
    const body = parse(spendBody(registeredNetworks(strapi)), ctx.request.body);
    ctx.body = { data: await getService(strapi, 'spend').replace(id, body, userId(ctx)) };
  },

  async remove(ctx) {
    const { id } = parse(idParams, ctx.params);
    await getService(strapi, 'spend').remove(id);
    ctx.status = 204;
  },
});

export default spendController;
