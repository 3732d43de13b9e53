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
      env: { CROSS_POST_DISPATCHER: 'true', CROSS_POST_TICK_SECONDS: '1', ...fakeApiBaseUrlsEnv(fakes) },
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
    const at = new Date(Date.now() + 1_500);
    // All due at once: a bulk schedule.
    for (const documentId of backlog) await deliveries.schedule(documentId, [busy.id], at);
    const otherDueAt = new Date(at.getTime() + 300);
    const [otherDelivery] = await deliveries.schedule(single, [other.id], otherDueAt);

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
});
