/**
 * How the demo's audience answers: the followers of each demo account and the counters of each demo
 * post at any instant, from a PRNG seeded by the network and the post's remote id. One law for the
 * demo's past (the engagement plugin writes it as the collector would have stored it) and for its
 * present (the fakes of `npm run fakes` serve it), so the first live reading continues the history.
 *
 * Counters follow each network's metrics profile: null for what the network does not measure, and
 * for X's non-public counters once its 30-day window closed. A post gets most of its engagement in
 * its first hours, then a slow tail over three weeks; every counter only grows.
 */
import {
  METRIC_COUNTERS,
  providers,
  type MetricCounter,
  type MetricCounters,
  type NetworkId,
} from '../providers';
import { demoPublishedAt } from './remote-ids';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Day 0 of the demo accounts' follower curves. */
const FOLLOWERS_EPOCH = Date.UTC(2025, 0, 1);

/**
 * Followers on day 0 and gained per day on average (Discord: a webhook cannot count members). The
 * demo's audience covers the networks of the demo's past; a network added since has none (null).
 */
const FOLLOWERS: Partial<Record<NetworkId, { base: number; perDay: number } | null>> = {
  mastodon: { base: 1840, perDay: 4 },
  bluesky: { base: 2270, perDay: 6 },
  x: { base: 4150, perDay: 3 },
  facebook: { base: 6720, perDay: 5 },
  linkedin: { base: 3080, perDay: 6 },
  discord: null,
  telegram: { base: 930, perDay: 2 },
};

/**
 * Each counter's lifetime total: a share of the account's followers, of another counter, or a plain
 * range (Discord). `windowed`: readable only during the network's metrics window.
 */
type Share = {
  counter: MetricCounter;
  of: 'followers' | 'count' | MetricCounter;
  range: [number, number];
  /** Seen rather than acted on: grows a little slower than interactions. */
  seen?: boolean;
  windowed?: boolean;
};

const SHARES: Partial<Record<NetworkId, Share[]>> = {
  mastodon: [
    { counter: 'reactions', of: 'followers', range: [0.02, 0.06] },
    { counter: 'shares', of: 'reactions', range: [0.3, 0.6] },
    { counter: 'comments', of: 'reactions', range: [0.08, 0.25] },
    { counter: 'quotes', of: 'reactions', range: [0.01, 0.05] },
  ],
  bluesky: [
    { counter: 'reactions', of: 'followers', range: [0.03, 0.08] },
    { counter: 'shares', of: 'reactions', range: [0.15, 0.35] },
    { counter: 'comments', of: 'reactions', range: [0.08, 0.25] },
    { counter: 'quotes', of: 'reactions', range: [0.02, 0.06] },
    { counter: 'bookmarks', of: 'reactions', range: [0.04, 0.12] },
  ],
  x: [
    { counter: 'impressions', of: 'followers', range: [0.35, 1.2], seen: true },
    { counter: 'reactions', of: 'impressions', range: [0.012, 0.03] },
    { counter: 'comments', of: 'impressions', range: [0.001, 0.004] },
    { counter: 'shares', of: 'impressions', range: [0.002, 0.006] },
    { counter: 'quotes', of: 'impressions', range: [0.0003, 0.0015] },
    { counter: 'bookmarks', of: 'impressions', range: [0.001, 0.004] },
    { counter: 'linkClicks', of: 'impressions', range: [0.004, 0.012], windowed: true },
    { counter: 'profileClicks', of: 'impressions', range: [0.002, 0.006], windowed: true },
  ],
  facebook: [
    { counter: 'views', of: 'followers', range: [0.25, 0.9], seen: true },
    { counter: 'reach', of: 'views', range: [0.55, 0.8], seen: true },
    { counter: 'reactions', of: 'views', range: [0.015, 0.045] },
    { counter: 'comments', of: 'views', range: [0.002, 0.008] },
    { counter: 'shares', of: 'views', range: [0.001, 0.005] },
    { counter: 'linkClicks', of: 'views', range: [0.004, 0.015] },
  ],
  linkedin: [
    { counter: 'impressions', of: 'followers', range: [0.5, 1.6], seen: true },
    { counter: 'reach', of: 'impressions', range: [0.62, 0.82], seen: true },
    { counter: 'reactions', of: 'impressions', range: [0.015, 0.04] },
    { counter: 'comments', of: 'impressions', range: [0.002, 0.007] },
    { counter: 'shares', of: 'impressions', range: [0.001, 0.004] },
    { counter: 'linkClicks', of: 'impressions', range: [0.008, 0.025] },
  ],
  discord: [{ counter: 'reactions', of: 'count', range: [6, 40] }],
  telegram: [],
};

/** The slow tail: what is left after the first hours trickles in over this long. */
const TAIL_MS = 21 * DAY_MS;

/** FNV-1a: a seed from a text. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** mulberry32: a small seeded PRNG, the same numbers for the same seed everywhere. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const between = (random: () => number, [min, max]: [number, number]) => min + (max - min) * random();

function followersOnDay(network: NetworkId, day: number): number | null {
  const curve = FOLLOWERS[network];
  if (!curve) return null;
  // Some days bring more followers, a few lose some.
  const wobble = prng(hash(`${network}:followers:${day}`))() - 0.5;
  return Math.max(0, Math.round(curve.base + curve.perDay * day + 1.6 * curve.perDay * wobble));
}

/** The demo account's followers at an instant (null where the network cannot count them). */
export function demoFollowersAt(network: NetworkId, atMs: number): number | null {
  const days = (atMs - FOLLOWERS_EPOCH) / DAY_MS;
  const day = Math.floor(days);
  const from = followersOnDay(network, day);
  const to = followersOnDay(network, day + 1);
  if (from === null || to === null) return null;
  return Math.floor(from + (to - from) * (days - day));
}

const nullCounters = (): MetricCounters =>
  Object.fromEntries(METRIC_COUNTERS.map((name) => [name, null])) as MetricCounters;

/** A post's lifetime totals and how fast they come, drawn once from its seed. */
function postProfile(network: NetworkId, remoteId: string, publishedAt: number) {
  const random = prng(hash(`${network}:${remoteId}`));
  const followers = demoFollowersAt(network, publishedAt) ?? 0;
  // Some posts find their audience, some do not.
  const appeal = between(random, [0.6, 1.5]);
  const totals = new Map<MetricCounter, number>();
  for (const share of SHARES[network] ?? []) {
    const base =
      share.of === 'followers'
        ? followers * appeal
        : share.of === 'count'
          ? appeal
          : (totals.get(share.of) ?? 0);
    totals.set(share.counter, base * between(random, share.range));
  }
  return {
    totals,
    // Hours until about two thirds of the early engagement is in; how much of it comes early.
    settleHours: between(random, [3, 10]),
    early: between(random, [0.75, 0.9]),
  };
}

/** The share of its lifetime total a counter reached `ageMs` after the post went out (0 to 1, growing). */
function reached(ageMs: number, settleHours: number, early: number): number {
  if (ageMs <= 0) return 0;
  return (
    early * (1 - Math.exp(-ageMs / (settleHours * HOUR_MS))) + (1 - early) * Math.min(1, ageMs / TAIL_MS)
  );
}

/** The counters of the demo post `remoteId` (published at `publishedAt`) at `atMs`. */
export function demoCountersAt(
  network: NetworkId,
  remoteId: string,
  publishedAt: number,
  atMs: number
): MetricCounters {
  const counters = nullCounters();
  const { metrics } = providers[network];
  if (!metrics.polled) return counters;
  const profile = postProfile(network, remoteId, publishedAt);
  const ageMs = atMs - publishedAt;
  const windowClosed = metrics.windowDays !== undefined && ageMs > metrics.windowDays * DAY_MS;
  for (const share of SHARES[network] ?? []) {
    if (!metrics.measures.includes(share.counter)) continue;
    if (share.windowed && windowClosed) continue;
    const settleHours = profile.settleHours * (share.seen ? 1.4 : 1);
    counters[share.counter] = Math.floor(
      (profile.totals.get(share.counter) ?? 0) * reached(ageMs, settleHours, profile.early)
    );
  }
  return counters;
}

/** The counters of a post of the demo's past at `atMs`, read from its remote id; null when it is none. */
export function demoReadingAt(network: NetworkId, remoteId: string, atMs: number): MetricCounters | null {
  const publishedAt = demoPublishedAt(network, remoteId, atMs);
  return publishedAt === null ? null : demoCountersAt(network, remoteId, publishedAt, atMs);
}
