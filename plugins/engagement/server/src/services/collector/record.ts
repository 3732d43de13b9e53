/**
 * Stores what the network answered for one batch of held deliveries, in one transaction: each
 * delivery's current row (only while this instance still holds it), a snapshot when a counter
 * changed, and that change added to the delivery's day and to the campaign rollup. The snapshot's
 * unique (delivery, captured at) and the transaction make the daily increment happen exactly once
 * with its snapshot.
 */
import { addChanges, changeBetween, mergeReading, pickCounters, sameCounters } from '../../domain/changes';
import type { MetricCounters } from '../../domain/counters';
import { DAY_MS, nextCollection, type DecayProfile } from '../../domain/decay';
import { localDay } from '../../domain/local-time';
import type { DeliveryStatRow } from '../../repositories/delivery-stats.repository';
import type { DailyChangeRow } from '../../repositories/metric-dailies.repository';
import type { NewSnapshot } from '../../repositories/metric-snapshots.repository';
import type { Collector } from './context';
import type { DeliveryMetrics } from './metrics-source';
import { addDailyChanges } from './rollups';

export type BatchTally = { ok: number; gone: number; unavailable: number; unreadable: number; lost: number };

export async function recordBatch(
  c: Collector,
  owner: string,
  rows: DeliveryStatRow[],
  results: Array<DeliveryMetrics | null>,
  collectedAt: Date,
  profile: DecayProfile
): Promise<BatchTally> {
  const tally: BatchTally = { ok: 0, gone: 0, unavailable: 0, unreadable: 0, lost: 0 };
  await c.strapi.db.transaction(async () => {
    const snapshots: NewSnapshot[] = [];
    const changes: DailyChangeRow[] = [];
    for (const [index, row] of rows.entries()) {
      const result = results[index];
      const postedAt = new Date(row.postedAt);
      let settled: boolean;
      if (!result) {
        // An answer that does not fit: asked again at the usual time, nothing stored.
        const next = nextCollection(postedAt, collectedAt, profile);
        settled = await c.stats.settle(row.id, owner, {
          nextCollectAt: next.at,
          state: next.state === 'frozen' ? 'frozen' : row.state,
        });
        tally.unreadable += 1;
      } else if (result.state === 'gone') {
        settled = await c.stats.settle(row.id, owner, {
          state: 'gone',
          stateReason: null,
          nextCollectAt: null,
          lastCollectedAt: collectedAt,
        });
        tally.gone += 1;
      } else if (result.state === 'unavailable') {
        const next = nextCollection(postedAt, collectedAt, profile, DAY_MS);
        settled = await c.stats.settle(row.id, owner, {
          state: next.state === 'frozen' ? 'frozen' : 'unavailable',
          stateReason: result.reason.slice(0, 2000),
          nextCollectAt: next.at,
          lastCollectedAt: collectedAt,
        });
        tally.unavailable += 1;
      } else {
        const reading = countedReading(row, pickCounters(row), result.counters, collectedAt, profile);
        settled = await c.stats.settle(row.id, owner, reading.update);
        if (settled && reading.moved) {
          snapshots.push(reading.moved.snapshot);
          changes.push(reading.moved.change);
        }
        tally.ok += 1;
      }
      if (!settled) tally.lost += 1;
    }
    await c.snapshots.insertMany(snapshots);
    await addDailyChanges(c, changes);
  });
  return tally;
}

/**
 * What counters read at `collectedAt` make of what was known: the row's new values, and when a
 * counter moved, the snapshot and the change to add to the delivery's day.
 */
function countedReading(
  row: DeliveryStatRow,
  known: MetricCounters,
  observed: MetricCounters,
  collectedAt: Date,
  profile: DecayProfile
) {
  const merged = mergeReading(known, observed);
  const next = nextCollection(new Date(row.postedAt), collectedAt, profile);
  const change: DailyChangeRow = {
    deliveryId: row.deliveryId,
    accountId: row.accountId,
    network: row.network,
    postDocumentId: row.postDocumentId,
    campaignDocumentId: row.campaignDocumentId ?? null,
    day: localDay(collectedAt.getTime(), row.timeZone),
    counters: changeBetween(known, merged),
  };
  return {
    merged,
    update: {
      ...merged,
      state: next.state,
      stateReason: null,
      nextCollectAt: next.at,
      lastCollectedAt: collectedAt,
    },
    moved: sameCounters(known, merged)
      ? null
      : { snapshot: { deliveryId: row.deliveryId, capturedAt: collectedAt, counters: merged }, change },
  };
}

/**
 * Stores readings of one held delivery taken one after another (a past the collector would have
 * written reading by reading: the development demo's), in one transaction: each reading merged
 * into the one before as a collection does, a snapshot where a counter moved, the changes added
 * to their days, the current row left as the last reading did. False when the lease was lost.
 */
export async function recordReadings(
  c: Collector,
  owner: string,
  row: DeliveryStatRow,
  readings: Array<{ collectedAt: Date; counters: MetricCounters }>,
  profile: DecayProfile
): Promise<boolean> {
  const ordered = [...readings].sort((a, b) => a.collectedAt.getTime() - b.collectedAt.getTime());
  if (ordered.length === 0) return true;
  let known = pickCounters(row);
  let update: Record<string, unknown> = {};
  const snapshots: NewSnapshot[] = [];
  const days = new Map<string, DailyChangeRow>();
  for (const { collectedAt, counters } of ordered) {
    const reading = countedReading(row, known, counters, collectedAt, profile);
    known = reading.merged;
    update = reading.update;
    if (!reading.moved) continue;
    snapshots.push(reading.moved.snapshot);
    const { change } = reading.moved;
    const sameDay = days.get(change.day);
    days.set(
      change.day,
      sameDay ? { ...change, counters: addChanges(sameDay.counters, change.counters) } : change
    );
  }
  return c.strapi.db.transaction(async () => {
    if (!(await c.stats.settle(row.id, owner, update))) return false;
    await c.snapshots.insertMany(snapshots);
    await addDailyChanges(c, [...days.values()]);
    return true;
  });
}
