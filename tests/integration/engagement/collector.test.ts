/**
 * The collector end to end on a real Strapi and the fakes: posts published through cross-post are
 * picked up, collected in batches per account, stored as snapshots, current rows and daily
 * rollups; deleted posts stop, refusals move an account's deliveries to its retry time, publishing
 * goes first, followers are read daily and at publication, and "refresh now" is limited per post.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { createAccount, createPost, CREDENTIALS } from '../cross-post/helpers';
import { localDay } from '../../../plugins/engagement/server/src/domain/local-time';
import { createCollector, dailyTotals, HOUR, pickCounters, type Collector } from './helpers';

let app: TestApp;
let fakes: Fakes;
let c: Collector;

beforeAll(async () => {
  fakes = await startFakes();
  app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) } });
  c = createCollector(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  await fakes?.stop();
});

const STAT = 'plugin::engagement.delivery-stat';
const collector = () => app.strapi.plugin('engagement').service('collector');
const dispatchAll = async () => {
  while ((await app.strapi.plugin('cross-post').service('dispatcher').runOnce()) > 0);
};
const statsOf = (postDocumentId: string) =>
  app.strapi.db.query(STAT).findMany({ where: { postDocumentId }, orderBy: [{ network: 'asc' }] });
/** Makes the post's collectable deliveries due now (time passing, without waiting an hour). */
const makeDue = (postDocumentId: string) =>
  app.strapi.db.query(STAT).updateMany({
    where: { postDocumentId, nextCollectAt: { $notNull: true } },
    data: { nextCollectAt: new Date(Date.now() - 1_000) },
  });
const readsOf = (network: 'mastodon' | 'x' | 'bluesky') =>
  fakes[network].requests.filter((r) => r.method === 'GET' && /\/statuses|\/2\/tweets|getPosts/.test(r.path));

let sequence = 0;
async function account(network: keyof typeof CREDENTIALS) {
  sequence += 1;
  const token = {
    mastodon: { accessToken: `collector-${sequence}` },
    x: { ...CREDENTIALS.x, accessToken: `x-collector-${sequence}` },
  }[network as 'mastodon' | 'x'];
  return createAccount(app.strapi, fakes, network, {
    name: `${network} ${sequence}`,
    credentials: token ?? CREDENTIALS[network],
  });
}

async function publish(text: string, accountIds: number[], campaign?: string) {
  const post = await createPost(app.strapi, { fr: text, campaign });
  await app.strapi.plugin('cross-post').service('deliveries').schedule(post, accountIds, new Date());
  await dispatchAll();
  return post;
}

describe('collection', () => {
  it('publishes through cross-post, collects, and stores snapshots, current rows and daily rollups', async () => {
    const campaign = await app.strapi.documents('api::campaign.campaign' as any).create({
      locale: 'fr',
      data: {
        name: 'Printemps',
        slug: 'printemps-collecte',
        objective: 'engagement',
        startsOn: '2026-03-01',
        timeZone: 'America/Montreal',
      } as any,
    });
    const mastodon = await account('mastodon');
    const x = await account('x');
    const telegram = await account('telegram');
    const post = await publish(
      'Le festival ouvre ses portes',
      [mastodon.id, x.id, telegram.id],
      campaign.documentId
    );

    expect(await collector().pickUp()).toBe(3);
    const picked = await statsOf(post);
    expect(picked.map((row: any) => [row.network, row.state, row.timeZone])).toEqual([
      ['mastodon', 'active', 'America/Montreal'],
      ['telegram', 'unavailable', 'America/Montreal'],
      ['x', 'active', 'America/Montreal'],
    ]);
    expect(picked.find((row: any) => row.network === 'telegram').nextCollectAt).toBeNull();
    // A second look finds nothing new.
    expect(await collector().pickUp()).toBe(0);

    // First collection right away, the next in an hour (the post is new).
    const before = Date.now();
    await collector().collectRound();
    let rows = await statsOf(post);
    for (const row of rows.filter((r: any) => r.network !== 'telegram')) {
      expect(row.state).toBe('active');
      expect(row.lastCollectedAt).not.toBeNull();
      const wait = new Date(row.nextCollectAt).getTime() - before;
      expect(wait).toBeGreaterThan(HOUR - 60_000);
      expect(wait).toBeLessThan(HOUR + 60_000);
      // Followers read next to the publication: the denominator of rates by followers.
      expect(row.followersAtPublish).toBeGreaterThan(0);
    }

    // Three hours later on the networks: counters grew.
    fakes.mastodon.advanceTime(3 * HOUR);
    fakes.x.advanceTime(3 * HOUR);
    await makeDue(post);
    await collector().collectRound();
    rows = await statsOf(post);
    const m = rows.find((r: any) => r.network === 'mastodon');
    const xRow = rows.find((r: any) => r.network === 'x');
    expect(m.reactions).toBeGreaterThan(0);
    expect(m.impressions).toBeNull(); // Mastodon does not measure impressions: null, never 0
    expect(xRow.impressions).toBeGreaterThan(0);

    for (const row of [m, xRow]) {
      const snapshots = await c.snapshots.readingsOf(row.deliveryId);
      expect(snapshots.length).toBe(2);
      expect(snapshots[1].counters).toEqual(pickCounters(row));
      expect(await dailyTotals(c, row.deliveryId)).toEqual(pickCounters(row));
      const days = await c.dailies.rowsOf(row.deliveryId);
      expect(days.map((d) => d.day)).toContain(localDay(Date.now(), 'America/Montreal'));
    }
    // Nothing for Telegram: it cannot be read.
    const t = rows.find((r: any) => r.network === 'telegram');
    expect(await c.snapshots.readingsOf(t.deliveryId)).toEqual([]);

    // The admin reads it: every delivery with its series.
    const token = await app.adminToken();
    const response = await app
      .http()
      .get(`/engagement/posts/${post}/metrics`)
      .set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    const mastodonView = response.body.data.deliveries.find((d: any) => d.network === 'mastodon');
    expect(mastodonView).toMatchObject({ state: 'active', counters: { impressions: null } });
    expect(mastodonView.snapshots).toHaveLength(2);
  });

  it('asks each account in batches of its network size, one request per batch', async () => {
    const mastodon = await account('mastodon');
    for (let i = 0; i < 25; i++) await publish(`Annonce en lot ${i}`, [mastodon.id]);
    await collector().pickUp();
    const readsBefore = readsOf('mastodon').length;
    await collector().collectRound();
    // 25 posts, Mastodon takes 20 ids per request: two requests.
    expect(readsOf('mastodon').length - readsBefore).toBe(2);
    const collected = await app.strapi.db
      .query(STAT)
      .count({ where: { accountId: mastodon.id, lastCollectedAt: { $notNull: true } } });
    expect(collected).toBe(25);
  });

  it('stops collecting a post deleted on the network', async () => {
    const mastodon = await account('mastodon');
    const post = await publish('Bientôt supprimé', [mastodon.id]);
    await collector().pickUp();
    await collector().collectRound();
    const [row] = await statsOf(post);
    fakes.mastodon.deletePost(row.remoteId);
    await makeDue(post);
    await collector().collectRound();
    const [gone] = await statsOf(post);
    expect(gone).toMatchObject({ state: 'gone', nextCollectAt: null });
    // Its last numbers stay.
    expect(gone.lastCollectedAt).not.toBeNull();
  });

  it("moves an account's deliveries to the network's retry time after a 429", async () => {
    const mastodon = await account('mastodon');
    const post = await publish('Limité par le réseau', [mastodon.id]);
    const other = await publish('Autre message du même compte', [mastodon.id]);
    await collector().pickUp();
    await collector().collectRound();
    fakes.mastodon.configure({ rateLimitWaitMs: 20 * 60_000 }).failNextRead('rate-limit');
    await makeDue(post);
    // The other post falls due in 5 minutes: not claimed now, but the account cannot be asked then either.
    await app.strapi.db.query(STAT).updateMany({
      where: { postDocumentId: other },
      data: { nextCollectAt: new Date(Date.now() + 5 * 60_000) },
    });
    const before = await c.snapshots.readingsOf((await statsOf(post))[0].deliveryId);
    await collector().collectRound();
    for (const doc of [post, other]) {
      const [row] = await statsOf(doc);
      const wait = new Date(row.nextCollectAt).getTime() - Date.now();
      expect(wait).toBeGreaterThan(18 * 60_000);
      expect(wait).toBeLessThan(21 * 60_000);
      expect(row.leaseOwner).toBeNull();
    }
    expect(await c.snapshots.readingsOf((await statsOf(post))[0].deliveryId)).toEqual(before);
    fakes.mastodon.configure({ rateLimitWaitMs: 1000 });
  });

  it('lets publishing go first: an account with posts due waits, then is collected', async () => {
    const mastodon = await account('mastodon');
    const post = await publish('Déjà en ligne', [mastodon.id]);
    await collector().pickUp();
    const due = await createPost(app.strapi, { fr: 'Doit partir maintenant' });
    await app.strapi.plugin('cross-post').service('deliveries').schedule(due, [mastodon.id], new Date());
    const reads = readsOf('mastodon').length;
    await collector().collectRound();
    const [waiting] = await statsOf(post);
    expect(waiting.lastCollectedAt).toBeNull();
    expect(new Date(waiting.nextCollectAt).getTime()).toBeGreaterThan(Date.now());
    expect(readsOf('mastodon').length).toBe(reads);

    await dispatchAll();
    await makeDue(post);
    await collector().collectRound();
    expect((await statsOf(post))[0].lastCollectedAt).not.toBeNull();
  });

  it('picks up a post scheduled long ago that goes out after later ones', async () => {
    const mastodon = await account('mastodon');
    const early = await createPost(app.strapi, { fr: 'Programmé pour plus tard' });
    const deliveries = app.strapi.plugin('cross-post').service('deliveries');
    await deliveries.schedule(early, [mastodon.id], new Date(Date.now() + 2 * HOUR));
    const later = await publish('Publié tout de suite', [mastodon.id]);
    await collector().pickUp();
    expect(await statsOf(later)).toHaveLength(1);
    expect(await statsOf(early)).toHaveLength(0);

    // The early one goes out now: the trailing cursor still finds it.
    await deliveries.schedule(early, [mastodon.id], new Date());
    await dispatchAll();
    expect(await collector().pickUp()).toBe(1);
    expect(await statsOf(early)).toHaveLength(1);
  });
});

describe('followers', () => {
  it('are read daily per account, late in the local day, with the change since the day before', async () => {
    const mastodon = await account('mastodon');
    await collector().pickUp(); // the account list is synchronised with cross-post's accounts
    await app.strapi.db.query('plugin::engagement.account-stat').updateMany({
      where: { accountId: mastodon.id },
      data: { nextCollectAt: new Date(Date.now() - 1000) },
    });
    const today = localDay(Date.now(), 'Europe/Paris');
    const yesterday = localDay(Date.now() - 24 * HOUR, 'Europe/Paris');
    await app.strapi.db.query('plugin::engagement.account-daily').create({
      data: {
        accountId: mastodon.id,
        network: 'mastodon',
        day: yesterday,
        followers: 100,
        capturedAt: new Date(Date.now() - 24 * HOUR),
      },
    });
    await collector().followersRound();
    const stat = await app.strapi.db
      .query('plugin::engagement.account-stat')
      .findOne({ where: { accountId: mastodon.id } });
    expect(stat.followers).toBeGreaterThan(100);
    const next = new Date(stat.nextCollectAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hour12: false, timeZone: 'Europe/Paris' }).format(
        next
      )
    ).toBe('23');
    const day = await app.strapi.db
      .query('plugin::engagement.account-daily')
      .findOne({ where: { accountId: mastodon.id, day: today } });
    expect(day).toMatchObject({ followers: stat.followers, followersChange: stat.followers - 100 });
  });
});

describe('refresh now', () => {
  it('collects a post at once, at most once per 10 minutes (429 with Retry-After)', async () => {
    const mastodon = await account('mastodon');
    const post = await publish('À rafraîchir', [mastodon.id]);
    await collector().pickUp();
    await collector().collectRound();
    fakes.mastodon.advanceTime(5 * HOUR);
    const token = await app.adminToken();
    const refresh = () =>
      app.http().post(`/engagement/posts/${post}/metrics/refresh`).set('Authorization', `Bearer ${token}`);

    const first = await refresh();
    expect(first.status).toBe(200);
    expect(first.body.data.refresh).toMatchObject({ collected: 1, refusals: [], busy: 0 });
    expect(first.body.data.title).toBe('À rafraîchir');
    const [row] = first.body.data.deliveries;
    expect(row.snapshots).toHaveLength(2);

    const second = await refresh();
    expect(second.status).toBe(429);
    expect(second.body.error.details).toMatchObject({ reason: 'refresh_too_soon' });
    const retryAfter = Number(second.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
  });

  it('needs the read permission, a valid id, and a post that was published', async () => {
    const author = await app.adminToken({ roleCode: 'strapi-author' });
    const admin = await app.adminToken();
    const call = (token: string, id: string) =>
      app.http().post(`/engagement/posts/${id}/metrics/refresh`).set('Authorization', `Bearer ${token}`);
    expect((await call(author, 'abc')).status).toBe(403);
    const bad = await call(admin, 'not%20an%20id');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject({ reason: 'invalid_input' });
    const unknown = await call(admin, 'nosuchpost123');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details).toMatchObject({ reason: 'no_published_delivery' });
    expect(
      (await app.http().get('/engagement/posts/abc/metrics').set('Authorization', `Bearer ${author}`)).status
    ).toBe(403);
  });
});
