/**
 * Continuous dispatch, what the running dispatcher does (a round, `runRound`, is what `runOnce` does):
 * deliveries are claimed as soon as there is room, each account has a lane that sends its deliveries
 * in due order, and lanes run side by side. Nothing waits for a whole batch to finish: a slow
 * account, or one paused by a 429, holds its own lane and never the others' due posts.
 *
 * More accounts with due deliveries than lanes (`concurrency`): lanes take turns, one send each.
 *
 * The protocol is the round's, unchanged: claim with a lease, renew it right before each send,
 * settle under the lease (`handleClaimed`). `held` (claimed, not yet settled) never exceeds the batch
 * size, so no claimed delivery waits long enough in a lane for its lease to run out.
 */
import type { ProviderAccount } from '../../providers';
import { getService } from '../../utils/get-service';
import { recoverStale } from './claim';
import { newRound, type Dispatch } from './context';
import { failAccount, failLocally } from './outcome';
import { giveBack, handleClaimed } from './round';

/**
 * Posts sent without approval are read again after this long (an edit reaches the next deliveries),
 * rather than once per delivery: many accounts send one post.
 */
const READ_CACHE_MS = 1_000;
/**
 * Accounts are read again after this long (a reconnected account, or one an editor paused, reaches its
 * next deliveries), rather than at each lane start: each account sends many posts. A token refreshed
 * meanwhile costs at most one refused request (`refreshOnce` then reads the stored one); the claim
 * itself skips accounts the database says are waiting.
 */
const ACCOUNT_CACHE_MS = 5_000;
/** Leases that ran out are looked for at most this often (a lease lasts minutes; claims come many a second). */
const STALE_CHECK_MS = 1_000;
/**
 * How many deliveries one account may hold in its lane (a fifth of the batch, at least 5): an
 * account sends one at a time, so more would only keep other accounts' due posts waiting.
 */
export const laneDepth = (batchSize: number) => Math.max(5, Math.ceil(batchSize / 5));
/** Attempts are written in one insert at least this often while lanes run. */
const LOG_FLUSH_MS = 250;

export function createLanes(d: Dispatch) {
  /** Claimed deliveries waiting in each account's lane, in due order. */
  const queued = new Map<number, any[]>();
  /** Accounts whose lane is sending, and accounts with deliveries waiting for a free lane. */
  const running = new Set<number>();
  const waiting: number[] = [];
  const idle = new Set<() => void>();
  let held = 0;
  let readAt = Date.now();
  let accountsReadAt = Date.now();
  let staleCheckedAt = 0;
  const accounts = new Map<number, Promise<ProviderAccount | null>>();

  function forgetOldReads() {
    if (Date.now() - readAt > READ_CACHE_MS) {
      d.round.posts.clear();
      readAt = Date.now();
    }
    if (Date.now() - accountsReadAt > ACCOUNT_CACHE_MS) {
      accounts.clear();
      accountsReadAt = Date.now();
    }
  }

  function accountFor(accountId: number): Promise<ProviderAccount | null> {
    forgetOldReads();
    let account = accounts.get(accountId);
    if (!account) {
      account = getService(d.strapi, 'accounts').forProvider(accountId);
      accounts.set(accountId, account);
      // An account that cannot be used is read again next time (it may have been fixed).
      account.catch(() => accounts.delete(accountId));
    }
    return account;
  }
  let flushTimer: NodeJS.Timeout | null = null;
  /** Called when room frees up (the schedule claims more then). */
  let onRoom: () => void = () => {};

  function flushSoon() {
    if (flushTimer) return;
    flushTimer = setTimeout(() => {
      flushTimer = null;
      d.flushLogs().catch((error) =>
        d.strapi.log.error(`[cross-post] attempts log: ${(error as Error)?.stack ?? error}`)
      );
    }, LOG_FLUSH_MS);
    flushTimer.unref?.();
  }

  function settled(count: number) {
    held -= count;
    flushSoon();
    // Half the batch free: claim again without waiting for the rest.
    if (held <= Math.floor(d.setting('batchSize') / 2)) onRoom();
    if (held === 0 && running.size === 0) for (const resolve of idle) resolve();
  }

  async function runLane(accountId: number) {
    let account: ProviderAccount | null;
    try {
      account = await accountFor(accountId);
    } catch (error) {
      const rows = queued.get(accountId)?.splice(0) ?? [];
      await failAccount(d, rows, error);
      settled(rows.length);
      return;
    }
    for (let row = queued.get(accountId)?.shift(); row; row = queued.get(accountId)?.shift()) {
      forgetOldReads();
      // A 429 paused the account: what its lane still holds goes back at once, in one statement, due
      // when the pause ends (rather than one write per delivery as each comes up).
      const until = d.round.waitingUntil.get(accountId) ?? 0;
      if (until > Date.now()) {
        const rows = [row, ...(queued.get(accountId)?.splice(0) ?? [])];
        await giveBack(d, rows, new Date(until)).catch((error) =>
          // The database failed: the leases run out and the deliveries are recovered.
          d.strapi.log.error(`[cross-post] account ${accountId}: ${(error as Error)?.stack ?? error}`)
        );
        settled(rows.length);
        return;
      }
      try {
        await handleClaimed(d, row, account);
      } catch (error) {
        await failLocally(d, row, account, error).catch((settleError) => {
          // The database itself failed: the lease will expire and the delivery will be recovered.
          d.strapi.log.error(
            `[cross-post] delivery ${row.id}: ${d.safe(account, String(settleError?.stack ?? settleError))}`
          );
        });
      } finally {
        d.round.sent.delete(row.id);
        settled(1);
      }
      // Every lane is busy and another account has due deliveries: give the lane up after each send
      // (this account queues again behind it), or an account whose lane never empties, because claims
      // keep filling it, would keep the others waiting for good.
      if (waiting.length > 0) return;
    }
  }

  function startLanes() {
    while (running.size < d.setting('concurrency') && waiting.length > 0) {
      const accountId = waiting.shift()!;
      running.add(accountId);
      void runLane(accountId).finally(() => {
        running.delete(accountId);
        if ((queued.get(accountId)?.length ?? 0) > 0) waiting.push(accountId);
        else queued.delete(accountId);
        startLanes();
        if (held === 0 && running.size === 0) for (const resolve of idle) resolve();
      });
    }
  }

  return {
    /** Claimed and not yet settled on this instance. */
    get held() {
      return held;
    },

    set onRoom(callback: () => void) {
      onRoom = callback;
    },

    /**
     * Takes back deliveries whose instance died, then claims what is due, as much as there is room
     * for, into the accounts' lanes. Returns how many were claimed and how many could have been.
     */
    async claim(): Promise<{ claimed: number; room: number }> {
      const room = d.setting('batchSize') - held;
      if (room <= 0) return { claimed: 0, room: 0 };
      if (Date.now() - staleCheckedAt >= STALE_CHECK_MS) {
        staleCheckedAt = Date.now();
        await recoverStale(d, new Date());
      }
      const claimed = await d.deliveries.claimDue({
        owner: d.owner,
        leaseMs: d.setting('leaseMs'),
        limit: room,
        perAccount: laneDepth(d.setting('batchSize')),
      });
      if (claimed.length === 0) return { claimed: 0, room };
      const rows = await d.deliveries.findHeld(
        claimed.map((c) => c.id),
        d.owner
      );
      held += rows.length;
      for (const row of rows) {
        const lane = queued.get(row.accountId);
        if (lane) lane.push(row);
        else queued.set(row.accountId, [row]);
        if (!running.has(row.accountId) && !waiting.includes(row.accountId)) waiting.push(row.accountId);
      }
      startLanes();
      return { claimed: claimed.length, room };
    },

    /** Resolves once every claimed delivery is settled and its attempt written (stop, tests). */
    async settledAll(): Promise<void> {
      if (held > 0 || running.size > 0) {
        await new Promise<void>((resolve) => {
          const done = () => {
            idle.delete(done);
            resolve();
          };
          idle.add(done);
        });
      }
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      await d.flushLogs();
    },

    /** A fresh shared state (accounts found waiting, posts read): when the dispatcher starts. */
    reset() {
      d.round = newRound();
      accounts.clear();
      readAt = Date.now();
      accountsReadAt = Date.now();
      staleCheckedAt = 0;
    },
  };
}

export type Lanes = ReturnType<typeof createLanes>;
