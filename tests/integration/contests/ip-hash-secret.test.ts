import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { createTestDatabase } from '../../harness/database';
import { bootStrapi, destroyStrapi, restoreProcessEnv, strapiModule } from '../../harness/strapi';

const APP_DIR = path.resolve(__dirname, '..', '..', '..');
const strongSecret = () => randomBytes(32).toString('base64');

/**
 * Boots the built app with these variables and answers the boot error, or null when it started.
 * Not through bootStrapi: a refused boot must still give its database back.
 */
async function bootError(
  vars: Record<string, string | undefined>,
  autoReload = false
): Promise<string | null> {
  const database = await createTestDatabase();
  const saved = { ...process.env };
  Object.assign(process.env, {
    HOST: '127.0.0.1',
    PORT: '0',
    PORTE_VOIX_SEED_DEMO: 'false',
    PORTE_VOIX_DEV_ADMIN: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    // The app's and the other plugins' secrets are set, so that only this one is in question.
    ...Object.fromEntries(
      [
        'ADMIN_JWT_SECRET',
        'API_TOKEN_SALT',
        'TRANSFER_TOKEN_SALT',
        'ENCRYPTION_KEY',
        'JWT_SECRET',
        'CROSS_POST_ENCRYPTION_KEY',
      ].map((name) => [name, strongSecret()])
    ),
    APP_KEYS: `${strongSecret()},${strongSecret()}`,
    ...database.env,
  });
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const { createStrapi } = strapiModule();
  const strapi = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload });
  strapi.log.level = 'error';
  try {
    await strapi.load();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await destroyStrapi(strapi).catch(() => undefined);
    restoreProcessEnv(saved);
    await database.drop();
  }
}

/** The IP-hashing key: a development value only under `strapi develop` or in tests, else a refused boot. */
describe('CONTESTS_IP_HASH_SECRET', () => {
  it('refuses to boot without it under `strapi start` (NODE_ENV development, no autoReload)', async () => {
    expect(await bootError({ NODE_ENV: 'development', CONTESTS_IP_HASH_SECRET: undefined })).toMatch(
      /CONTESTS_IP_HASH_SECRET/
    );
  });

  it('refuses a secret shorter than 32 characters, even in tests', async () => {
    expect(await bootError({ NODE_ENV: 'test', CONTESTS_IP_HASH_SECRET: 'x'.repeat(31) })).toMatch(
      /CONTESTS_IP_HASH_SECRET is too short/
    );
  });

  // A full boot each: slow on a busy machine.
  it('boots with the development value under `strapi develop`', async () => {
    expect(await bootError({ NODE_ENV: 'development', CONTESTS_IP_HASH_SECRET: undefined }, true)).toBeNull();
  }, 240_000);

  it('boots with a long secret under `strapi start`', async () => {
    expect(await bootError({ NODE_ENV: 'development', CONTESTS_IP_HASH_SECRET: 's'.repeat(32) })).toBeNull();
  }, 240_000);

  it('boots in tests without one, and hashes with the development value', async () => {
    const app = await bootStrapi({ env: { CONTESTS_IP_HASH_SECRET: '' } });
    try {
      expect(app.strapi.plugin('contests').service('entries').hashIp('10.0.0.1')).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await app.stop();
    }
  });
});
