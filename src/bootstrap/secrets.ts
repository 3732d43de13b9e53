import type { Core } from '@strapi/strapi';

import { devSecret } from '../utils/dev-secrets';
import { allowsDevelopmentDefaults } from '../utils/development-defaults';

/** Each secret Strapi needs: the variable an operator sets, where the config files put it, its development value. */
export const REQUIRED_SECRETS = [
  {
    variable: 'APP_KEYS',
    path: 'server.app.keys',
    development: [devSecret('app-key-1'), devSecret('app-key-2')],
  },
  { variable: 'ADMIN_JWT_SECRET', path: 'admin.auth.secret', development: devSecret('admin-jwt') },
  { variable: 'API_TOKEN_SALT', path: 'admin.apiToken.salt', development: devSecret('api-token-salt') },
  {
    variable: 'TRANSFER_TOKEN_SALT',
    path: 'admin.transfer.token.salt',
    development: devSecret('transfer-token-salt'),
  },
  {
    variable: 'ENCRYPTION_KEY',
    path: 'admin.secrets.encryptionKey',
    development: devSecret('encryption-key'),
  },
  {
    variable: 'JWT_SECRET',
    path: 'plugin::users-permissions.jwtSecret',
    development: devSecret('users-permissions-jwt'),
  },
] as const;

export const MINIMUM_SECRET_LENGTH = 32;
// A long run of a few characters ("aaaa…", "1234512345…") is as guessable as a short secret.
const MINIMUM_DISTINCT_CHARACTERS = 10;

const DEVELOPMENT_VALUES = new Set<string>(REQUIRED_SECRETS.flatMap((secret) => secret.development));

type SecretValue = string | readonly string[] | undefined | null;

/** Why a value cannot guard production, or null when it can. Never quotes the value. */
function weakness(value: string): string | null {
  if (DEVELOPMENT_VALUES.has(value)) return 'is a published development value';
  if (value.length < MINIMUM_SECRET_LENGTH) return `is shorter than ${MINIMUM_SECRET_LENGTH} characters`;
  if (new Set(value).size < MINIMUM_DISTINCT_CHARACTERS) return 'repeats too few characters to be random';
  return null;
}

/** One line per missing or weak secret, by variable name. */
export function secretProblems(values: Record<string, SecretValue>): string[] {
  return REQUIRED_SECRETS.flatMap(({ variable }) => {
    const value = values[variable];
    const entries = (Array.isArray(value) ? value : [value]).filter(
      (entry): entry is string => typeof entry === 'string' && entry.trim() !== ''
    );
    if (entries.length === 0) return [`${variable} is missing`];
    const reasons = [...new Set(entries.map(weakness).filter((reason) => reason !== null))];
    return reasons.map((reason) => `${variable} ${reason}`);
  });
}

/**
 * Runs in the app's `register`, before anything signs a token or opens a session. Under `strapi develop`
 * and in tests, a secret left unset gets its development value; anywhere else every secret must be set
 * and strong, or the start stops with one message naming all that is wrong.
 */
export function applySecrets(strapi: Core.Strapi): void {
  if (allowsDevelopmentDefaults(strapi)) {
    for (const { path, development } of REQUIRED_SECRETS) {
      const current = strapi.config.get(path) as SecretValue;
      if (
        current === undefined ||
        current === null ||
        current === '' ||
        (Array.isArray(current) && current.length === 0)
      ) {
        strapi.config.set(path, development);
      }
    }
    // Strapi built its Koa app (and read the keys) while the admin registered, before this hook.
    strapi.server.app.keys = strapi.config.get('server.app.keys') as string[];
    return;
  }
  const problems = secretProblems(
    Object.fromEntries(
      REQUIRED_SECRETS.map(({ variable, path }) => [variable, strapi.config.get(path) as SecretValue])
    )
  );
  if (problems.length > 0) {
    throw new Error(
      `Porte-voix refuses to start without strong secrets: ${problems.join('; ')}. ` +
        `Set each in the environment (generate one with \`openssl rand -base64 32\`; APP_KEYS takes several, comma-separated). ` +
        'Development values apply only under `npm run develop`.'
    );
  }
}
