import { DEMO } from '../../demo-accounts';
import { METRIC_COUNTERS, providers, type NetworkId } from '../../providers';
import { demoCountersAt, demoFollowersAt, demoReadingAt } from '../audience';
import { DEMO_PAST_NETWORKS, demoRemotePost } from '../remote-ids';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PUBLISHED = Date.UTC(2026, 10, 10, 9, 4);
const POLLED = DEMO_PAST_NETWORKS.filter((network) => providers[network].metrics.polled);

const remoteIdOf = (network: NetworkId, at = PUBLISHED) =>
  demoRemotePost(
    {
      network,
      baseUrl: 'http://127.0.0.1:4101',
      credentials: DEMO.find((demo) => demo.network === network)!.credentials,
    },
    new Date(at),
    1
  ).remoteId;

describe("the demo audience's counters", () => {
  it.each(POLLED)('%s: only what the network measures, never null for that', (network) => {
    const counters = demoCountersAt(network, remoteIdOf(network), PUBLISHED, PUBLISHED + 3 * DAY);
    const { measures } = providers[network].metrics;
    for (const name of METRIC_COUNTERS) {
      if (measures.includes(name)) expect(counters[name]).toEqual(expect.any(Number));
      else expect(counters[name]).toBeNull();
    }
  });

  it.each(POLLED)('%s: start at 0 and only grow, fast the first day and slowly after', (network) => {
    const remoteId = remoteIdOf(network);
    const at = (hours: number) => demoCountersAt(network, remoteId, PUBLISHED, PUBLISHED + hours * HOUR);
    expect(Object.values(at(0)).every((value) => value === null || value === 0)).toBe(true);
    let previous = at(0);
    for (let hours = 1; hours <= 28 * 24; hours += 1) {
      const current = at(hours);
      for (const name of providers[network].metrics.measures)
        expect(current[name]!).toBeGreaterThanOrEqual(previous[name]!);
      previous = current;
    }
    const main = providers[network].metrics.measures[0];
    const firstDay = at(24)[main]!;
    const month = at(28 * 24)[main]!;
    expect(month).toBeGreaterThan(0);
    expect(firstDay).toBeGreaterThan(month * 0.6);
  });

  it('are the same for the same post and instant, and differ between posts', () => {
    const a = demoCountersAt('x', remoteIdOf('x'), PUBLISHED, PUBLISHED + 5 * DAY);
    expect(demoCountersAt('x', remoteIdOf('x'), PUBLISHED, PUBLISHED + 5 * DAY)).toEqual(a);
    const other = remoteIdOf('x', PUBLISHED + 60_000);
    expect(demoCountersAt('x', other, PUBLISHED + 60_000, PUBLISHED + 5 * DAY)).not.toEqual(a);
  });

  it('keep reach under what was seen, and interactions under impressions', () => {
    for (let i = 0; i < 40; i++) {
      const published = PUBLISHED + i * 7 * HOUR;
      const at = published + 10 * DAY;
      const linkedin = demoCountersAt('linkedin', remoteIdOf('linkedin', published), published, at);
      expect(linkedin.reach!).toBeLessThanOrEqual(linkedin.impressions!);
      expect(linkedin.reactions!).toBeLessThan(linkedin.impressions!);
      const facebook = demoCountersAt('facebook', remoteIdOf('facebook', published), published, at);
      expect(facebook.reach!).toBeLessThanOrEqual(facebook.views!);
      const x = demoCountersAt('x', remoteIdOf('x', published), published, at);
      expect(x.impressions!).toBeGreaterThan(100);
      expect(x.reactions! + x.shares! + x.comments!).toBeLessThan(x.impressions! * 0.1);
    }
  });

  it("close X's non-public counters with its 30-day window, as X does", () => {
    const remoteId = remoteIdOf('x');
    const before = demoCountersAt('x', remoteId, PUBLISHED, PUBLISHED + 29 * DAY);
    const after = demoCountersAt('x', remoteId, PUBLISHED, PUBLISHED + 31 * DAY);
    expect(before.linkClicks).toEqual(expect.any(Number));
    expect(after.linkClicks).toBeNull();
    expect(after.profileClicks).toBeNull();
    expect(after.impressions!).toBeGreaterThanOrEqual(before.impressions!);
  });

  it('are read from a demo remote id, and from nothing else', () => {
    const remoteId = remoteIdOf('mastodon');
    expect(demoReadingAt('mastodon', remoteId, PUBLISHED + DAY)).toEqual(
      demoCountersAt('mastodon', remoteId, PUBLISHED, PUBLISHED + DAY)
    );
    expect(demoReadingAt('mastodon', '110000000000000000', PUBLISHED + DAY)).toBeNull();
    expect(demoReadingAt('mastodon', remoteId, PUBLISHED - 1)).toBeNull();
  });

  it('measure nothing on a network that is not polled (Telegram)', () => {
    const counters = demoCountersAt('telegram', '-1001234567890:4201', PUBLISHED, PUBLISHED + DAY);
    expect(Object.values(counters).every((value) => value === null)).toBe(true);
  });
});

describe("the demo accounts' followers", () => {
  it('grow by a few a day, some days losing a few, and are the same for everyone', () => {
    for (const network of DEMO_PAST_NETWORKS.filter((n) => n !== 'discord')) {
      const start = demoFollowersAt(network, PUBLISHED)!;
      expect(start).toBeGreaterThan(500);
      let previous = start;
      for (let day = 1; day <= 28; day++) {
        const current = demoFollowersAt(network, PUBLISHED + day * DAY)!;
        expect(Math.abs(current - previous)).toBeLessThan(40);
        previous = current;
      }
      expect(previous).toBeGreaterThan(start);
      expect(demoFollowersAt(network, PUBLISHED + 5 * DAY + 7)).toBe(
        demoFollowersAt(network, PUBLISHED + 5 * DAY + 7)
      );
    }
  });

  it('are not counted on Discord, whose webhooks cannot see members', () => {
    expect(demoFollowersAt('discord', PUBLISHED)).toBeNull();
  });
});
