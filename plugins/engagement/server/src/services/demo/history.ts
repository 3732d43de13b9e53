/**
 * The development demo's past: for the deliveries cross-post's demo history published, the readings
 * the collector would have taken since each went out (its decay schedule, the demo audience's
 * numbers), written through the collector's own pickup and recording path; the followers each demo
 * account had every evening of the last four weeks and next to each publication. Deliveries already
 * collected and accounts that already have daily rows are left alone: a second run adds nothing.
 */
import { collectionTimes } from '../../domain/collection-times';
import { DAY_MS } from '../../domain/decay';
import { instantAtLocalHour, localDay } from '../../domain/local-time';
import type { DeliveryStatRow } from '../../repositories/delivery-stats.repository';
import type { Collector } from '../collector/context';
import { recordFollowers } from '../collector/followers';
import { pickUp } from '../collector/pickup';
import { recordReadings } from '../collector/record';
import type { DemoAccount, DemoSource } from './demo-source';

/** The collector's first look at a published delivery: the pickup of its next tick. */
const FIRST_LOOK_AFTER_MS = 4 * 60_000;
/** How far back the followers go. */
const FOLLOWER_DAYS = 28;
/** The local hour of the daily follower reading (collector/followers.ts). */
const EVENING_HOUR = 23;

export type DemoHistoryTally = {
  deliveries: number;
  readings: number;
  followerReadings: number;
};

type FollowerReading = { at: Date; followers: number };

/** Writes the readings of the held rows; answers how many readings and the followers read next to each publication. */
async function deliveriesPast(
  c: Collector,
  source: DemoSource,
  owner: string,
  rows: DeliveryStatRow[],
  now: Date,
  tally: DemoHistoryTally,
  followerReadings: Map<number, FollowerReading[]>
) {
  const profiles = c.metrics().profiles();
  for (const row of rows) {
    const profile = profiles[row.network];
    if (!profile) continue;
    const postedAt = new Date(row.postedAt);
    const times = collectionTimes(postedAt, new Date(postedAt.getTime() + FIRST_LOOK_AFTER_MS), now, profile);
    if (times.length === 0) continue;
    const answers = await source.readings(row.accountId, row.remoteId, times);
    const readings = times.flatMap((collectedAt, index) => {
      const answer = answers[index];
      return answer?.state === 'ok' ? [{ collectedAt, counters: answer.counters }] : [];
    });
    if (!(await recordReadings(c, owner, row, readings, profile))) continue;
    tally.deliveries += 1;
    tally.readings += readings.length;
    // Followers next to the publication: the denominator of its rates.
    const followers = await source.followersAt(row.accountId, times[0]);
    if (followers === null) continue;
    await c.stats.setFollowersAtPublish([row.id], followers);
    followerReadings.set(row.accountId, [
      ...(followerReadings.get(row.accountId) ?? []),
      { at: times[0], followers },
    ]);
  }
}

/** The evenings of the last FOLLOWER_DAYS days (in the plugin's time zone) that are over by `now`. */
function evenings(now: Date, timeZone: string): Date[] {
  const found: Date[] = [];
  let day = localDay(now.getTime() - FOLLOWER_DAYS * DAY_MS, timeZone);
  for (let i = 0; i <= FOLLOWER_DAYS; i++) {
    const at = instantAtLocalHour(day, EVENING_HOUR, timeZone);
    if (at <= now.getTime()) found.push(new Date(at));
    // Noon plus a day is the next calendar day whatever the clocks do that night.
    day = localDay(instantAtLocalHour(day, 12, timeZone) + DAY_MS, timeZone);
  }
  return found;
}

/** Records each account's follower readings in the order they were taken, so each day's change counts from the day before. */
async function followersPast(
  c: Collector,
  source: DemoSource,
  accounts: DemoAccount[],
  now: Date,
  tally: DemoHistoryTally,
  atPublications: Map<number, FollowerReading[]>
) {
  const daily = evenings(now, c.setting('timeZone'));
  for (const account of accounts) {
    if ((await c.accountDays.rowsOf(account.accountId)).length > 0) continue;
    const readings = [...(atPublications.get(account.accountId) ?? [])];
    for (const at of daily) {
      const followers = await source.followersAt(account.accountId, at);
      if (followers !== null) readings.push({ at, followers });
    }
    readings.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const reading of readings) await recordFollowers(c, account, reading.followers, reading.at);
    tally.followerReadings += readings.length;
  }
}

export async function writeDemoHistory(
  c: Collector,
  source: DemoSource,
  deliveryIds: number[],
  now: Date
): Promise<DemoHistoryTally> {
  const tally: DemoHistoryTally = { deliveries: 0, readings: 0, followerReadings: 0 };
  const accounts = await source.accounts();
  const demoAccounts = new Set(accounts.map((account) => account.accountId));
  // The collector's own pickup gives each published delivery its row (and each account its own).
  await pickUp(c);
  const fresh = (await c.stats.findByDeliveryIds(deliveryIds)).filter(
    (row) => demoAccounts.has(row.accountId) && row.state === 'active' && row.lastCollectedAt === null
  );
  const owner = c.leaseOwner();
  const held = await c.stats.lease(
    fresh.map((row) => row.id),
    owner,
    c.setting('collectorLeaseMs')
  );
  const atPublications = new Map<number, FollowerReading[]>();
  try {
    await deliveriesPast(c, source, owner, await c.stats.findHeld(held, owner), now, tally, atPublications);
  } finally {
    // Rows whose past was written gave their lease back; the others are collected as usual.
    await c.stats.release(held, owner);
  }
  await followersPast(c, source, accounts, now, tally, atPublications);
  return tally;
}
