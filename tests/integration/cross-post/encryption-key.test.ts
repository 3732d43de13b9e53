/**
 * CROSS_POST_ENCRYPTION_KEY fails closed: `strapi start` (NODE_ENV=development when unset, no
 * autoReload) refuses to boot without it, any boot refuses a key that is not 32 bytes, and only
 * `strapi develop` (autoReload) or the tests fall back to the development key.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

import { createTestDatabase } from '../../harness/database';
import { destroyStrapi, restoreProcessEnv, strapiModule } from '../../harness/strapi';

const APP_DIR = path.resolve(__dirname, '../../..');
const OTHER_SECRETS = [
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'JWT_SECRET',
  'CONTESTS_IP_HASH_SECRET',
];
const A_REAL_KEY = Buffer.alloc(32, 42).toString('base64');

/** Registers the built app (where the plugin checks its key) with these variables; the error message, or null. */
async function register(
  vars: Record<string, string | undefined>,
  autoReload: boolean
): Promise<string | null> {
  const database = await createTestDatabase();
  const saved = { ...process.env };
  Object.assign(process.env, {
    ...database.env,
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    PORTE_VOIX_SEED_DEMO: 'false',
    PORTE_VOIX_DEV_ADMIN: 'false',
    CROSS_POST_DISPATCHER: 'false',
    // The other secrets are set, so that only the cross-post key is in question.
    ...Object.fromEntries(OTHER_SECRETS.map((name) => [name, randomBytes(32).toString('base64')])),
    APP_KEYS: `${randomBytes(32).toString('base64')},${randomBytes(32).toString('base64')}`,
    CONTESTS_IP_HASH_SECRET: randomBytes(32).toString('base64'),
  });
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  let strapi: Core.Strapi | undefined;
  try {
    const { createStrapi } = strapiModule();
    strapi = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload });
    await strapi!.register();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    if (strapi) await destroyStrapi(strapi).catch(() => undefined);
    restoreProcessEnv(saved);
    await database.drop();
  }
}

describe('the cross-post encryption key', () => {
  it('is required by `strapi start` even when NODE_ENV is development', async () => {
    const message = await register({ NODE_ENV: 'development', CROSS_POST_ENCRYPTION_KEY: undefined }, false);
    expect(message).toMatch(/CROSS_POST_ENCRYPTION_KEY is not set/);
    expect(message).toMatch(/openssl rand -base64 32/);
  });

  it('is refused when it is not 32 bytes of base64 or hex', async () => {
    for (const weak of ['correct horse battery staple', Buffer.alloc(16, 1).toString('base64')]) {
      const message = await register({ NODE_ENV: 'development', CROSS_POST_ENCRYPTION_KEY: weak }, true);
      expect(message).toMatch(/CROSS_POST_ENCRYPTION_KEY must be exactly 32 bytes/);
      expect(message).toMatch(/openssl rand -base64 32/);
    }
  });

  it('has a development default under `strapi develop` only, and takes a real key anywhere', async () => {
    expect(
      await register({ NODE_ENV: 'development', CROSS_POST_ENCRYPTION_KEY: undefined }, true)
    ).toBeNull();
    expect(await register({ NODE_ENV: 'production', CROSS_POST_ENCRYPTION_KEY: undefined }, true)).toMatch(
      /CROSS_POST_ENCRYPTION_KEY is not set/
    );
    expect(
      await register({ NODE_ENV: 'development', CROSS_POST_ENCRYPTION_KEY: A_REAL_KEY }, false)
    ).toBeNull();
  });
});
