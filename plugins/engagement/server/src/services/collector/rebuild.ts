/**
 * The nightly rebuild: each delivery's daily rows recomputed from its snapshots, compared with what
 * the incremental updates wrote, and replaced where they differ (counted in the log: it should be
 * none). A delivery is rebuilt while this instance holds its lease, so no collection writes to it
 * meanwhile. Only deliveries posted within the snapshots' day-level retention can be rebuilt; older
 * rollups are kept as they are.
 */
import { dailyChanges, sameCounters, type DailyChange } from '../../domain/changes';
import { retentionCutoffs } from '../../domain/retention';
import type { DeliveryStatRow } from '../../repositories/delivery-stats.repository';
import type { Collector } from './context';
import { replaceDailies } from './rollups';

const PAGE = 200;

export type RebuildFilter = {
  /** Only deliveries collected since then (the nightly run: since the previous one). */
  collectedSince?: Date;
  /** And the deliveries of these campaigns (null: without a campaign), whose time zone changed. */
  campaigns?: Array<string | null>;
};

export type RebuildTally = { deliveries: number; corrected: number; busy: number };

function sameDays(a: DailyChange[], b: DailyChange[]): boolean {
  if (a.length !== b.length) return false;
  const byDay = new Map(b.map((row) => [row.day, row.counters]));
  return a.every((row) => {
    const other = byDay.get(row.day);
    return other !== undefined && sameCounters(row.counters, other);
  });
}

async function rebuildOne(c: Collector, row: DeliveryStatRow): Promise<boolean> {
  const expected = dailyChanges(await c.snapshots.readingsOf(row.deliveryId), row.timeZone);
  const stored = await c.dailies.rowsOf(row.deliveryId);
  if (sameDays(expected, stored)) return false;
  const place = {
    deliveryId: row.deliveryId,
    accountId: row.accountId,
    network: row.network,
    postDocumentId: row.postDocumentId,
    campaignDocumentId: row.campaignDocumentId ?? null,
  };
  await c.strapi.db.transaction(async () => {
    await replaceDailies(
      c,
      row.deliveryId,
      expected.map((day) => ({ ...place, ...day }))
    );
  });
  return true;
}

/** Rebuilds the daily rows of the deliveries the filter names (all within retention when empty). */
export async function rebuildDailies(
  c: Collector,
  filter: RebuildFilter,
  now: Date,
  keepAlive: () => Promise<void> = async () => {}
): Promise<RebuildTally> {
  const tally: RebuildTally = { deliveries: 0, corrected: 0, busy: 0 };
  const postedSince = retentionCutoffs(now).dailyBefore;
  const leaseMs = c.setting('collectorLeaseMs');
  const owner = c.leaseOwner();
  for (let afterId = 0; ;) {
    const page = await c.stats.pageForRebuild({ afterId, postedSince, ...filter }, PAGE);
    if (page.length === 0) break;
    afterId = page[page.length - 1].id;
    const held = await c.stats.lease(
      page.map((row) => row.id),
      owner,
      leaseMs
    );
    tally.busy += page.length - held.length;
    try {
      for (const row of await c.stats.findHeld(held, owner)) {
        tally.deliveries += 1;
        if (await rebuildOne(c, row)) tally.corrected += 1;
      }
    } finally {
      await c.stats.release(held, owner);
    }
    await keepAlive();
    if (page.length < PAGE) break;
  }
  return tally;
}
