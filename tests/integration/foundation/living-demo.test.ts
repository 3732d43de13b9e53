/**
 * The demo a newcomer opens after `npm run fakes` and `CROSS_POST_DEMO_ACCOUNTS=true npm run develop`:
 * weeks of publications on the demo accounts with the engagement they met, comments waiting in the
 * moderation queue, contests with entrants (one ready to draw), and the collector reading on from the
 * fakes where the history stops. All of it once: a second boot adds nothing.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { DEMO_COMMENTS, DEMO_CLOSED_CONTEST } from '../../../src/seed/demo-activity-content';
import { DEMO_POSTS } from '../../../src/seed/demo-content';
import { seedDemoContent } from '../../../src/seed/seed-demo';
import { seedDemoActivity } from '../../../src/seed/seed-demo-activity';
import { DEMO } from '../../../plugins/cross-post/server/src/demo-accounts';
import { DEMO_PAST_NETWORKS } from '../../../plugins/cross-post/server/src/demo/remote-ids';
import { METRIC_COUNTERS } from '../../../plugins/engagement/server/src/domain/counters';

const DAY = 86_400_000;
const DELIVERY = 'plugin::cross-post.delivery';
const ATTEMPT = 'plugin::cross-post.delivery-attempt';
const STAT = 'plugin::engagement.delivery-stat';
const SNAPSHOT = 'plugin::engagement.metric-snapshot';
const DAILY = 'plugin::engagement.metric-daily';
const ACCOUNT_DAILY = 'plugin::engagement.account-daily';
const ACCOUNT_STAT = 'plugin::engagement.account-stat';
const COMMENT = 'plugin::moderation.comment';
const ENTRY = 'plugin::contests.contest-entry';

let app: TestApp;
let fakes: Fakes;
let bootedAt: number;

beforeAll(async () => {
  fakes = await startFakes();
  bootedAt = Date.now();
  app = await bootStrapi({
    seedDemo: true,
    env: { CROSS_POST_DEMO_ACCOUNTS: 'true', CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) },
  });
});
afterAll(async () => {
  await app?.stop();
  await fakes?.stop();
});

const query = (uid: string) => app.strapi.db.query(uid as any);
const service = (plugin: string, name: string) => app.strapi.plugin(plugin).service(name);
const profiles = () => service('cross-post', 'metrics').profiles();

/** What the demo posts say goes out, and how it must have turned out by now. */
function expectedDeliveries() {
  const expected = { published: 0, scheduled: 0, failed: 0 };
  for (const post of DEMO_POSTS) {
    for (const network of post.goesOutOn ?? []) {
      if (post.plannedInDays > 0) expected.scheduled += 1;
      else if (network === post.refusedBy) expected.failed += 1;
      else expected.published += 1;
    }
  }
  return expected;
}

async function publishedStats() {
  const published = await query(DELIVERY).findMany({ where: { status: 'published' } });
  return query(STAT).findMany({ where: { deliveryId: { $in: published.map((row: any) => row.id) } } });
}

/** Per counter, the sum of the delivery's daily rows (null where no day measured it). */
async function dailySums(deliveryId: number) {
  const sums: Record<string, number | null> = Object.fromEntries(METRIC_COUNTERS.map((name) => [name, null]));
  for (const day of await query(DAILY).findMany({ where: { deliveryId } }))
    for (const name of METRIC_COUNTERS)
      if (day[name] !== null && day[name] !== undefined) sums[name] = (sums[name] ?? 0) + Number(day[name]);
  return sums;
}

const countersOf = (row: any) =>
  Object.fromEntries(METRIC_COUNTERS.map((name) => [name, row[name] === null ? null : Number(row[name])]));

describe('the publication history', () => {
  it('has the demo posts published on the demo accounts over the past weeks, some scheduled, one refused', async () => {
    const expected = expectedDeliveries();
    const deliveries: any[] = await service('cross-post', 'deliveries').list({});
    const byStatus = (status: string) => deliveries.filter((delivery) => delivery.status === status);
    expect(byStatus('published')).toHaveLength(expected.published);
    expect(byStatus('scheduled')).toHaveLength(expected.scheduled);
    expect(byStatus('failed')).toHaveLength(expected.failed);
    expect(expected.published).toBeGreaterThan(20);

    const now = Date.now();
    for (const delivery of byStatus('published')) {
      expect(delivery.remoteId).toEqual(expect.any(String));
      expect(delivery.url).toMatch(/^https?:\/\//);
      expect(delivery.text.length).toBeGreaterThan(20);
      expect(Date.parse(delivery.publishedAt)).toBeLessThan(now);
      expect(Date.parse(delivery.publishedAt)).toBeGreaterThan(now - 28 * DAY);
    }
    // The calendar and the "upcoming publications" widget have something in the coming days.
    const inAWeek = byStatus('scheduled').filter(
      (delivery) => Date.parse(delivery.scheduledAt) < now + 7 * DAY
    );
    expect(inAWeek.length).toBeGreaterThanOrEqual(3);
    expect(inAWeek.every((delivery) => Date.parse(delivery.scheduledAt) > now)).toBe(true);

    const [refused] = byStatus('failed');
    expect(refused.network).toBe('x');
    expect(refused.failureReason).toMatch(/duplicate.*change the text/i);
    const attempts = await service('cross-post', 'deliveries').attempts(refused.id);
    expect(attempts.map((attempt: any) => attempt.outcome)).toEqual(['rejected']);
    const publishedAttempts = await query(ATTEMPT).count({ where: { outcome: 'published' } });
    expect(publishedAttempts).toBe(expected.published);
  });
});

describe('the engagement history', () => {
  it('measures every delivery on a polled network since it went out, its daily changes adding up to its totals', async () => {
    const stats = await publishedStats();
    const measures = profiles();
    const polled = stats.filter((row: any) => measures[row.network].polled);
    expect(polled.length).toBeGreaterThan(15);
    for (const row of polled) {
      expect(row.state).toBe('active');
      expect(row.lastCollectedAt).not.toBeNull();
      expect(Date.parse(row.nextCollectAt)).toBeGreaterThan(Date.parse(row.lastCollectedAt));
      const totals = countersOf(row);
      for (const name of METRIC_COUNTERS) {
        if (measures[row.network].measures.includes(name)) expect(totals[name]).toEqual(expect.any(Number));
        else expect(totals[name]).toBeNull();
      }
      expect(await dailySums(row.deliveryId)).toEqual(totals);
      // Daily networks were read a few times since the last post; the others many times.
      const snapshots = await query(SNAPSHOT).count({ where: { deliveryId: row.deliveryId } });
      expect(snapshots).toBeGreaterThan(measures[row.network].freshness === 'daily' ? 1 : 10);
      if (row.network !== 'discord') expect(row.followersAtPublish).toBeGreaterThan(100);
    }
    // Telegram's counts are not readable by a bot: its deliveries are known, not measured.
    const telegram = stats.filter((row: any) => row.network === 'telegram');
    expect(telegram.length).toBeGreaterThan(0);
    expect(telegram.every((row: any) => row.state === 'unavailable')).toBe(true);
  });

  it('spreads over the weeks, every day of them', async () => {
    const days = new Set(
      (await query(DAILY).findMany({ select: ['day'] })).map((row: any) => String(row.day).slice(0, 10))
    );
    expect(days.size).toBeGreaterThanOrEqual(24);
  });

  it('holds what the demo audience showed at each delivery’s last reading (a seeded law, not chance)', async () => {
    for (const row of (await publishedStats()).filter((stat: any) => stat.state === 'active').slice(0, 6)) {
      const [reading] = await service('cross-post', 'demo').readings({
        accountId: row.accountId,
        remoteId: row.remoteId,
        instants: [new Date(row.lastCollectedAt)],
      });
      expect(reading.counters).toEqual(countersOf(row));
    }
  });

  it("has each demo account's followers for every evening of the last four weeks", async () => {
    const accounts = await service('cross-post', 'accounts').list();
    for (const account of accounts) {
      const days = await query(ACCOUNT_DAILY).findMany({
        where: { accountId: account.id },
        orderBy: [{ day: 'asc' }],
      });
      // A webhook cannot count members; networks added after the demo's past have no history.
      if (!(DEMO_PAST_NETWORKS as readonly string[]).includes(account.network)) continue;
      if (account.network === 'discord') {
        expect(days).toHaveLength(0);
        continue;
      }
      expect(days.length).toBeGreaterThanOrEqual(28);
      const changes = days.slice(1).reduce((sum: number, day: any) => sum + Number(day.followersChange), 0);
      expect(changes).toBe(Number(days[days.length - 1].followers) - Number(days[0].followers));
      expect(changes).toBeGreaterThan(0);
    }
  });
});

describe('the moderation queue', () => {
  it('holds readers’ comments in French and English: approved ones, one held by a rule, one reported', async () => {
    const counts = await service('moderation', 'admin').counts({});
    const approved = DEMO_COMMENTS.filter((comment) => comment.then !== 'leave').length;
    expect(counts).toMatchObject({ approved, pending: 1, reported: 1, all: DEMO_COMMENTS.length });
    const [held] = await query(COMMENT).findMany({ where: { status: 'pending' } });
    expect(held.reasons.map((finding: any) => finding.rule)).toContain('links');
    const [reported] = await query(COMMENT).findMany({ where: { reportState: 'open' } });
    expect(reported.status).toBe('approved');
    const locales = new Set((await query(COMMENT).findMany({})).map((comment: any) => comment.locale));
    expect([...locales].sort()).toEqual(['en', 'fr']);
  });
});

describe('the contests', () => {
  const contestOf = async (slug: string) =>
    (await app.strapi.documents('api::event.event').findFirst({ locale: 'fr', filters: { slug } } as any))!
      .documentId;

  it('has the cargo bike contest open, committed before it opened, with entrants and one in review', async () => {
    const documentId = await contestOf('concours-velo-cargo');
    const state = await service('contests', 'draw').publicState(documentId);
    expect(state).toMatchObject({ phase: 'open', committedBeforeOpening: true, entryCount: 17 });
    const review = await query(ENTRY).findMany({
      where: { eventDocumentId: documentId, entryStatus: 'review' },
    });
    expect(review).toHaveLength(1);
    expect(review[0].fraudSignals.map((signal: any) => signal.type)).toEqual(['disposable_email']);
  });

  it('has a photo contest closed on its entries, committed before it opened, that draws in one sitting', async () => {
    const documentId = await contestOf(DEMO_CLOSED_CONTEST.slug);
    const state = await service('contests', 'draw').publicState(documentId);
    expect(state).toMatchObject({
      phase: 'closed',
      committedBeforeOpening: true,
      entryCount: DEMO_CLOSED_CONTEST.entrants,
    });
    expect(Date.parse(state.window.opensAt)).toBeLessThan(Date.now() - 10 * DAY);
    const entries = await query(ENTRY).findMany({ where: { eventDocumentId: documentId } });
    for (const entry of entries) {
      expect(entry.entryStatus).toBe('valid');
      expect(Date.parse(entry.createdAt)).toBeLessThan(Date.parse(state.window.closesAt));
    }
    const drawn = await service('contests', 'draw').draw(documentId, 'demo-beacon', { id: 1 });
    expect(drawn.winners).toHaveLength(DEMO_CLOSED_CONTEST.winners);
    expect(drawn.substitutes).toHaveLength(DEMO_CLOSED_CONTEST.substitutes);
  });
});

describe('partner traffic', () => {
  it('gives two demo partners a few weeks of human clicks, bots apart, on a tracked link each', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(Date.now());
    const monthAgo = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
      Date.now() - 27 * DAY
    );
    const { partners } = await service('engagement', 'partners').overview({ from: monthAgo, to: today });
    const alive = partners.filter((partner: any) => partner.humanClicks > 0);
    expect(alive.map((partner: any) => partner.partnerName).sort()).toEqual([
      'Le Petit Pédaleur',
      'Lyon Vélo Solidaire',
    ]);
    for (const partner of alive) {
      expect(partner.links).toBe(1);
      expect(partner.botClicks).toBeGreaterThan(0);
      expect(partner.humanClicks).toBeGreaterThan(partner.botClicks);
    }
    // Every day of the four weeks has its clicks.
    const report = await service('engagement', 'partners').report(alive[0].documentId, {
      from: monthAgo,
      to: today,
    });
    expect(report.daily.filter((day: any) => day.humanClicks + day.botClicks === 0)).toEqual([]);
  });
});

describe('a second boot', () => {
  it('adds nothing', async () => {
    const tables = [
      DELIVERY,
      ATTEMPT,
      STAT,
      SNAPSHOT,
      DAILY,
      ACCOUNT_DAILY,
      COMMENT,
      ENTRY,
      'api::event.event',
      'plugin::engagement.tracked-link',
      'plugin::engagement.link-daily',
    ];
    const counts = async () => Promise.all(tables.map((uid) => query(uid).count({})));
    const before = await counts();
    expect(await seedDemoContent(app.strapi)).toBe(false);
    await seedDemoActivity(app.strapi);
    expect(await counts()).toEqual(before);
  });
});

describe('the collector, once `npm run fakes` runs', () => {
  beforeAll(async () => {
    // The self-hosted demo accounts point at the fakes' default ports; these fakes listen elsewhere.
    for (const account of await service('cross-post', 'accounts').list()) {
      if (account.network !== 'mastodon' && account.network !== 'bluesky') continue;
      const demo = DEMO.find((candidate) => candidate.network === account.network)!;
      await service('cross-post', 'accounts').update(account.id, {
        baseUrl: fakes[account.network as 'mastodon' | 'bluesky'].baseUrl,
        credentials: demo.credentials,
      });
    }
  });

  /** Every demo delivery due now, and collected. */
  async function collectAll() {
    await query(STAT).updateMany({
      where: { nextCollectAt: { $notNull: true } },
      data: { nextCollectAt: new Date(Date.now() - 1000) },
    });
    while ((await service('engagement', 'collector').collectRound()) > 0);
  }

  it('reads on from the history: every demo delivery keeps growing, none is taken for deleted', async () => {
    const before = new Map<number, any>((await publishedStats()).map((row: any) => [row.id, row]));
    await collectAll();
    let grew = 0;
    for (const row of await publishedStats()) {
      const previous = before.get(row.id);
      if (previous.state === 'unavailable') continue;
      expect(row.state).toBe('active');
      expect(Date.parse(row.lastCollectedAt)).toBeGreaterThan(Date.parse(previous.lastCollectedAt));
      const [now, then] = [countersOf(row), countersOf(previous)];
      for (const name of METRIC_COUNTERS) {
        if (then[name] === null) expect(now[name]).toBeNull();
        else expect(now[name]!).toBeGreaterThanOrEqual(then[name]!);
      }
      if (METRIC_COUNTERS.some((name) => (now[name] ?? 0) > (then[name] ?? 0))) grew += 1;
      expect(await dailySums(row.deliveryId)).toEqual(now);
    }
    expect(grew).toBeGreaterThan(0);
    for (const network of ['mastodon', 'bluesky', 'x', 'facebook', 'linkedin', 'discord'] as const)
      expect(fakes[network].requests.length).toBeGreaterThan(0);

    // A day later on the networks' clocks: more engagement, read the same way.
    const dayBefore = new Map<number, any>(
      (await publishedStats()).map((row: any) => [row.id, countersOf(row)])
    );
    for (const fake of fakes.all) fake.advanceTime(DAY);
    await collectAll();
    const later = (await publishedStats()).filter((row: any) => row.state === 'active');
    const moved = later.filter((row: any) =>
      METRIC_COUNTERS.some((name) => (countersOf(row)[name] ?? 0) > (dayBefore.get(row.id)[name] ?? 0))
    );
    expect(moved.length).toBeGreaterThan(later.length / 2);
  });

  it("reads the demo accounts' followers on from their history", async () => {
    await query(ACCOUNT_STAT).updateMany({ where: {}, data: { nextCollectAt: new Date(Date.now() - 1000) } });
    await service('engagement', 'collector').followersRound();
    // A webhook counts no followers; networks added after the demo's past have no history to read on from.
    const withFollowers = { network: { $in: DEMO_PAST_NETWORKS.filter((network) => network !== 'discord') } };
    for (const stat of await query(ACCOUNT_STAT).findMany({ where: withFollowers })) {
      const [latest, previous] = await query(ACCOUNT_DAILY).findMany({
        where: { accountId: stat.accountId },
        orderBy: [{ day: 'desc' }],
        limit: 2,
      });
      expect(Date.parse(latest.capturedAt)).toBeGreaterThanOrEqual(bootedAt);
      expect(Math.abs(Number(latest.followers) - Number(previous.followers))).toBeLessThan(60);
    }
  });
});
