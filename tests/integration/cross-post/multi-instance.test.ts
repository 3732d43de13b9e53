/**
 * Two Strapi processes on one PostgreSQL or MariaDB database, 500 deliveries due at once across the
 * fakes: every delivery goes out exactly once (the fakes count) and none is lost. (SQLite is one
 * file for one process.)
 */
import type { ChildProcess } from 'node:child_process';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import {
  createAccount,
  createPost,
  deliveryStatuses,
  scheduleMany,
  startInstance,
  stopInstance,
  waitFor,
} from './helpers';

const onServer = ['postgres', 'mysql'].includes(process.env.DATABASE_CLIENT ?? '');
const NETWORKS = ['mastodon', 'bluesky', 'x', 'linkedin', 'facebook'] as const;

(onServer ? describe : describe.skip)('two instances on one database server', () => {
  let app: TestApp;
  let fakes: Fakes;
  let second: ChildProcess | undefined;

  beforeAll(async () => {
    fakes = await startFakes();
    fakes.all.forEach((fake) => fake.configure({ latencyMs: 20 }));
    // Rounds of 50: with the default 200, the first instance to wake may claim all 500 in three
    // rounds before the other's tick, and the test would no longer show two instances sharing.
    const dispatcher = {
      CROSS_POST_DISPATCHER: 'true',
      CROSS_POST_TICK_SECONDS: '1',
      CROSS_POST_BATCH: '50',
    };
    app = await bootStrapi({ env: { ...dispatcher, ...fakeApiBaseUrlsEnv(fakes) } });
    second = await startInstance(dispatcher);
  });
  afterAll(async () => {
    await stopInstance(second);
    await app?.stop();
    await fakes?.stop();
  });

  it('publishes 500 deliveries due at once exactly once each', async () => {
    const accounts = [];
    for (const network of NETWORKS) {
      for (const n of [1, 2]) {
        accounts.push(
          await createAccount(app.strapi, fakes, network, {
            name: `${network} ${n}`,
            // Distinct credentials: each account is its own identity on the fake.
            credentials: {
              mastodon: { accessToken: `mastodon-${n}` },
              bluesky: { identifier: `account${n}.test`, appPassword: 'pw' },
              x: { accessToken: `x-${n}`, clientId: 'c' },
              linkedin: { accessToken: `li-${n}`, author: `urn:li:organization:${n}` },
              facebook: { pageId: `page${n}`, pageAccessToken: `fb-${n}` },
            }[network],
          })
        );
      }
    }
    const posts = [];
    for (let i = 0; i < 50; i++)
      posts.push(await createPost(app.strapi, { fr: `Annonce numéro ${i} du festival` }));

    const dueAt = new Date(Date.now() + 1_500);
    await scheduleMany(
      app.strapi,
      posts,
      accounts.map((a) => a.id),
      dueAt
    );

    const statuses = await waitFor(
      () => deliveryStatuses(app.strapi),
      (s) => (s.published ?? 0) === 500,
      90_000
    );
    expect(statuses).toEqual({ published: 500 });
    expect(fakes.publishedCount()).toBe(500);
    for (const fake of fakes.all) expect(fake.duplicates()).toEqual([]);

    // Both processes did part of the work. (Attempts are written at the end of each round, just
    // after the deliveries they tell of.)
    const attempts = await waitFor(
      () =>
        app.strapi.db
          .query('plugin::cross-post.delivery-attempt')
          .findMany({ where: { outcome: 'published' }, select: ['instance'] }),
      (rows: any[]) => rows.length >= 500,
      10_000
    );
    expect(attempts).toHaveLength(500);
    expect(new Set(attempts.map((a: any) => a.instance)).size).toBe(2);
  });
});
