import type { Core } from '@strapi/strapi';
import { z } from 'zod';

/**
 * Strapi silently ignores a malformed page number or an unknown locale and answers 200 with
 * something the frontend did not ask for. Frontends get a 400 that names the mistake instead.
 */
const positiveInteger = z.string().regex(/^[1-9]\d*$/, 'must be a whole number of 1 or more');
const naturalNumber = z.string().regex(/^\d+$/, 'must be a whole number of 0 or more');

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
      knownLocales = { codes: new Set(locales.map((locale: { code: string }) => locale.code)), at: Date.now() };
    }
    return knownLocales.codes;
  };

  return async (ctx, next) => {
    if (ctx.method !== 'GET' || !ctx.path.startsWith('/api/')) {
      return next();
    }
    const { pagination, locale } = ctx.query as Record<string, unknown>;

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
    return next();
  };
};
