import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Core } from '@strapi/strapi';

import { createTestDatabase, type TestDatabase } from './database';

export { restoreProcessEnv } from './process-env';

const APP_DIR = path.resolve(__dirname, '..', '..');

export type TestApp = {
  strapi: Core.Strapi;
  /** supertest on the in-process HTTP server */
  http: () => request.Agent;
  /** base URL once `listen()` was called, e.g. for @strapi/client */
  listen(): Promise<string>;
  /** A logged-in admin JWT (a super admin unless a role code is given). */
  adminToken(options?: { roleCode?: string; email?: string }): Promise<string>;
  /** A content-API token of that kind. */
  apiToken(type: 'read-only' | 'full-access'): Promise<string>;
  /** E-mails "sent" through the Strapi email plugin (the development outbox provider), oldest first. */
  sentEmails(): SentEmail[];
  stop(): Promise<void>;
};

export type SentEmail = {
  to: string | string[];
  subject: string;
  text?: string;
  html?: string;
  from?: string;
  date: string;
};

export type BootOptions = {
  /** Seed the same demo content as `npm run develop`. */
  seedDemo?: boolean;
  env?: Record<string, string>;
  /**
   * Boot on a database nothing ever ran on, for what only a first boot does. By default the database is
   * a copy of one the app booted on once (tests/harness/database-template.ts): the restart path, faster.
   */
  freshDatabase?: boolean;
};

/**
 * `@strapi/strapi`, through Node's own require where the integration environment gives it
 * (tests/harness/strapi-environment.js): Strapi evaluated once per Jest process, not once per file.
 */
export function strapiModule(): typeof import('@strapi/strapi') {
  const load: NodeRequire = (globalThis as { __nativeRequire?: NodeRequire }).__nativeRequire ?? require;
  return load('@strapi/strapi');
}

/**
 * Destroys a Strapi and puts back the listeners on `process` it took away with it: Strapi's `destroy()`
 * removes them all, the test runner's own among them (tests/harness/strapi-environment.js).
 */
export async function destroyStrapi(strapi: Core.Strapi): Promise<void> {
  try {
    await strapi.destroy();
  } finally {
    (globalThis as { __restoreProcessListeners?: () => void }).__restoreProcessListeners?.();
  }
}

/**
 * Boots the built app (dist/) in-process on a database of its own. `npm test` compiles the app and
 * builds the plugins before Jest starts, so each file pays only for the boot (~4 s on SQLite).
 */
export async function bootStrapi(options: BootOptions = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase({ fromTemplate: !options.freshDatabase });
  const outboxDir = mkdtempSync(path.join(tmpdir(), 'porte-voix-outbox-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    PORTE_VOIX_SEED_DEMO: options.seedDemo ? 'true' : 'false',
    PORTE_VOIX_DEV_ADMIN: 'false',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL || 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'false',
    EMAIL_PROVIDER: 'outbox',
    EMAIL_OUTBOX_DIR: outboxDir,
    ...database.env,
    ...options.env,
  };
  Object.assign(process.env, env);

  const { createStrapi } = strapiModule();
  const instance: Core.Strapi = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') });
  const strapi: Core.Strapi = await instance.load().catch(async (error: unknown) => {
    // What a failed boot registered must not stay behind for the next boot in this process.
    await destroyStrapi(instance).catch(() => undefined);
    await database.drop();
    throw error;
  });
  strapi.log.level = process.env.STRAPI_LOG_LEVEL || 'error';
  await strapi.server.mount();

  const adminTokens = new Map<string, string>();

  return {
    strapi,
    http: () => request.agent(strapi.server.httpServer),
    async listen() {
      const server = strapi.server.httpServer;
      if (!server.listening) {
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      }
      const { port } = server.address() as AddressInfo;
      return `http://127.0.0.1:${port}`;
    },
    async adminToken({ roleCode = 'strapi-super-admin', email } = {}) {
      const key = `${roleCode}:${email ?? ''}`;
      if (adminTokens.has(key)) return adminTokens.get(key)!;
      const userEmail = email ?? `${roleCode}@tests.porte-voix.local`;
      const password = 'Test-password-1234';
      const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
      if (!role) throw new Error(`No admin role with code ${roleCode}`);
      const existing = await strapi.db.query('admin::user').findOne({ where: { email: userEmail } });
      if (!existing) {
        await strapi.service('admin::user').create({
          email: userEmail,
          firstname: 'Test',
          lastname: roleCode,
          password,
          registrationToken: null,
          isActive: true,
          roles: [role.id],
        });
      }
      const response = await request(strapi.server.httpServer)
        .post('/admin/login')
        .send({ email: userEmail, password });
      if (response.status !== 200) {
        throw new Error(`Admin login failed (${response.status}): ${JSON.stringify(response.body)}`);
      }
      adminTokens.set(key, response.body.data.token);
      return response.body.data.token;
    },
    async apiToken(type) {
      const token = await strapi.service('admin::api-token').create({
        name: `${type} ${Math.random().toString(36).slice(2)}`,
        description: '',
        type,
        lifespan: null,
      });
      return token.accessKey;
    },
    sentEmails() {
      return readdirSync(outboxDir)
        .sort()
        .map((file) => JSON.parse(readFileSync(path.join(outboxDir, file), 'utf8')) as SentEmail);
    },
    async stop() {
      const server = strapi.server.httpServer;
      if (server.listening) {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await destroyStrapi(strapi);
      await database.drop();
      rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}
