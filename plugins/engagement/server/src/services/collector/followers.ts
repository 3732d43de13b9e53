/**
 * Followers per account: read once a day (late in the day, in the plugin's time zone, so a day's
 * row holds how it ended) and next to each publication. Each reading lands on its day with the
 * change since the day before.
 */
import { nextLocalHour, localDay } from '../../domain/local-time';
import { HOUR_MS } from '../../domain/decay';
import { retryAfterFailure } from '../../domain/failure-retry';
import { eachLimited, type Collector } from './context';
import { isFailure, type MetricsFailure } from './metrics-source';

/** The local hour of the daily reading. */
const DAILY_READING_HOUR = 23;

export async function recordFollowers(
  c: Collector,
  account: { accountId: number; network: string },
  followers: number | null,
  at: Date
): Promise<void> {
  await c.accounts.recordReading(account.accountId, followers, at);
  if (followers === null) return;
  await c.accountDays.record({
    accountId: account.accountId,
    network: account.network,
    day: localDay(at.getTime(), c.setting('timeZone')),
    followers,
    capturedAt: at,
  });
}

/** Reads the followers of the accounts that are due; answers how many were claimed. */
export async function followersRound(c: Collector): Promise<number> {
  const owner = c.leaseOwner();
  const ids = await c.accounts.claimDue({ owner, leaseMs: c.setting('collectorLeaseMs'), limit: 100 });
  if (ids.length === 0) return 0;
  const rows = await c.accounts.findHeld(ids, owner);
  await eachLimited(rows, c.setting('collectorConcurrency'), async (row) => {
    const answer = await c
      .metrics()
      .fetchAccountMetrics(row.accountId)
      .catch((error: any): MetricsFailure => ({
        ok: false,
        retryAt: null,
        reason: 'network_error',
        message: String(error?.message ?? error),
      }));
    const now = new Date();
    if (isFailure(answer)) {
      await c.accounts.settle(row.id, owner, {
        stateReason: answer.message.slice(0, 2000),
        nextCollectAt: retryAfterFailure(answer, now),
      });
      return;
    }
    await recordFollowers(c, row, (answer as { followers: number | null }).followers, now);
    await c.accounts.settle(row.id, owner, {
      stateReason: null,
      nextCollectAt: new Date(
        nextLocalHour(now.getTime(), DAILY_READING_HOUR, c.setting('timeZone'), HOUR_MS)
      ),
    });
  });
  return ids.length;
}
