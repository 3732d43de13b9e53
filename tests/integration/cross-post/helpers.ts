/** Shared by the cross-post integration tests: posts, accounts on the fakes, waiting for outcomes. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { approvePost } from '../../harness/approval';

export const CREDENTIALS: Record<string, Record<string, string>> = {
  mastodon: { accessToken: 'mastodon-token-123456' },
  bluesky: { identifier: 'porte-voix.test', appPassword: 'app-password' },
  x: { accessToken: 'x-token', refreshToken: 'x-refresh', clientId: 'client' },
  facebook: { pageId: '1647395831', pageAccessToken: 'page-token' },
  linkedin: { accessToken: 'li-token', author: 'urn:li:organization:42' },
  discord: { webhookId: '1100', webhookToken: 'hook-token' },
  telegram: { botToken: '123:ABC', chatId: '@porte_voix' },
};

export type AdminSession = { app: TestApp; fakes: Fakes; token: string };

/**
 * The admin API's test setup: the fakes, an app pointed at them with the dispatcher off (a test runs
 * it by hand with `dispatchOnce`) and reconciliation at once, a super admin's token, and the fakes
 * reset before each test. Registers the hooks; `onBoot` gets the session once it is up.
 */
export function adminApiOnFakes(onBoot: (session: AdminSession) => void) {
  let session: AdminSession;
  beforeAll(async () => {
    const fakes = await startFakes();
    const app = await bootStrapi({
      env: {
        CROSS_POST_DISPATCHER: 'false',
        CROSS_POST_RECONCILE_DELAY_MS: '0',
        ...fakeApiBaseUrlsEnv(fakes),
      },
    });
    session = { app, fakes, token: await app.adminToken() };
    onBoot(session);
  });
  afterAll(async () => {
    await session?.app.stop();
    await session?.fakes.stop();
  });
  beforeEach(() => session.fakes.reset());

  const as = () => `Bearer ${session.token}`;
  return {
    /** The plugin's admin routes (`/cross-post…`) as the super admin. */
    api: () => ({
      get: (url: string) => session.app.http().get(`/cross-post${url}`).set('Authorization', as()),
      post: (url: string, body: object = {}) =>
        session.app.http().post(`/cross-post${url}`).set('Authorization', as()).send(body),
      put: (url: string, body: object) =>
        session.app.http().put(`/cross-post${url}`).set('Authorization', as()).send(body),
      del: (url: string) => session.app.http().delete(`/cross-post${url}`).set('Authorization', as()),
    }),
    /** One round of the dispatcher, as a tick would run it. */
    dispatchOnce: () => session.app.strapi.plugin('cross-post').service('dispatcher').runOnce(),
  };
}

export async function createPost(
  strapi: Core.Strapi,
  { fr, en, link, campaign }: { fr: string; en?: string; link?: string; campaign?: string }
): Promise<string> {
  const posts = strapi.documents('api::post.post' as any);
  const created = await posts.create({
    locale: 'fr',
    data: {
      title: fr.slice(0, 60),
      body: fr,
      link,
      ...(campaign && { campaign }),
    } as any,
  });
  if (en) {
    await posts.update({
      documentId: created.documentId,
      locale: 'en',
      data: { title: en.slice(0, 60), body: en, link } as any,
    });
  }
  await approvePost(strapi, created.documentId);
  return created.documentId;
}

export async function createAccount(
  strapi: Core.Strapi,
  fakes: Fakes,
  network: keyof typeof CREDENTIALS,
  overrides: { name?: string; language?: string; credentials?: Record<string, string> } = {}
) {
  return strapi
    .plugin('cross-post')
    .service('accounts')
    .create({
      network,
      name: overrides.name ?? `${network} account`,
      baseUrl: (fakes as any)[network].baseUrl,
      language: overrides.language ?? 'fr',
      credentials: overrides.credentials ?? CREDENTIALS[network],
    });
}

export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Timed out; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts another Strapi process on the same database (see instance.js); resolves once it is ready. */
export function startInstance(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, 'instance.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The second instance did not start in 90 s')), 90_000);
    child.stdout!.on('data', (chunk) => {
      if (String(chunk).includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`The second instance exited with ${code}`)));
  });
}

export function stopInstance(
  child: ChildProcess | undefined,
  signal: NodeJS.Signals = 'SIGTERM'
): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * Deliveries per status (of these posts' only, when given); a failed one also names its network and
 * reason, so a failing test says why.
 */
export async function deliveryStatuses(
  strapi: Core.Strapi,
  postDocumentIds?: string[]
): Promise<Record<string, number>> {
  const rows = await strapi.db.query('plugin::cross-post.delivery').findMany({
    select: ['status', 'network', 'failureReason'],
    ...(postDocumentIds && { where: { postDocumentId: { $in: postDocumentIds } } }),
  });
  const counts: Record<string, number> = {};
  for (const r of rows as any[]) {
    const key = r.status === 'failed' ? `failed (${r.network}: ${r.failureReason})` : r.status;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Deliveries for every (post, account) pair, all due at `at`. */
export async function scheduleMany(strapi: Core.Strapi, postIds: string[], accountIds: number[], at: Date) {
  const deliveries = strapi.plugin('cross-post').service('deliveries');
  for (const documentId of postIds) await deliveries.schedule(documentId, accountIds, at);
}
