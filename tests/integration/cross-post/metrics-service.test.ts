/**
 * The cross-post `metrics` service as the engagement collector calls it, on a real Strapi and the
 * fakes: published deliveries by cursor, one batch per account, publishing first, a 429 pausing the
 * account's reads (and its publishing only where the network's limit covers the whole token), token
 * refresh, a refused token asking for a reconnection, and the Telegram replies cursor.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { createAccount, createPost, CREDENTIALS } from './helpers';

let app: TestApp;
let fakes: Fakes;

beforeAll(async () => {
  fakes = await startFakes();
  app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) } });
});
afterAll(async () => {
  await app?.stop();
  await fakes?.stop();
});
beforeEach(() => fakes.reset());

const HOUR = 3_600_000;
const service = () => app.strapi.plugin('cross-post').service('metrics');
const accountRow = (id: number) =>
  app.strapi.db.query('plugin::cross-post.social-account').findOne({ where: { id } });

let sequence = 0;
/** A new account (its own identity on the fake) and `n` posts published on it now. */
async function publishedOn(
  network: keyof typeof CREDENTIALS,
  n: number,
  credentials?: Record<string, string>
) {
  sequence += 1;
  const account = await createAccount(app.strapi, fakes, network, {
    name: `${network} ${sequence}`,
    credentials: credentials ?? CREDENTIALS[network],
  });
  const deliveries = [];
  for (let i = 0; i < n; i++) {
    const post = await createPost(app.strapi, { fr: `Mesure ${sequence}-${i} sur ${network}` });
    await app.strapi.plugin('cross-post').service('deliveries').schedule(post, [account.id], new Date());
    deliveries.push(post);
  }
  while ((await app.strapi.plugin('cross-post').service('dispatcher').runOnce()) > 0);
  const rows = await app.strapi.db
    .query('plugin::cross-post.delivery')
    .findMany({ where: { accountId: account.id }, orderBy: [{ id: 'asc' }] });
  expect(rows.map((r: any) => r.status)).toEqual(Array(n).fill('published'));
  return { account, remoteIds: rows.map((r: any) => r.remoteId as string), rows };
}

const metricsReads = (network: 'mastodon' | 'x' | 'bluesky') =>
  fakes[network].requests.filter((r) => /\/statuses|\/2\/tweets|getPosts/.test(r.path) && r.method === 'GET')
    .length;

describe('listPublished', () => {
  it('pages through published deliveries by id with the caller keeping the cursor', async () => {
    const { account, rows } = await publishedOn('mastodon', 3);
    // A delivery that is not published is never listed.
    const pending = await createPost(app.strapi, { fr: 'Pas encore publié' });
    await app.strapi
      .plugin('cross-post')
      .service('deliveries')
      .schedule(pending, [account.id], new Date(Date.now() + HOUR));
    const start = rows[0].id - 1;
    const first = await service().listPublished({ afterId: start, limit: 2 });
    expect(first.map((d: any) => d.deliveryId)).toEqual([rows[0].id, rows[1].id]);
    expect(first[0]).toEqual({
      deliveryId: rows[0].id,
      accountId: account.id,
      network: 'mastodon',
      remoteId: rows[0].remoteId,
      url: rows[0].url,
      postDocumentId: rows[0].postDocumentId,
      campaignDocumentId: null,
      publishedAt: new Date(rows[0].publishedAt).toISOString(),
    });
    const second = await service().listPublished({ afterId: first[1].deliveryId, limit: 2 });
    expect(second.map((d: any) => d.deliveryId)).toEqual([rows[2].id]);
    expect(await service().listPublished({ afterId: rows[2].id, limit: 2 })).toEqual([]);
  });

  it('refuses a bad cursor with a clear validation error', async () => {
    await expect(service().listPublished({ afterId: -1, limit: 10 })).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/afterId/),
    });
    await expect(service().listPublished({ afterId: 0, limit: 5000 })).rejects.toMatchObject({
      message: expect.stringMatching(/limit is at most/),
    });
  });
});

describe('profiles', () => {
  it("gives each network's batch size, what it measures and how often it changes", () => {
    const profiles = service().profiles();
    expect(Object.keys(profiles).sort()).toEqual(
      [
        'bluesky',
        'discord',
        'discourse',
        'facebook',
        'instagram',
        'linkedin',
        'mastodon',
        'pinterest',
        'telegram',
        'threads',
        'wordpress',
        'x',
        'youtube',
      ].sort()
    );
    expect(profiles.x).toMatchObject({ batchSize: 100, windowDays: 30, freshness: 'live', polled: true });
    expect(profiles.mastodon.measures).not.toContain('impressions');
    expect(profiles.facebook.freshness).toBe('daily');
    expect(profiles.telegram.polled).toBe(false);
  });
});

describe('fetchMetrics', () => {
  it('answers one result per id in the order given, a deleted post gone', async () => {
    const { account, remoteIds } = await publishedOn('mastodon', 3);
    fakes.mastodon.deletePost(remoteIds[1]);
    fakes.mastodon.advanceTime(2 * HOUR);
    const answer = await service().fetchMetrics(account.id, [...remoteIds].reverse());
    expect(answer.ok).toBe(true);
    expect(answer.results.map((r: any) => [r.remoteId, r.state])).toEqual([
      [remoteIds[2], 'ok'],
      [remoteIds[1], 'gone'],
      [remoteIds[0], 'ok'],
    ]);
    expect(answer.results[0].counters).toMatchObject({ reactions: expect.any(Number), impressions: null });
  });

  it('refuses more ids than the network takes per request, and an unknown account', async () => {
    const { account } = await publishedOn('mastodon', 1);
    const ids = Array.from({ length: 21 }, (_, i) => String(i + 1));
    await expect(service().fetchMetrics(account.id, ids)).rejects.toMatchObject({
      name: 'ValidationError',
      details: { reason: 'batch_too_large', batchSize: 20 },
    });
    await expect(service().fetchMetrics(999_999, ['1'])).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(service().fetchMetrics(account.id, [])).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('lets publishing go first: posts due on the account, or its publishing wait, hold reads back', async () => {
    const { account, remoteIds } = await publishedOn('mastodon', 1);
    const due = await createPost(app.strapi, { fr: 'Doit partir maintenant' });
    await app.strapi.plugin('cross-post').service('deliveries').schedule(due, [account.id], new Date());
    const reads = metricsReads('mastodon');
    const held = await service().fetchMetrics(account.id, remoteIds);
    expect(held).toMatchObject({ ok: false, reason: 'paused_for_publishing' });
    expect(Date.parse(held.retryAt)).toBeGreaterThan(Date.now());
    expect(metricsReads('mastodon')).toBe(reads);

    await app.strapi.plugin('cross-post').service('dispatcher').runOnce();
    expect((await service().fetchMetrics(account.id, remoteIds)).ok).toBe(true);

    const until = new Date(Date.now() + 10 * 60_000);
    await app.strapi
      .plugin('cross-post')
      .service('accounts')
      .waitUntil(account.id, until, 'Mastodon quota used up');
    const waiting = await service().fetchMetrics(account.id, remoteIds);
    expect(waiting).toMatchObject({ ok: false, reason: 'paused_for_publishing' });
    expect(Math.abs(Date.parse(waiting.retryAt) - until.getTime())).toBeLessThan(1_000);
  });

  it("a 429 on Mastodon pauses the account's reads and its publishing (one budget per token)", async () => {
    const { account, remoteIds } = await publishedOn('mastodon', 1);
    fakes.mastodon.configure({ rateLimitWaitMs: 60_000 }).failNextRead('rate-limit');
    const limited = await service().fetchMetrics(account.id, remoteIds);
    expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
    const retryAt = Date.parse(limited.retryAt);
    expect(retryAt - Date.now()).toBeGreaterThan(50_000);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(61_000);
    const row = await accountRow(account.id);
    // Within a second: MySQL may keep datetimes to the second.
    expect(Math.abs(new Date(row.metricsPausedUntil).getTime() - retryAt)).toBeLessThan(1_000);
    expect(Math.abs(new Date(row.rateLimitedUntil).getTime() - retryAt)).toBeLessThan(1_000);
    // Publishing's wait now holds reads back too.
    const reads = metricsReads('mastodon');
    expect(await service().fetchMetrics(account.id, remoteIds)).toMatchObject({ ok: false });
    expect(metricsReads('mastodon')).toBe(reads);
    const health = (await service().accountsHealth()).find((h: any) => h.accountId === account.id);
    expect(health).toMatchObject({ network: 'mastodon', reconnect: false, pausedUntil: expect.any(String) });
    expect(Math.abs(Date.parse(health.pausedUntil) - retryAt)).toBeLessThan(1_000);
  });

  it('a 429 on X pauses reads only: publishing goes on', async () => {
    const { account, remoteIds } = await publishedOn('x', 1, { ...CREDENTIALS.x, accessToken: 'x-429' });
    fakes.x.configure({ rateLimitWaitMs: 120_000 }).failNextRead('rate-limit');
    const limited = await service().fetchMetrics(account.id, remoteIds);
    expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
    const row = await accountRow(account.id);
    expect(row.rateLimitedUntil).toBeNull();
    expect(Math.abs(new Date(row.metricsPausedUntil).getTime() - Date.parse(limited.retryAt))).toBeLessThan(
      1_000
    );

    const reads = metricsReads('x');
    expect(await service().fetchMetrics(account.id, remoteIds)).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
    expect(metricsReads('x')).toBe(reads);

    const post = await createPost(app.strapi, { fr: 'Publié malgré la pause des mesures' });
    await app.strapi.plugin('cross-post').service('deliveries').schedule(post, [account.id], new Date());
    await app.strapi.plugin('cross-post').service('dispatcher').runOnce();
    const published = await app.strapi.db
      .query('plugin::cross-post.delivery')
      .findOne({ where: { postDocumentId: post, accountId: account.id } });
    expect(published.status).toBe('published');
  });

  it('refreshes an expired token as publishing does and keeps the new one', async () => {
    const { account, remoteIds } = await publishedOn('x', 1, { ...CREDENTIALS.x, accessToken: 'x-expiring' });
    fakes.x.expiredTokens.add('x-expiring');
    const answer = await service().fetchMetrics(account.id, remoteIds);
    expect(answer.ok).toBe(true);
    expect(fakes.x.refreshCount).toBe(1);
    const stored = await app.strapi.plugin('cross-post').service('accounts').forProvider(account.id);
    expect(stored.credentials.accessToken).not.toBe('x-expiring');
  });

  it('refreshes an expired Bluesky session', async () => {
    const { account, remoteIds } = await publishedOn('bluesky', 1);
    fakes.bluesky.expireAccessTokens();
    const answer = await service().fetchMetrics(account.id, remoteIds);
    expect(answer).toMatchObject({ ok: true, results: [{ state: 'ok' }] });
    expect(fakes.bluesky.sessionsRefreshed).toBe(1);
  });

  it('a refused token asks for a reconnection, until new credentials are entered', async () => {
    const { account, remoteIds } = await publishedOn('mastodon', 1, {
      accessToken: 'mastodon-revoked-later',
    });
    fakes.mastodon.revokedTokens.add('mastodon-revoked-later');
    const refused = await service().fetchMetrics(account.id, remoteIds);
    expect(refused).toMatchObject({ ok: false, reason: 'reconnect', retryAt: null });
    expect(refused.message).not.toContain('mastodon-revoked-later');
    let health = (await service().accountsHealth()).find((h: any) => h.accountId === account.id);
    expect(health).toMatchObject({ reconnect: true, reason: expect.stringMatching(/reconnect/) });

    await app.strapi
      .plugin('cross-post')
      .service('accounts')
      .update(account.id, { credentials: { accessToken: 'mastodon-new-token' } });
    health = (await service().accountsHealth()).find((h: any) => h.accountId === account.id);
    expect(health).toMatchObject({ reconnect: false, pausedUntil: null });
    // The post was published with the old token's account on the fake: it still exists.
    expect((await service().fetchMetrics(account.id, remoteIds)).ok).toBe(true);
  });

  it('a 5xx is a network error to try again later, nothing paused', async () => {
    const { account, remoteIds } = await publishedOn('mastodon', 1, { accessToken: 'mastodon-5xx' });
    fakes.mastodon.failNextRead('server-error');
    const answer = await service().fetchMetrics(account.id, remoteIds);
    expect(answer).toMatchObject({ ok: false, reason: 'network_error' });
    expect(Date.parse(answer.retryAt)).toBeGreaterThan(Date.now());
    expect((await accountRow(account.id)).metricsPausedUntil).toBeNull();
  });
});

describe('fetchAccountMetrics', () => {
  it('reads followers, null where the network cannot say', async () => {
    const mastodon = await createAccount(app.strapi, fakes, 'mastodon', { name: 'Followers M' });
    const discord = await createAccount(app.strapi, fakes, 'discord', { name: 'Followers D' });
    expect(await service().fetchAccountMetrics(mastodon.id)).toEqual({
      ok: true,
      followers: expect.any(Number),
    });
    expect(await service().fetchAccountMetrics(discord.id)).toEqual({ ok: true, followers: null });
  });
});

describe('replies (Telegram)', () => {
  it('reads past the oldest 100 updates with the cursor kept per account once confirmed', async () => {
    const account = await createAccount(app.strapi, fakes, 'telegram', { name: 'Telegram replies' });
    for (let i = 0; i < 120; i++)
      fakes.telegram.addReply('123:ABC', { toMessageId: 3, text: `réponse ${i}` });
    const replies = app.strapi.plugin('cross-post').service('replies');
    const since = new Date(Date.now() - HOUR);
    const first = await replies.fetch(account.id, { since });
    expect(first).toMatchObject({ ok: true, more: true });
    expect(first.replies).toHaveLength(100);
    // Not confirmed: the same page comes back.
    expect((await replies.fetch(account.id, { since })).replies[0].text).toBe('réponse 0');
    await replies.confirm(account.id, first.cursor);
    expect((await accountRow(account.id)).repliesCursor).toBe(first.cursor);
    const second = await replies.fetch(account.id, { since });
    expect(second.replies.map((r: any) => r.text)).toEqual(
      Array.from({ length: 20 }, (_, i) => `réponse ${100 + i}`)
    );
    expect(second.more).toBe(false);
  });
});
