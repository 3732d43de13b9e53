/**
 * Collection rounds: due deliveries are claimed (leased in the database, so two instances never
 * ask for the same delivery), grouped per account, and asked in batches of the network's size.
 * Cross-post answers a refusal for the whole account (rate limited, to reconnect, paused while it
 * publishes): the account's deliveries then wait until it says.
 */
import { DAY_MS } from '../../domain/decay';
import { retryAfterFailure } from '../../domain/failure-retry';
import type { DeliveryStatRow } from '../../repositories/delivery-stats.repository';
import { eachLimited, type Collector } from './context';
import { recordFollowers } from './followers';
import { checkResults, isFailure, type MetricsFailure } from './metrics-source';
import { recordBatch } from './record';

export type AccountRefusal = {
  accountId: number;
  network: string;
  reason: string;
  message: string;
  retryAt: string;
};

export type CollectOutcome = {
  /** Deliveries the network answered for (ok, gone or unavailable). */
  collected: number;
  refusals: AccountRefusal[];
};

/** Followers are counted "at publication" when read within this time after it. */
const FOLLOWERS_AT_PUBLISH_WITHIN_MS = 2 * DAY_MS;

const NOT_POLLED = 'This network does not let its metrics be read: nothing is collected for it.';
const ACCOUNT_REMOVED = 'The account was removed from cross-post: its posts can no longer be measured.';

/** Cross-post's answer when the account no longer exists. */
const accountRemoved = (error: any) => error?.details?.reason === 'account_not_found';

/** Claims due deliveries and collects them; answers how many were claimed. */
export async function collectRound(c: Collector): Promise<number> {
  const owner = c.leaseOwner();
  const ids = await c.stats.claimDue({
    owner,
    leaseMs: c.setting('collectorLeaseMs'),
    limit: c.setting('collectorClaimLimit'),
  });
  if (ids.length === 0) return 0;
  await collectHeld(c, await c.stats.findHeld(ids, owner), owner);
  return ids.length;
}

/** Collects deliveries `owner` holds, account by account (several accounts at once). */
export async function collectHeld(
  c: Collector,
  rows: DeliveryStatRow[],
  owner: string
): Promise<CollectOutcome> {
  const outcome: CollectOutcome = { collected: 0, refusals: [] };
  if (rows.length === 0) return outcome;
  const profiles = c.metrics().profiles();
  const byAccount = new Map<number, DeliveryStatRow[]>();
  for (const row of rows) byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), row]);

  await eachLimited([...byAccount.values()], c.setting('collectorConcurrency'), async (list) => {
    const { accountId, network } = list[0];
    const stop = async (stopped: DeliveryStatRow[], stateReason: string) => {
      for (const row of stopped)
        await c.stats.settle(row.id, owner, { state: 'unavailable', stateReason, nextCollectAt: null });
    };
    const profile = profiles[network];
    if (!profile || !profile.polled) return stop(list, NOT_POLLED);

    const pending = [...list];
    const answered: DeliveryStatRow[] = [];
    while (pending.length > 0) {
      const batch = pending.splice(0, Math.max(1, profile.batchSize));
      const remoteIds = batch.map((row) => row.remoteId);
      const answer = await c
        .metrics()
        .fetchMetrics(accountId, remoteIds)
        .catch((error: any): MetricsFailure | null =>
          accountRemoved(error)
            ? null
            : { ok: false, retryAt: null, reason: 'network_error', message: String(error?.message ?? error) }
        );
      if (answer === null) return stop([...batch, ...pending], ACCOUNT_REMOVED);
      if (isFailure(answer)) {
        const until = retryAfterFailure(answer, new Date());
        await c.stats.release(
          [...batch, ...pending].map((row) => row.id),
          owner,
          until
        );
        await c.stats.deferAccount(accountId, until);
        outcome.refusals.push({
          accountId,
          network,
          reason: answer.reason,
          message: answer.message,
          retryAt: until.toISOString(),
        });
        c.log(
          'info',
          `account ${accountId} (${network}): ${answer.reason}, asked again at ${until.toISOString()}`
        );
        break;
      }
      const results = checkResults(remoteIds, (answer as { results: unknown[] }).results);
      if (results.some((result) => result === null))
        c.log(
          'warn',
          `account ${accountId} (${network}): answers that do not fit the asked posts were skipped`
        );
      const tally = await recordBatch(c, owner, batch, results, new Date(), profile);
      outcome.collected += tally.ok + tally.gone + tally.unavailable;
      answered.push(...batch.filter((_, index) => results[index]?.state === 'ok'));
    }
    await followersAtPublish(c, accountId, network, answered);
  });
  return outcome;
}

/** The account's followers next to deliveries just published (the denominator of their rates). */
async function followersAtPublish(
  c: Collector,
  accountId: number,
  network: string,
  answered: DeliveryStatRow[]
) {
  const now = Date.now();
  const waiting = answered.filter(
    (row) =>
      row.followersAtPublish === null &&
      now - new Date(row.postedAt).getTime() < FOLLOWERS_AT_PUBLISH_WITHIN_MS
  );
  if (waiting.length === 0) return;
  const answer = await c
    .metrics()
    .fetchAccountMetrics(accountId)
    .catch(() => null);
  if (!answer || isFailure(answer)) return;
  const { followers } = answer as { followers: number | null };
  if (followers === null) return;
  await c.stats.setFollowersAtPublish(
    waiting.map((row) => row.id),
    followers
  );
  await recordFollowers(c, { accountId, network }, followers, new Date());
}
