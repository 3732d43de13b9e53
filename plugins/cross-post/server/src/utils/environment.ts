import type { Core } from '@strapi/strapi';

/**
 * Development defaults (a fixed key…) only under `strapi develop` (autoReload) or the tests, never in
 * production. NODE_ENV alone cannot tell: `strapi start` sets it to development when it is unset.
 */
export function developmentDefaultsAllowed(strapi: Core.Strapi): boolean {
  return (
    process.env.NODE_ENV !== 'production' &&
    (strapi.config.get('autoReload') === true || process.env.NODE_ENV === 'test')
  );
}
