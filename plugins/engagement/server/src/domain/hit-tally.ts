/**
 * How a batch of requests becomes counts, the same for link clicks and page views. A person counts
 * once per visitor, target and clock hour; bots are kept and counted apart; a visitor counts as
 * unique once per target and day. The visitor hash changes every day (its salt does), so a visitor
 * is never followed from one day to the next.
 */
import type { BotReason } from './bot-detection';

export type Hit = {
  /** What was reached: a link id, or a post or event. */
  key: string;
  visitorHash: string;
  /** The day the hit counts on, in the target's time zone (YYYY-MM-DD). */
  day: string;
  /** The UTC clock hour (hours since 1970). */
  hour: number;
  botReason: BotReason | null;
};

/** A human hit already counted in the database. */
export type CountedHit = Pick<Hit, 'key' | 'visitorHash' | 'day' | 'hour'>;

export type DailyDelta = { key: string; day: string; humans: number; uniques: number; bots: number };

const hourKey = (hit: CountedHit) => `${hit.key}\u0000${hit.visitorHash}\u0000${hit.hour}`;
const dayKey = (hit: CountedHit) => `${hit.key}\u0000${hit.visitorHash}\u0000${hit.day}`;

/**
 * Which human hits of the batch should count: the first of each (target, visitor, hour) that the
 * database has not counted yet. The rest (bots, repeats) are stored uncounted.
 */
export function planBatch<H extends Hit>(hits: H[], alreadyCounted: CountedHit[]) {
  const taken = new Set(alreadyCounted.map(hourKey));
  const toCount: H[] = [];
  const uncounted: H[] = [];
  for (const hit of hits) {
    const key = hourKey(hit);
    if (hit.botReason || taken.has(key)) {
      uncounted.push(hit);
    } else {
      taken.add(key);
      toCount.push(hit);
    }
  }
  return { toCount, uncounted };
}

/**
 * What the batch adds to each (target, day): human hits counted, visitors not seen on that day
 * before, and bot hits.
 */
export function dailyDeltas(counted: Hit[], uncounted: Hit[], alreadyCounted: CountedHit[]): DailyDelta[] {
  const seen = new Set(alreadyCounted.map(dayKey));
  const deltas = new Map<string, DailyDelta>();
  const deltaFor = (hit: Hit) => {
    const key = `${hit.key}\u0000${hit.day}`;
    let delta = deltas.get(key);
    if (!delta) {
      delta = { key: hit.key, day: hit.day, humans: 0, uniques: 0, bots: 0 };
      deltas.set(key, delta);
    }
    return delta;
  };
  for (const hit of counted) {
    const delta = deltaFor(hit);
    delta.humans += 1;
    if (!seen.has(dayKey(hit))) {
      seen.add(dayKey(hit));
      delta.uniques += 1;
    }
  }
  for (const hit of uncounted) if (hit.botReason) deltaFor(hit).bots += 1;
  return [...deltas.values()];
}
