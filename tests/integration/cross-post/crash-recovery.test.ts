/**
 * kill -9 while deliveries are publishing, then restart: nothing twice, nothing lost. Mastodon and
 * Bluesky re-send with their idempotency key; X, LinkedIn and Facebook are looked up first.
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

const NETWORKS = ['mastodon', 'bluesky', 'x', 'linkedin', 'facebook'] as const;
const INSTANCE_ENV = {
  CROSS_POST_DISPATCHER: 'true',
  CROSS_POST_TICK_SECONDS: '1',
  CROSS_POST_LEASE_MS: '3000',
  CROSS_POST_RECONCILE_DELAY_MS: '300',
  CROSS_POST_CONCURRENCY: '5',
  CROSS_POST_BATCH: '10',
};

describe('a process killed mid-publish', () => {
  let app: TestApp;
  let fakes: Fakes;
  let instance: ChildProcess | undefined;

  beforeAll(async () => {
    fakes = await startFakes();
    // The in-process app only prepares and checks; the child processes publish.
    app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) } });
  });
  afterAll(async () => {
    await stopInstance(instance);
    await app?.stop();
    await fakes?.stop();
  });

  it('loses nothing and publishes nothing twice after kill -9 and a restart', async () => {
    // A retry starts from nothing: the fakes would refuse this try's texts as duplicates of the last.
    await stopInstance(instance, 'SIGKILL');
    fakes.all.forEach((fake) => fake.reset());
    await app.strapi.db.query('plugin::cross-post.delivery-attempt').deleteMany({});
    await app.strapi.db.query('plugin::cross-post.delivery').deleteMany({});
    const accounts = [];
    for (const network of NETWORKS) accounts.push(await createAccount(app.strapi, fakes, network));
    const posts = [];
    for (let i = 0; i < 12; i++)
      posts.push(await createPost(app.strapi, { fr: `Message ${i} coupé en plein vol` }));
    const total = posts.length * accounts.length;

    // Slow networks: the process dies while a post to a network without idempotency (X, LinkedIn,
    // Facebook) and one to a network with it (Mastodon, Bluesky) are on the wire (the fakes accept
    // them after their latency, as a real network would). Only requests that arrived less than half
    // the latency ago count: they are still unanswered when the kill lands.
    fakes.all.forEach((fake) => fake.configure({ latencyMs: 1_000 }));
    instance = await startInstance(INSTANCE_ENV);
    await scheduleMany(
      app.strapi,
      posts,
      accounts.map((a) => a.id),
      new Date()
    );
    const arrivedWithinMs = 500; // half the latency
    const onTheWire = () => ({
      lookedUp:
        fakes.x.onTheWire('/2/tweets', arrivedWithinMs) +
        fakes.linkedin.onTheWire('/rest/posts', arrivedWithinMs) +
        fakes.facebook.onTheWire(/\/feed$/, arrivedWithinMs),
      idempotent:
        fakes.mastodon.onTheWire('/api/v1/statuses', arrivedWithinMs) +
        fakes.bluesky.onTheWire('/xrpc/com.atproto.repo.createRecord', arrivedWithinMs),
    });
    await waitFor(
      async () => onTheWire(),
      (wire) => wire.lookedUp > 0 && wire.idempotent > 0,
      60_000
    );
    await stopInstance(instance, 'SIGKILL');
    const inFlight = (await deliveryStatuses(app.strapi)).publishing ?? 0;
    expect(inFlight).toBeGreaterThan(0);

    fakes.all.forEach((fake) => fake.configure({ latencyMs: 5 }));
    instance = await startInstance(INSTANCE_ENV);
    // Until every delivery is settled (published or failed: a failure is not waited out).
    const statuses = await waitFor(
      () => deliveryStatuses(app.strapi),
      (s) =>
        Object.entries(s).every(([status]) => status === 'published' || status.startsWith('failed')) &&
        Object.values(s).reduce((sum, n) => sum + n, 0) === total,
      90_000
    );
    expect(statuses).toEqual({ published: total });
    expect(fakes.publishedCount()).toBe(total);
    for (const fake of fakes.all) expect(fake.duplicates()).toEqual([]);

    const outcomes = await app.strapi.db
      .query('plugin::cross-post.delivery-attempt')
      .findMany({ select: ['outcome', 'deliveryId', 'detail'] });
    const seen = outcomes.map((o: any) => o.outcome);
    expect(seen).toContain('recovered');
    // Networks without idempotency were looked up before anything was sent again...
    const lookedUp = new Set(
      outcomes
        .filter((o: any) => ['reconciled', 'not_found'].includes(o.outcome))
        .map((o: any) => o.deliveryId)
    );
    expect(lookedUp.size).toBeGreaterThan(0);
    // ...but what the dead process had claimed and never sent went out as planned, with no lookup.
    const neverSent = outcomes
      .filter((o: any) => o.outcome === 'recovered' && /before sending it/.test(o.detail))
      .map((o: any) => o.deliveryId);
    expect(neverSent.length).toBeGreaterThan(0);
    expect(neverSent.filter((id: number) => lookedUp.has(id))).toEqual([]);
  });
});
