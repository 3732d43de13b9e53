import type { Core } from '@strapi/strapi';

/**
 * Development defaults (development secrets, the development admin, the demo content) apply only under
 * `strapi develop` (which sets `autoReload`) or the test harness (NODE_ENV=test), never when
 * NODE_ENV=production. NODE_ENV alone cannot tell: Strapi sets it to `development` when it is unset,
 * for `strapi start` too, so a forgotten NODE_ENV must not open the door.
 */
export function allowsDevelopmentDefaults(
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env
): boolean {
  return (
    env.NODE_ENV !== 'production' && (strapi.config.get('autoReload') === true || env.NODE_ENV === 'test')
  );
}
