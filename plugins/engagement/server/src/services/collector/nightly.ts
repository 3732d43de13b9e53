/**
 * Once a night (at `nightlyHour` in the plugin's time zone), on one instance: a sweep for
 * deliveries published far behind the pickup cursor, daily rows re-dated where a campaign's time
 * zone changed, the rebuild of every delivery collected since the previous night, retention, and
 * old refresh slots forgotten.
 */
import { DAY_MS, HOUR_MS } from '../../domain/decay';
import { nextLocalHour } from '../../domain/local-time';
import { retentionCutoffs } from '../../domain/retention';
import type { Collector } from './context';
import { sweepPublished } from './pickup';
import { rebuildDailies, type RebuildTally } from './rebuild';
import { applyRetention, type RetentionTally } from './retention';
import { REFRESH_SLOT_PREFIX } from './refresh';

export type NightlyTally = {
  swept: number;
  rezoned: number;
  rebuild: RebuildTally;
  retention: RetentionTally;
};

/** Campaigns whose rows are dated in another zone than the campaign's (or the default) now: re-dated. */
async function rezone(c: Collector, now: Date): Promise<Array<string | null>> {
  const postedSince = retentionCutoffs(now).dailyBefore;
  const pairs = await c.stats.zonesByCampaign(postedSince);
  const zones = await c.campaigns.timeZones(
    pairs.map((pair) => pair.campaignDocumentId).filter((id): id is string => id !== null)
  );
  const fallback = c.setting('timeZone');
  const changed = new Set<string | null>();
  for (const pair of pairs) {
    const wanted = (pair.campaignDocumentId && zones.get(pair.campaignDocumentId)) || fallback;
    if (wanted !== pair.timeZone && (await c.stats.setZone(pair.campaignDocumentId, wanted, postedSince)) > 0)
      changed.add(pair.campaignDocumentId);
  }
  return [...changed];
}

/** The nightly work itself; `previousRun` bounds what is looked at (null: everything). */
export async function runNightlyWork(
  c: Collector,
  now: Date,
  previousRun: Date | null,
  keepAlive: () => Promise<void>
): Promise<NightlyTally> {
  const swept = await sweepPublished(c, keepAlive);
  const rezoned = await rezone(c, now);
  const rebuild = await rebuildDailies(
    c,
    previousRun ? { collectedSince: new Date(previousRun.getTime() - DAY_MS), campaigns: rezoned } : {},
    now,
    keepAlive
  );
  const retention = await applyRetention(c, now, previousRun, keepAlive);
  await c.jobs.forgetSlots(REFRESH_SLOT_PREFIX, new Date(now.getTime() - DAY_MS));
  return { swept, rezoned: rezoned.length, rebuild, retention };
}

/** Runs the nightly work when it is due and no other instance runs it; answers its tally, or null. */
export async function nightlyIfDue(c: Collector): Promise<NightlyTally | null> {
  const leaseMs = c.setting('collectorLeaseMs');
  const zone = c.setting('timeZone');
  const hour = c.setting('nightlyHour');
  const owner = c.leaseOwner();
  const firstRunAt = new Date(nextLocalHour(Date.now(), hour, zone));
  const job = await c.jobs.take('nightly', owner, leaseMs, firstRunAt);
  if (!job) return null;
  const startedAt = new Date();
  let completed = false;
  try {
    const tally = await runNightlyWork(
      c,
      startedAt,
      job.lastRunAt ? new Date(job.lastRunAt) : null,
      async () => {
        if (!(await c.jobs.extend(job, owner, leaseMs)))
          throw new Error('the nightly run was taken over by another instance');
      }
    );
    const level = tally.rebuild.corrected > 0 ? 'warn' : 'info';
    c.log(
      level,
      `nightly: ${tally.swept} late deliveries found, ${tally.rezoned} campaigns re-dated, ${tally.rebuild.deliveries} deliveries rebuilt (${tally.rebuild.corrected} corrected, ${tally.rebuild.busy} busy), ${tally.retention.dropped} old snapshots dropped`
    );
    completed = true;
    return tally;
  } finally {
    // A run that failed half way keeps the previous run's date: the next one looks at everything since.
    const next = new Date(nextLocalHour(Date.now(), hour, zone, HOUR_MS));
    await c.jobs.finish(job, owner, next, completed ? startedAt : undefined);
  }
}
