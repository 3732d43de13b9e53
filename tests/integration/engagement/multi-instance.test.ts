/**
 * Two Strapi processes collecting metrics on one PostgreSQL or MariaDB database: 300 published
 * deliveries across accounts, both collectors ticking every second with small claims. Every
 * delivery is asked of its network exactly once (the fakes count the ids in each read), and both
 * processes did part of the work. (SQLite is one file for one process.)
 */
import type { ChildProcess } from 'node:child_process';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import {
  createAccount,
  createPost,
  CREDENTIALS,
  startInstance,
  stopInstance,
  waitFor,
} from '../cross-post/helpers';

const onServer = ['postgres', 'mysql'].includes(process.env.DATABASE_CLIENT ?? '');
const NETWORKS = ['mastodon', 'bluesky', 'x'] as const;
const COLLECTOR_ENV = {
  CROSS_POST_DISPATCHER: 'false',
  ENGAGEMENT_COLLECTOR_TICK_SECONDS: '1',
  ENGAGEMENT_COLLECTOR_CLAIM_LIMIT: '15',
};

/** The post ids a metrics read asked for, from the request as the fake received it. */
function idsRead(request: { method: string; path: string; query?: string }): string[] {
  if (request.method !== 'GET') return [];
  const query = new URLSearchParams(request.query ?? '');
  if (request.path === '/api/v1/statuses') return query.getAll('id[]');
  const single = /^\/api\/v1\/statuses\/([^/]+)$/.exec(request.path);
  if (single) return [single[1]];
  if (request.path === '/xrpc/app.bsky.feed.getPosts') return query.getAll('uris');
  if (request.path === '/2/tweets') return (query.get('ids') ?? '').split(',').filter(Boolean);
  return [];
}

(onServer ? describe : describe.skip)('two collectors on one database server', () => {
  let app: TestApp;
  let fakes: Fakes;
  let second: ChildProcess | undefined;

  // Around each try, not once: the test counts every row of its database, so a retry (jest-setup.ts)
  // starts from an empty one, with fresh fakes and without the first try's second process.
  beforeEach(async () => {
    fakes = await startFakes();
    fakes.all.forEach((fake) => fake.configure({ latencyMs: 20 }));
    app = await bootStrapi({ env: { ...fakeApiBaseUrlsEnv(fakes), CROSS_POST_DISPATCHER: 'false' } });
  });
  afterEach(async () => {
    await app?.strapi.plugin('engagement').service('collector').stop();
    await stopInstance(second);
    second = undefined;
    await app?.stop();
    await fakes?.stop();
  });

  it('never asks for the same delivery twice, and shares the work', async () => {
    const accounts = [];
    for (const network of NETWORKS)
      for (const n of [1, 2])
        accounts.push(
          await createAccount(app.strapi, fakes, network, {
            name: `${network} ${n}`,
            credentials: {
              mastodon: { accessToken: `mastodon-multi-${n}` },
              bluesky: { identifier: `multi${n}.test`, appPassword: 'pw' },
              x: { ...CREDENTIALS.x, accessToken: `x-multi-${n}` },
            }[network],
          })
        );
    const deliveries = app.strapi.plugin('cross-post').service('deliveries');
    for (let i = 0; i < 50; i++) {
      const post = await createPost(app.strapi, { fr: `Mesure partagée numéro ${i}` });
      await deliveries.schedule(
        post,
        accounts.map((a) => a.id),
        new Date()
      );
    }
    while ((await app.strapi.plugin('cross-post').service('dispatcher').runOnce()) > 0);
    const published = await app.strapi.db
      .query('plugin::cross-post.delivery')
      .findMany({ where: { status: 'published' }, select: ['remoteId'] });
    expect(published).toHaveLength(300);
    for (const fake of fakes.all) fake.requests.length = 0;

    // What this process asks of the networks (the other process is counted by the fakes only).
    const metrics = app.strapi.plugin('cross-post').service('metrics');
    const fetchMetrics = metrics.fetchMetrics.bind(metrics);
    let askedHere = 0;
    metrics.fetchMetrics = async (accountId: number, remoteIds: string[]) => {
      askedHere += remoteIds.length;
      return fetchMetrics(accountId, remoteIds);
    };

    second = await startInstance(COLLECTOR_ENV);
    for (const [key, value] of Object.entries({ collectorTickSeconds: 1, collectorClaimLimit: 15 }))
      app.strapi.config.set(`plugin::engagement.${key}`, value);
    app.strapi.plugin('engagement').service('collector').start();

    const stats = app.strapi.db.query('plugin::engagement.delivery-stat');
    await waitFor(
      () => stats.count({ where: { lastCollectedAt: { $notNull: true } } }),
      (collected) => collected === 300,
      90_000
    );
    // Room for a second, mistaken read to happen.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const reads = new Map<string, number>();
    for (const fake of fakes.all)
      for (const request of fake.requests)
        for (const id of idsRead(request)) reads.set(id, (reads.get(id) ?? 0) + 1);
    const remoteIds = published.map((row: any) => String(row.remoteId));
    expect(remoteIds.filter((id) => reads.get(id) !== 1)).toEqual([]);
    expect(reads.size).toBe(300);
    // Both processes collected part of them.
    expect(askedHere).toBeGreaterThan(0);
    expect(askedHere).toBeLessThan(300);
    // One first snapshot each.
    expect(await app.strapi.db.query('plugin::engagement.metric-snapshot').count({})).toBe(300);
  });
});
