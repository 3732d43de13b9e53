import type { Core } from '@strapi/strapi';
import { z } from 'zod';

import { isBadQueryError } from '../utils/bad-query-error';
import {
  containsNul,
  misusedBetween,
  misusedLogicalOperator,
  nestingDepth,
  populateDepth,
} from '../utils/query-shape';

/**
 * Strapi silently ignores a malformed page number or an unknown locale and answers 200 with
 * something the frontend did not ask for, and lets a query populate or filter as deep as it likes.
 * Frontends get a 400 that names the mistake instead.
 */
export const MAX_POPULATE_DEPTH = 4;
export const MAX_FILTERS_DEPTH = 8;

// Nine digits at most: beyond that no page exists, and the database refuses the offset.
const positiveInteger = z.string().regex(/^[1-9]\d{0,8}$/, 'must be a whole number from 1 to 999999999');
const naturalNumber = z.string().regex(/^\d{1,9}$/, 'must be a whole number from 0 to 999999999');

const paginationSchema = z
  .object({
    page: positiveInteger.optional(),
    pageSize: positiveInteger.optional(),
    start: naturalNumber.optional(),
    limit: positiveInteger.optional(),
    withCount: z.enum(['true', 'false']).optional(),
  })
  .strict();

const LOCALE_CACHE_MS = 30_000;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let knownLocales: { codes: Set<string>; at: number } | null = null;

  const localeCodes = async (): Promise<Set<string>> => {
    if (!knownLocales || Date.now() - knownLocales.at > LOCALE_CACHE_MS) {
      const locales = await strapi.plugin('i18n').service('locales').find();
      knownLocales = {
        codes: new Set(locales.map((locale: { code: string }) => locale.code)),
        at: Date.now(),
      };
    }
    return knownLocales.codes;
  };

  return async (ctx, next) => {
    if (ctx.method !== 'GET' || !ctx.path.startsWith('/api/')) {
      return next();
    }
    const {
      pagination,
      locale,
      status,
      populate,
      filters,
      _q: search,
    } = ctx.query as Record<string, unknown>;

    if (containsNul(ctx.query)) {
      return ctx.badRequest('The query holds a NUL character (%00): remove it');
    }
    // Who may ask for drafts is decided per route, once the caller is known (middlewares/published-only.ts).
    if (status !== undefined && status !== 'published' && status !== 'draft') {
      return ctx.badRequest(
        'Invalid status: use published (the default), or draft with a full-access API token',
        {
          field: 'status',
        }
      );
    }
    if (search !== undefined && typeof search !== 'string') {
      return ctx.badRequest(
        'Invalid _q: the search is one piece of text (_q=word), not a list or an object',
        {
          field: '_q',
        }
      );
    }
    if (
      filters !== undefined &&
      (typeof filters !== 'object' || filters === null || Array.isArray(filters))
    ) {
      return ctx.badRequest('Invalid filters: name a field, e.g. filters[title][$eq]=…', {
        field: 'filters',
      });
    }
    const misused = misusedLogicalOperator(filters);
    if (misused) {
      return ctx.badRequest(
        `Invalid ${misused}: $and and $or take a list of conditions (filters[$or][0][title][$eq]=…), $not one condition`,
        { field: misused }
      );
    }
    const between = misusedBetween(filters);
    if (between) {
      return ctx.badRequest(
        `Invalid ${between}: $between takes two bounds (${between}[0]=…&${between}[1]=…)`,
        { field: between }
      );
    }
    if (populateDepth(populate) > MAX_POPULATE_DEPTH) {
      return ctx.badRequest(`populate goes deeper than ${MAX_POPULATE_DEPTH} levels: populate less at once`, {
        field: 'populate',
      });
    }
    if (nestingDepth(filters) > MAX_FILTERS_DEPTH) {
      return ctx.badRequest(`filters nest deeper than ${MAX_FILTERS_DEPTH} levels: simplify them`, {
        field: 'filters',
      });
    }

    if (pagination !== undefined) {
      const parsed = paginationSchema.safeParse(pagination);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = ['pagination', ...issue.path].join('.');
        return ctx.badRequest(`Invalid ${field}: ${issue.message}`, { field });
      }
    }
    if (locale !== undefined) {
      const codes = await localeCodes();
      if (typeof locale !== 'string' || (locale !== '*' && !codes.has(locale))) {
        return ctx.badRequest(`Unknown locale "${String(locale)}": use one of ${[...codes].join(', ')}`, {
          field: 'locale',
        });
      }
    }
    try {
      return await next();
    } catch (error) {
      if (isBadQueryError(error)) {
        return ctx.badRequest(
          'The query does not fit the content: check each filter (operators like $eq under a field name, ' +
            'numbers within range where the field holds numbers)'
        );
      }
      throw error;
    }
  };
};
