import { createHmac, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../plugin-id';

/**
 * Pseudonymous keys: an author is known by a keyed hash of their normalised e-mail, an IP address
 * only by a keyed hash. The key is made once per installation and kept in the plugin store, so
 * keys stay stable across restarts and instances but cannot be recomputed from a leaked table.
 */
export function normaliseEmail(email: string): string {
  const [local, domain] = email.trim().toLowerCase().split('@');
  if (!domain) return email.trim().toLowerCase();
  // "jane+news@x" and "jane@x" are one person; so are Gmail's dotted spellings.
  let name = local.split('+')[0];
  if (domain === 'gmail.com' || domain === 'googlemail.com') name = name.replace(/\./g, '');
  return `${name}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}

const identityService = ({ strapi }: { strapi: Core.Strapi }) => {
  let secret: string | null = null;

  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'hash-secret' });
  const hash = (kind: string, value: string) => {
    if (!secret) throw new Error('The moderation plugin is not bootstrapped yet (no hashing key)');
    return createHmac('sha256', secret).update(`${kind}:${value}`).digest('hex').slice(0, 32);
  };

  return {
    async init() {
      const stored = (await store().get({})) as string | null;
      if (typeof stored === 'string' && stored.length >= 32) secret = stored;
      else {
        secret = randomBytes(32).toString('hex');
        await store().set({ value: secret });
      }
    },
    authorKey: (email: string) => hash('author', normaliseEmail(email)),
    ipHash: (ip: string | undefined) => (ip ? hash('ip', ip) : null),
  };
};

export default identityService;
