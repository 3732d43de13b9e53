/**
 * Publishing stays fair: one account's backlog (a slow network, a bulk schedule) never keeps another
 * account's due post waiting, and each account's posts go out in the order they were asked for.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { createAccount, createPost, waitFor } from './helpers';

describe('an account with a backlog', () => {
  let app: TestApp;
  let fakes: Fakes;

  beforeAll(async () => {
    fakes = await startFakes();
    app = await bootStrapi({
      env: {
        CROSS_POST_DISPATCHER: 'true',
        CROSS_POST_TICK_SECONDS: '1',
        // Two lanes, so that accounts with due posts outnumber them.
        CROSS_POST_CONCURRENCY: '2',
        ...fakeApiBaseUrlsEnv(fakes),
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fakes?.stop();
  });

  it("does not delay another account's post due meanwhile, and sends its own in order", async () => {
    const run = Date.now().toString(36);
    // 150 ms per Mastodon answer: 40 posts take that account 6 s, one after another.
    fakes.mastodon.configure({ latencyMs: 150 });
    const busy = await createAccount(app.strapi, fakes, 'mastodon', { name: `busy ${run}` });
    const other = await createAccount(app.strapi, fakes, 'discord', { name: `other ${run}` });
    const backlog: string[] = [];
    for (let i = 0; i < 40; i++) backlog.push(await createPost(app.strapi, { fr: `Série ${run} n° ${i}` }));
    const single = await createPost(app.strapi, { fr: `Annonce ${run} sur l'autre compte` });

    const deliveries = app.strapi.plugin('cross-post').service('deliveries');
    const at = new Date(Date.now() + 2_500);
    // (scheduled first: a slow machine may still be scheduling the backlog when it falls due)
    const otherDueAt = new Date(at.getTime() + 300);
    const [otherDelivery] = await deliveries.schedule(single, [other.id], otherDueAt);
    // All due at once: a bulk schedule.
    for (const documentId of backlog) await deliveries.schedule(documentId, [busy.id], at);

    const published = await waitFor(
      () => deliveries.findOne(otherDelivery.id),
      (delivery: any) => delivery?.status === 'published',
      20_000
    );
    const backlogOnline = fakes.mastodon.published.filter((p) => p.text.includes(`Série ${run}`)).length;
    // Out within a second of its due time, while most of the backlog is still waiting its turn.
    expect(new Date(published.publishedAt).getTime() - otherDueAt.getTime()).toBeLessThan(1_000);
    expect(backlogOnline).toBeLessThan(20);

    await waitFor(
      async () => fakes.mastodon.published.filter((p) => p.text.includes(`Série ${run}`)).length,
      (count) => count === 40,
      30_000
    );
    const order = fakes.mastodon.published
      .filter((p) => p.text.includes(`Série ${run}`))
      .map((p) => Number(/n° (\d+)/.exec(p.text)![1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    fakes.mastodon.configure({ latencyMs: 0 });
  });

  it('holds back what an account had claimed when the network pauses it, in one write, and sends it all in order after the pause', async () => {
    const run = Date.now().toString(36);
    // 100 ms per answer, so the account's later posts are still in its lane when the first one meets the 429.
    fakes.discord.configure({ latencyMs: 100, rateLimitWaitMs: 1_500 });
    const account = await createAccount(app.strapi, fakes, 'discord', { name: `paused ${run}` });
    const posts: string[] = [];
    for (let i = 0; i < 8; i++) posts.push(await createPost(app.strapi, { fr: `Lot ${run} n° ${i}` }));
    const deliveries = app.strapi.plugin('cross-post').service('deliveries');
    const at = new Date(Date.now() + 2_000);
    for (const documentId of posts) await deliveries.schedule(documentId, [account.id], at);
    // Writes that hand claimed deliveries back, never attempted, as `scheduled`.
    let handedBack = 0;
    const count = (query: any) => {
      if (/^update\b.*cross_post_deliveries/i.test(query.sql) && query.bindings?.includes('scheduled'))
        handedBack++;
    };
    app.strapi.db.connection.on('query', count);
    fakes.discord.failNext('rate-limit');
    const pausedAt = Date.now();
    try {
      const online = await waitFor(
        async () => fakes.discord.published.filter((p) => p.text.includes(`Lot ${run}`)),
        (list) => list.length === 8,
        20_000
      );
      // Nothing went out during the pause the network asked for (the 429 came at the first send).
      expect(Math.min(...online.map((p) => p.at)) - Math.max(pausedAt, at.getTime())).toBeGreaterThanOrEqual(
        1_400
      );
      expect(online.map((p) => Number(/n° (\d+)/.exec(p.text)![1]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      // The seven it still held went back together (one by one, seven writes).
      expect(handedBack).toBe(1);
    } finally {
      app.strapi.db.connection.off('query', count);
      fakes.discord.configure({ latencyMs: 0, rateLimitWaitMs: 1_000 });
    }
  });

  it('takes turns when more accounts have due posts than there are lanes: a third account is not kept waiting', async () => {
    const run = Date.now().toString(36);
    // Two busy accounts fill both lanes, and claims keep their lanes full: 30 posts each at 100 ms.
    fakes.mastodon.configure({ latencyMs: 100 });
    const busy = [
      await createAccount(app.strapi, fakes, 'mastodon', { name: `busy one ${run}` }),
      await createAccount(app.strapi, fakes, 'mastodon', { name: `busy two ${run}` }),
    ];
    const third = await createAccount(app.strapi, fakes, 'discord', { name: `third ${run}` });
    const burst: string[] = [];
    for (let i = 0; i < 30; i++) burst.push(await createPost(app.strapi, { fr: `Rafale ${run} n° ${i}` }));
    const announcement = await createPost(app.strapi, { fr: `Annonce ${run} du troisième compte` });
    const deliveries = app.strapi.plugin('cross-post').service('deliveries');
    const at = new Date(Date.now() + 2_500);
    // (the third account's post is scheduled first: a slow machine may still be scheduling the burst
    // when it falls due)
    const [thirdDelivery] = await deliveries.schedule(announcement, [third.id], new Date(at.getTime() + 300));
    for (const documentId of burst)
      await deliveries.schedule(
        documentId,
        busy.map((account) => account.id),
        at
      );
    try {
      await waitFor(
        () => deliveries.findOne(thirdDelivery.id),
        (delivery: any) => delivery?.status === 'published',
        20_000
      );
      const burstOnline = fakes.mastodon.published.filter((p) => p.text.includes(`Rafale ${run}`)).length;
      // Out while the two busy accounts still had most of their 60 posts to send (without turns, the
      // lanes would have kept both accounts until the end of the burst: 60 first).
      expect(burstOnline).toBeLessThan(30);
      await waitFor(
        async () => fakes.mastodon.published.filter((p) => p.text.includes(`Rafale ${run}`)).length,
        (count) => count === 60,
        30_000
      );
    } finally {
      fakes.mastodon.configure({ latencyMs: 0 });
    }
  });

  it('checks a post sent to many accounts against its approval before every send, sharing the reads made at once', async () => {
    const run = Date.now().toString(36);
    const networks = ['mastodon', 'discord', 'telegram', 'bluesky', 'x', 'linkedin'] as const;
    const accounts = [];
    for (const network of networks)
      accounts.push(await createAccount(app.strapi, fakes, network, { name: `launch ${network} ${run}` }));
    const documentId = await createPost(app.strapi, { fr: `Lancement ${run} partout à la fois` });
    const subjects = app.strapi.plugin('editorial').service('subjects');
    const reviews = app.strapi.db.query('plugin::editorial.review' as any);
    const load = jest.spyOn(subjects, 'load');
    const reviewReads = jest.spyOn(reviews, 'findOne');
    try {
      const deliveries = app.strapi.plugin('cross-post').service('deliveries');
      const scheduled = await deliveries.schedule(
        documentId,
        accounts.map((account) => account.id),
        new Date(Date.now() + 300)
      );
      load.mockClear();
      reviewReads.mockClear();
      await waitFor(
        async () => Promise.all(scheduled.map((delivery: any) => deliveries.findOne(delivery.id))),
        (rows: any[]) => rows.every((row) => row?.status === 'published'),
        15_000
      );
      // Six sends: the approval read at most 250 ms before each (sends at the same moment share a read:
      // once here, up to six on a machine busy enough to spread them), the post's own rows once (at
      // most twice, however slow the machine; once per send before).
      expect(load.mock.calls.length).toBeLessThanOrEqual(2);
      expect(reviewReads.mock.calls.length).toBeGreaterThanOrEqual(1);
      expect(reviewReads.mock.calls.length).toBeLessThanOrEqual(networks.length);
    } finally {
      load.mockRestore();
      reviewReads.mockRestore();
    }
  });
});
