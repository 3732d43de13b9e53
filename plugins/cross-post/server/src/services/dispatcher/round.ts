/** One round: each claimed delivery is published, or looked up when its outcome is unknown. */
import type { ProviderAccount } from '../../providers';
import { getService } from '../../utils/get-service';
import { claimByAccount, recoverStale } from './claim';
import { newRound, type Dispatch } from './context';
import { failAccount, failLocally } from './outcome';
import { publish } from './publish-delivery';
import { confirmHanded } from './confirm-handed';
import { reconcile } from './reconcile';

/** The state a claimed delivery goes back to when it is not sent now: looked-up ones stay looked up. */
const stateToGiveBack = (row: any): string =>
  ['unconfirmed', 'handed'].includes(row.status)
    ? row.status
    : row.attemptCount > 0
      ? 'retrying'
      : 'scheduled';

/**
 * Claimed deliveries of an account that must wait go back as they were, due when the wait ends (their
 * `scheduledAt` keeps their place in line): one statement per state, however many there are.
 */
export async function giveBack(d: Dispatch, rows: any[], until: Date): Promise<void> {
  const byState = new Map<string, number[]>();
  for (const row of rows) {
    const state = stateToGiveBack(row);
    byState.set(state, [...(byState.get(state) ?? []), row.id]);
  }
  for (const [status, ids] of byState)
    await d.deliveries.settleMany(ids, d.owner, { status, nextAttemptAt: until });
}

export async function handleClaimed(d: Dispatch, row: any, account: ProviderAccount | null) {
  if (!account) {
    await d.settle(row.id, {
      status: 'failed',
      failureReason: 'The account was deleted.',
      nextAttemptAt: null,
    });
    return;
  }
  // Another delivery of this account was just rate-limited: do not send, give it back.
  const until = d.round.waitingUntil.get(account.id) ?? 0;
  if (until > Date.now()) {
    await giveBack(d, [row], new Date(until));
    return;
  }
  if (row.status === 'unconfirmed') await reconcile(d, row, account);
  else if (row.status === 'handed') await confirmHanded(d, row, account);
  else await publish(d, row, account);
}

/**
 * One round (`runOnce`, for tests and scripts with the dispatcher off): recover, claim, publish each
 * account's deliveries in order, accounts in parallel, and wait for all of them. The running
 * dispatcher does the same continuously (lanes.ts).
 */
export async function runRound(d: Dispatch): Promise<number> {
  const now = new Date();
  await recoverStale(d, now);
  const { claimed, byAccount } = await claimByAccount(d);
  if (claimed === 0) return 0;
  // (anything the lanes logged is written first: the round starts a state of its own)
  await d.flushLogs();
  d.round = newRound();
  const queues = [...byAccount.entries()];
  const workers = Array.from({ length: Math.min(d.setting('concurrency'), queues.length) }, async () => {
    for (let next = queues.shift(); next; next = queues.shift()) {
      const [accountId, list] = next;
      let account: ProviderAccount | null;
      try {
        account = await getService(d.strapi, 'accounts').forProvider(accountId);
      } catch (error) {
        await failAccount(d, list, error);
        continue;
      }
      for (const row of list) {
        try {
          await handleClaimed(d, row, account);
        } catch (error) {
          await failLocally(d, row, account, error).catch((settleError) => {
            // The database itself failed: the lease will expire and the delivery will be recovered.
            d.strapi.log.error(
              `[cross-post] delivery ${row.id}: ${d.safe(account, String(settleError?.stack ?? settleError))}`
            );
          });
        }
      }
    }
  });
  await Promise.all(workers);
  await d.flushLogs();
  return claimed;
}
