import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';
import {
  dailyQuery,
  linkCreateSchema,
  linkIdSchema,
  linkListQuery,
  targetSearchQuery,
} from '../validators/links.validators';

/** The links admin API, under /engagement/links. */
const linksController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx) {
    const { data, pagination } = await getService(strapi, 'links').list(parse(linkListQuery, ctx.query));
    ctx.body = { data, meta: { pagination } };
  },

  async findOne(ctx) {
    ctx.body = { data: await getService(strapi, 'links').findOne(parse(linkIdSchema, ctx.params.id)) };
  },

  async create(ctx) {
    const input = parse(linkCreateSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'links').create(input, ctx.state.user?.id ?? null) };
  },

  async disable(ctx) {
    ctx.body = {
      data: await getService(strapi, 'links').setEnabled(parse(linkIdSchema, ctx.params.id), false),
    };
  },

  async enable(ctx) {
    ctx.body = {
      data: await getService(strapi, 'links').setEnabled(parse(linkIdSchema, ctx.params.id), true),
    };
  },

  async daily(ctx) {
    const id = parse(linkIdSchema, ctx.params.id);
    ctx.body = { data: await getService(strapi, 'links').daily(id, parse(dailyQuery, ctx.query)) };
  },

  async targets(ctx) {
    const { type, q } = parse(targetSearchQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'linkTargets').search(type, q) };
  },
});

export default linksController;
