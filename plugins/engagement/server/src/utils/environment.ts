import type { Core } from '@strapi/strapi';

/**
 * Development-only work (the demo's past) only under `strapi develop` (autoReload) or the tests,
 * never in production. NODE_ENV alone cannot tell: `strapi start` sets it to development when unset.
 */
export function developmentDefaultsAllowed(strapi: Core.Strapi): boolean {
  return (
    process.env.NODE_ENV !== 'production' &&
    (strapi.config.get('autoReload') === true || process.env.NODE_ENV === 'test')
  );
}
