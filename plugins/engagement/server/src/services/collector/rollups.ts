/**
 * The one way daily rows are written: the daily rollup and the campaign rollup that adds it up
 * change together, in the transaction under way, so the two always agree.
 */
import { campaignDayDeltas } from '../../domain/campaign-rollup';
import { addChanges } from '../../domain/changes';
import type { DailyChangeRow } from '../../repositories/metric-dailies.repository';
import type { Collector } from './context';

/**
 * Adds changes (one per delivery and day) to their delivery's days, and to their day, network and
 * campaign. The campaign rollup counts delivery-day rows and the rows that measure each counter, so
 * it is told what each row was before and what it becomes (only the lease holder writes a
 * delivery's rows, so nothing changes them in between).
 */
export async function addDailyChanges(c: Collector, changes: DailyChangeRow[]): Promise<void> {
  if (changes.length === 0) return;
  const before = await c.dailies.rowsAt(changes);
  const known = new Map(before.map((row) => [`${row.deliveryId}|${row.day}`, row]));
  const after = changes.map((change) => {
    const row = known.get(`${change.deliveryId}|${change.day}`);
    // The stored row keeps where it was placed; only its counters move.
    return row ? { ...row, counters: addChanges(row.counters, change.counters) } : change;
  });
  await c.dailies.addChanges(changes);
  await c.campaignDailies.add(campaignDayDeltas(after, before));
}

/** Replaces a delivery's daily rows; the campaign rollup takes the old ones back and adds the new. */
export async function replaceDailies(
  c: Collector,
  deliveryId: number,
  rows: DailyChangeRow[]
): Promise<void> {
  const removed = await c.dailies.replaceFor(deliveryId, rows);
  await c.campaignDailies.add(campaignDayDeltas(rows, removed));
}

/**
 * Fills the campaign rollup from the daily rows once, when it is empty and they are not (a
 * database that kept daily rows before the campaign rollup existed). One instance does it, under
 * the job's lease.
 */
export async function fillCampaignRollupOnce(c: Collector): Promise<boolean> {
  const owner = c.leaseOwner();
  const job = await c.jobs.take('campaign-rollup-fill', owner, c.setting('collectorLeaseMs'));
  if (!job) return false;
  let filled = false;
  try {
    if (!job.lastRunAt && (await c.campaignDailies.isEmpty())) {
      const rows = await c.campaignDailies.fillFromDailies();
      c.log('info', `the campaign rollup was filled from the daily rows (${rows} rows)`);
      filled = true;
    }
  } finally {
    // Never due again: from now on every write keeps it.
    await c.jobs.finish(job, owner, NEVER, new Date());
  }
  return filled;
}

const NEVER = new Date('9999-12-31T00:00:00Z');
