/**
 * Thins old snapshots (domain/retention.ts says which go). Only the deliveries with snapshots that
 * crossed a threshold since the previous run are looked at; the first run looks at all of them.
 */
import { DAY_MS } from '../../domain/decay';
import { readingsToDrop, retentionCutoffs } from '../../domain/retention';
import type { Collector } from './context';

const PAGE = 200;

export type RetentionTally = { deliveries: number; dropped: number };

export async function applyRetention(
  c: Collector,
  now: Date,
  previousRun: Date | null,
  keepAlive: () => Promise<void> = async () => {}
): Promise<RetentionTally> {
  const cutoffs = retentionCutoffs(now);
  const before = previousRun && retentionCutoffs(previousRun);
  // A day of overlap: a run that stopped half way is taken up again.
  const since = (cutoff: Date | undefined) => (cutoff ? new Date(cutoff.getTime() - DAY_MS) : null);
  const ranges = [
    { from: since(before?.allBefore), before: cutoffs.allBefore },
    { from: since(before?.dailyBefore), before: cutoffs.dailyBefore },
  ];
  const tally: RetentionTally = { deliveries: 0, dropped: 0 };
  const fallbackZone = c.setting('timeZone');
  for (const range of ranges) {
    for (let afterId = 0; ;) {
      const deliveryIds = await c.snapshots.deliveriesWithReadingsIn(range, afterId, PAGE);
      if (deliveryIds.length === 0) break;
      afterId = deliveryIds[deliveryIds.length - 1];
      const zones = new Map(
        (await c.stats.findByDeliveryIds(deliveryIds)).map((row) => [row.deliveryId, row.timeZone])
      );
      for (const deliveryId of deliveryIds) {
        const { aged, latestId } = await c.snapshots.agedReadingsOf(deliveryId, cutoffs.allBefore);
        if (latestId === null) continue;
        const drop = readingsToDrop(aged, latestId, cutoffs, zones.get(deliveryId) ?? fallbackZone);
        tally.deliveries += 1;
        tally.dropped += await c.snapshots.deleteIds(drop);
      }
      await keepAlive();
      if (deliveryIds.length < PAGE) break;
    }
  }
  return tally;
}
