import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import { hashtagSuggestionsQuery } from '../validators/hashtags.validators';

/** Hashtags to suggest while writing (the hashtags field of posts and campaigns). */
const hashtagsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async suggestions(ctx) {
    const { q, limit } = parse(hashtagSuggestionsQuery, ctx.query);
    ctx.body = { data: await strapi.plugin('cross-post').service('hashtags').suggestions(q, limit) };
  },
});

export default hashtagsController;
