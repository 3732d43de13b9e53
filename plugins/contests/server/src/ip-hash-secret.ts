import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from './plugin-id';

export const MIN_SECRET_LENGTH = 32;

const DEVELOPMENT_SECRET = createHash('sha256')
  .update('porte-voix-development-only:contests-ip-hash')
  .digest('hex');

/**
 * The suite-wide rule for development defaults: `strapi develop` sets autoReload, tests set
 * NODE_ENV=test. NODE_ENV alone cannot tell, since `strapi start` sets it to development when unset.
 */
export const mayUseDevelopmentDefaults = (strapi: Core.Strapi) =>
  process.env.NODE_ENV !== 'production' &&
  (strapi.config.get('autoReload') === true || process.env.NODE_ENV === 'test');

/**
 * Settles the IP-hashing key before anything hashes: the configured secret when it is long enough,
 * the development value only where development defaults are allowed, otherwise the boot stops.
 */
export function settleIpHashSecret(strapi: Core.Strapi): void {
  const key = `plugin::${PLUGIN_ID}.ipHashSecret`;
  const configured = strapi.config.get(key) as string | undefined;
  if (configured && configured.length >= MIN_SECRET_LENGTH) return;
  if (configured) {
    throw new Error(
      `[contests] CONTESTS_IP_HASH_SECRET is too short (${configured.length} characters): use at least ` +
        `${MIN_SECRET_LENGTH} random characters, e.g. \`openssl rand -hex 32\`.`
    );
  }
  if (!mayUseDevelopmentDefaults(strapi)) {
    throw new Error(
      '[contests] Set CONTESTS_IP_HASH_SECRET (at least 32 random characters, e.g. `openssl rand -hex 32`): ' +
        'entrant IPs are stored only as an HMAC under this secret, and the development value is not allowed here.'
    );
  }
  strapi.config.set(key, DEVELOPMENT_SECRET);
}
