import { randomBytes } from 'node:crypto';

import { DEVELOPMENT_ADMIN_DEFAULTS } from '../../../src/bootstrap/development-admin';
import { REQUIRED_SECRETS } from '../../../src/bootstrap/secrets';
import { bootInChild } from '../../harness/boot-in-child';
import { createTestDatabase, type TestDatabase } from '../../harness/database';

/**
 * `strapi start` cannot rely on NODE_ENV (Strapi sets `development` when it is unset), so it gets no
 * development defaults at all: no development secrets, no development admin, no demo content.
 */
const SECRET_NAMES = REQUIRED_SECRETS.map(({ variable }) => variable);
const strongSecret = () => randomBytes(32).toString('base64');
const strongSecrets = (): Record<string, string> => ({
  ...Object.fromEntries(SECRET_NAMES.map((name) => [name, strongSecret()])),
  APP_KEYS: `${strongSecret()},${strongSecret()}`,
  // The plugins' own secrets, which they check themselves.
  CROSS_POST_ENCRYPTION_KEY: strongSecret(),
  CONTESTS_IP_HASH_SECRET: strongSecret(),
});
const developmentValues = REQUIRED_SECRETS.flatMap(({ development }) => development);

describe('starting the app', () => {
  let database: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    other = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
    await other?.drop();
  });

  it.each([
    ['NODE_ENV unset', {}],
    ['NODE_ENV=development', { NODE_ENV: 'development' }],
  ])('with %s and no secrets, `start` refuses, naming every missing secret', async (_label, nodeEnv) => {
    // The plugins check their own secrets first (their `register` runs before the app's): set those, so
    // that this is the app's own refusal.
    const pluginSecrets = {
      CROSS_POST_ENCRYPTION_KEY: strongSecret(),
      CONTESTS_IP_HASH_SECRET: strongSecret(),
    };
    const boot = await bootInChild('start', { ...database.env, ...nodeEnv, ...pluginSecrets });
    expect(boot.code).not.toBe(0);
    expect(boot.result.started).toBe(false);
    for (const name of SECRET_NAMES) expect(boot.result.error).toContain(`${name} is missing`);
    expect(boot.output).not.toContain(DEVELOPMENT_ADMIN_DEFAULTS.password);
    for (const value of developmentValues) expect(boot.output).not.toContain(value);
  });

  it('refuses development values and short secrets, naming them without printing them', async () => {
    const weak = {
      ...strongSecrets(),
      ADMIN_JWT_SECRET: REQUIRED_SECRETS[1].development as string,
      JWT_SECRET: 'tobemodified',
    };
    const boot = await bootInChild('start', { ...database.env, ...weak });
    expect(boot.result.started).toBe(false);
    expect(boot.result.error).toContain('ADMIN_JWT_SECRET is a published development value');
    expect(boot.result.error).toContain('JWT_SECRET is shorter than 32 characters');
    expect(boot.result.error).not.toMatch(/(APP_KEYS|API_TOKEN_SALT|TRANSFER_TOKEN_SALT|ENCRYPTION_KEY) is/);
    expect(boot.output).not.toContain(weak.ADMIN_JWT_SECRET);
    expect(boot.output).not.toContain('tobemodified');
  });

  it('with every secret set, `start` boots with no admin, no demo content, and no secret in its logs', async () => {
    const secrets = strongSecrets();
    const boot = await bootInChild('start', { ...database.env, ...secrets, NODE_ENV: 'development' });
    expect(boot.result).toEqual({ started: true, admins: 0, posts: 0 });
    expect(boot.output).not.toContain(DEVELOPMENT_ADMIN_DEFAULTS.password);
    for (const value of Object.values(secrets).flatMap((secret) => secret.split(','))) {
      expect(boot.output).not.toContain(value);
    }
  });

  it('`develop` still needs nothing: development secrets, the development admin and the demo content', async () => {
    const boot = await bootInChild('develop', other.env);
    expect(boot.result.started).toBe(true);
    // The development admin, and the approval demo's author and approver.
    expect(boot.result.admins).toBe(3);
    expect(boot.result.posts).toBeGreaterThan(0);
    // The development password is printed on purpose, for a newcomer; the development secrets are not.
    expect(boot.output).toContain(DEVELOPMENT_ADMIN_DEFAULTS.password);
    for (const value of developmentValues) expect(boot.output).not.toContain(value);
  }, 300_000);
});
