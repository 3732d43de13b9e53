/**
 * The dispatcher runs on every instance: a node-schedule tick, a timer for the next due delivery,
 * and a kick when an editor publishes now. It only ever works on deliveries it claimed in the
 * database (see repositories/claims.sql.ts), so instances never publish the same delivery twice.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import schedule from 'node-schedule';

import { providerFor, type ErrorVerdict, type Provider, type ProviderAccount } from '../providers';
import { providerContext } from '../providers/http';
import { claimDueDeliveries, nextWakeAt } from '../repositories/claims.sql';
import { ATTEMPT_UID, DELIVERY_UID } from '../repositories/uids';
import type { CrossPostConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';
import { getService } from '../utils/get-service';
import type { PostSnapshot } from './compose.service';

const MAX_TIMER_MS = 2_147_000_000;

/** What one round shares: accounts found waiting, and each post loaded once per language. */
type Round = {
  logs: Record<string, unknown>[];
  waitingUntil: Map<number, number>;
  posts: Map<string, Promise<PostSnapshot | null>>;
};

/** Exponential backoff for retries the network gave no wait for: 5 s, 10 s, 20 s… up to 15 min. */
export function backoffMs(attempt: number): number {
  return Math.min(15 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1));
}

const dispatcherService = ({ strapi }: { strapi: Core.Strapi }) => {
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const config = () =>
    strapi.plugin(PLUGIN_ID).config as unknown as <K extends keyof CrossPostConfig>(
      key: K
    ) => CrossPostConfig[K];
  const setting = <K extends keyof CrossPostConfig>(key: K) => config()(key);
  const deliveries = () => strapi.db.query(DELIVERY_UID);

  let job: schedule.Job | null = null;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  // Rounds never overlap on an instance (drain() runs one at a time).
  let round: Round = { logs: [], waitingUntil: new Map(), posts: new Map() };

  /** Attempts are written once per round, in one insert (stale recoveries at once). */
  async function log(
    deliveryId: number,
    outcome: string,
    detail: string,
    startedAt: Date,
    immediately = false
  ) {
    const entry = {
      deliveryId,
      outcome,
      detail: detail.slice(0, 2000),
      instance: owner,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
    };
    if (immediately) await strapi.db.query(ATTEMPT_UID).create({ data: entry });
    else round.logs.push(entry);
  }

  async function flushLogs() {
    const logs = round.logs.splice(0);
    if (logs.length > 0) await strapi.db.query(ATTEMPT_UID).createMany({ data: logs });
  }

  /** Writes the outcome only while we still hold the lease: a recovered delivery belongs to someone else. */
  async function settle(id: number, data: Record<string, unknown>): Promise<boolean> {
    const { count } = await deliveries().updateMany({
      where: { id, leaseOwner: owner },
      data: { ...data, leaseOwner: null, leaseUntil: null },
    });
    return count > 0;
  }

  /** Publishing deliveries whose lease ran out: their instance died mid-publish, the outcome is unknown. */
  async function recoverStale(now: Date) {
    const stale = await deliveries().findMany({
      where: { status: { $in: ['publishing', 'unconfirmed'] }, leaseUntil: { $lt: now } },
      limit: 200,
    });
    for (const row of stale) {
      if (row.status === 'unconfirmed') {
        await deliveries().updateMany({
          where: { id: row.id, leaseUntil: row.leaseUntil },
          data: { leaseOwner: null, leaseUntil: null },
        });
        continue;
      }
      const provider = providerFor(row.network);
      const firstAttempt = row.firstAttemptAt ? new Date(row.firstAttemptAt).getTime() : 0;
      const safeToResend = now.getTime() - firstAttempt < provider.idempotencyWindowMs;
      const { count } = await deliveries().updateMany({
        where: { id: row.id, status: 'publishing', leaseUntil: row.leaseUntil },
        data: safeToResend
          ? { status: 'retrying', nextAttemptAt: now, leaseOwner: null, leaseUntil: null }
          : {
              status: 'unconfirmed',
              nextAttemptAt: new Date(now.getTime() + setting('reconcileDelayMs')),
              leaseOwner: null,
              leaseUntil: null,
            },
      });
      if (count > 0) {
        await log(
          row.id,
          'recovered',
          `The instance ${row.leaseOwner} stopped while publishing; ${safeToResend ? `re-sent with the same idempotency key` : 'the post will be looked up before anything is sent again'}.`,
          now,
          true
        );
      }
    }
  }

  async function handleFailure(
    row: any,
    account: ProviderAccount,
    provider: Provider,
    verdict: ErrorVerdict,
    startedAt: Date
  ) {
    const now = Date.now();
    const attempts = (row.attemptCount ?? 0) + 1;
    if (verdict.action === 'retry') {
      if (attempts >= setting('maxAttempts') && !verdict.rateLimited) {
        await settle(row.id, {
          status: 'failed',
          failureReason: `Gave up after ${attempts} attempts: ${verdict.reason}`,
          nextAttemptAt: null,
          attemptCount: attempts,
        });
        return log(row.id, 'rejected', verdict.reason, startedAt);
      }
      const waitMs = verdict.waitMs ?? backoffMs(attempts);
      const nextAttemptAt = new Date(now + waitMs);
      if (verdict.rateLimited) {
        round.waitingUntil.set(account.id, nextAttemptAt.getTime());
        await getService(strapi, 'accounts').waitUntil(account.id, nextAttemptAt, verdict.reason);
      }
      await settle(row.id, {
        status: 'retrying',
        nextAttemptAt,
        failureReason: verdict.reason,
        // A rate limit is the network pacing us, not a failed attempt.
        attemptCount: verdict.rateLimited ? row.attemptCount : attempts,
      });
      return log(
        row.id,
        verdict.rateLimited ? 'rate_limited' : 'retry',
        `${verdict.reason} Next attempt in ${Math.round(waitMs / 1000)} s.`,
        startedAt
      );
    }
    if (verdict.action === 'unknown') {
      const firstAttempt = row.firstAttemptAt ? new Date(row.firstAttemptAt).getTime() : now;
      if (now - firstAttempt < provider.idempotencyWindowMs) {
        await settle(row.id, {
          status: 'retrying',
          nextAttemptAt: new Date(now + 1_000),
          failureReason: verdict.reason,
          attemptCount: attempts,
        });
        return log(row.id, 'unknown', `${verdict.reason} Re-sent with the same idempotency key.`, startedAt);
      }
      await settle(row.id, {
        status: 'unconfirmed',
        nextAttemptAt: new Date(now + setting('reconcileDelayMs')),
        failureReason: verdict.reason,
        attemptCount: attempts,
        reconcileChecks: 0,
      });
      return log(
        row.id,
        'unknown',
        `${verdict.reason} It will be looked up before anything is sent again.`,
        startedAt
      );
    }
    await settle(row.id, {
      status: 'failed',
      failureReason: verdict.reason,
      nextAttemptAt: null,
      attemptCount: attempts,
    });
    return log(row.id, 'rejected', verdict.reason, startedAt);
  }

  async function publish(row: any, account: ProviderAccount) {
    const startedAt = new Date();
    const provider = providerFor(account.network);
    const compose = getService(strapi, 'compose');
    const postKey = `${row.postDocumentId}:${account.language ?? ''}`;
    if (!round.posts.has(postKey))
      round.posts.set(postKey, compose.loadPost(row.postDocumentId, account.language));
    const post = await round.posts.get(postKey)!;
    if (!post) {
      await settle(row.id, { status: 'failed', failureReason: 'The post was deleted.', nextAttemptAt: null });
      return log(row.id, 'rejected', 'The post was deleted.', startedAt);
    }
    const firstAttemptAt = row.firstAttemptAt ? new Date(row.firstAttemptAt) : startedAt;
    const outgoing = compose.outgoing(post, account.network, firstAttemptAt);
    const timeoutMs = Math.min(15_000, Math.floor(setting('leaseMs') / 3));
    // Store what is about to be sent before sending: reconciliation looks for exactly this text.
    await deliveries().updateMany({
      where: { id: row.id, leaseOwner: owner },
      data: { text: outgoing.text, firstAttemptAt },
    });

    let ctx = providerContext(account, timeoutMs);
    const validation = await provider.validate(outgoing, ctx).catch(() => null);
    if (validation && validation.problems.length > 0) {
      const reason = validation.problems.map((p) => p.message).join(' ');
      await settle(row.id, { status: 'failed', failureReason: reason, nextAttemptAt: null });
      return log(row.id, 'rejected', reason, startedAt);
    }

    for (let refreshed = false; ; refreshed = true) {
      try {
        const result = await provider.publish(outgoing, row.idempotencyKey, ctx);
        await settle(row.id, {
          status: 'published',
          remoteId: result.remoteId,
          url: result.url,
          publishedAt: new Date(),
          failureReason: null,
          nextAttemptAt: null,
          attemptCount: (row.attemptCount ?? 0) + 1,
        });
        // The network said this was the last request of its window: wait for the reset rather than for a 429.
        if (result.quota && result.quota.remaining <= 0 && result.quota.resetAt.getTime() > Date.now()) {
          round.waitingUntil.set(account.id, result.quota.resetAt.getTime());
          await getService(strapi, 'accounts').waitUntil(
            account.id,
            result.quota.resetAt,
            `${provider.displayName} quota used up; it resets at ${result.quota.resetAt.toISOString()}.`
          );
        }
        return log(row.id, 'published', result.url ?? result.remoteId, startedAt);
      } catch (error) {
        const verdict = provider.classifyError(error);
        if (verdict.action === 'refresh' && provider.refresh && !refreshed) {
          try {
            const credentials = await provider.refresh(ctx);
            await getService(strapi, 'accounts').saveCredentials(account.id, credentials);
            account = { ...account, credentials };
            ctx = providerContext(account, timeoutMs);
            await log(row.id, 'refreshed', `${verdict.reason} Credentials refreshed.`, startedAt);
            continue;
          } catch (refreshError) {
            const refreshVerdict = provider.classifyError(refreshError);
            return handleFailure(
              row,
              account,
              provider,
              // A refresh publishes nothing: when it did not get through, simply try again later.
              refreshVerdict.action === 'retry' || refreshVerdict.action === 'unknown'
                ? { action: 'retry', reason: `Could not refresh the credentials: ${refreshVerdict.reason}` }
                : {
                    action: 'reject',
                    reason: `Could not refresh the credentials (${refreshVerdict.reason}): reconnect the account.`,
                  },
              startedAt
            );
          }
        }
        const final: ErrorVerdict =
          verdict.action === 'refresh'
            ? { action: 'reject', reason: `${verdict.reason} Reconnect the account.` }
            : verdict;
        return handleFailure(row, account, provider, final, startedAt);
      }
    }
  }

  /** An unconfirmed delivery: look it up; found → published; missing after enough looks → send again. */
  async function reconcile(row: any, account: ProviderAccount) {
    const startedAt = new Date();
    const provider = providerFor(account.network);
    if (!provider.findRecent) {
      await settle(row.id, {
        nextAttemptAt: null,
        failureReason: `${provider.displayName} cannot be searched for a post: check the channel, then retry this delivery if the post is missing.`,
      });
      return log(row.id, 'unknown', `${provider.displayName} cannot be checked automatically.`, startedAt);
    }
    try {
      const since = new Date(row.firstAttemptAt ?? row.scheduledAt);
      const found = await provider.findRecent({ since, text: row.text ?? '' }, providerContext(account));
      if (found) {
        await settle(row.id, {
          status: 'published',
          remoteId: found.remoteId,
          url: found.url,
          publishedAt: new Date(),
          failureReason: null,
          nextAttemptAt: null,
        });
        return log(row.id, 'reconciled', `Found online: ${found.url ?? found.remoteId}.`, startedAt);
      }
      const checks = (row.reconcileChecks ?? 0) + 1;
      if (checks < setting('reconcileChecks')) {
        await settle(row.id, {
          reconcileChecks: checks,
          nextAttemptAt: new Date(Date.now() + setting('reconcileDelayMs')),
        });
        return log(row.id, 'not_found', `Not online yet (look ${checks}); looking again.`, startedAt);
      }
      await settle(row.id, {
        status: 'retrying',
        reconcileChecks: checks,
        nextAttemptAt: new Date(),
        failureReason: null,
      });
      return log(
        row.id,
        'not_found',
        `Not online after ${checks} looks: the network never got it; sending it again.`,
        startedAt
      );
    } catch (error) {
      const verdict = provider.classifyError(error);
      const waitMs =
        verdict.action === 'retry' && verdict.waitMs ? verdict.waitMs : setting('reconcileDelayMs');
      await settle(row.id, { nextAttemptAt: new Date(Date.now() + waitMs) });
      return log(
        row.id,
        'unknown',
        `Could not look the post up (${verdict.reason}); trying again later.`,
        startedAt
      );
    }
  }

  async function handleClaimed(row: any, account: ProviderAccount | null) {
    if (!account) {
      await settle(row.id, {
        status: 'failed',
        failureReason: 'The account was deleted.',
        nextAttemptAt: null,
      });
      return;
    }
    // Another delivery of this account was just rate-limited: do not send, give it back.
    const until = round.waitingUntil.get(account.id) ?? 0;
    if (until > Date.now()) {
      await settle(row.id, {
        status:
          row.status === 'unconfirmed' ? 'unconfirmed' : row.attemptCount > 0 ? 'retrying' : 'scheduled',
        nextAttemptAt: new Date(until),
      });
      return;
    }
    if (row.status === 'unconfirmed') await reconcile(row, account);
    else await publish(row, account);
  }

  /** One round: recover, claim, publish each account's deliveries in order, accounts in parallel. */
  async function runRound(): Promise<number> {
    const now = new Date();
    await recoverStale(now);
    const claimed = await claimDueDeliveries(strapi, {
      owner,
      now,
      leaseUntil: new Date(now.getTime() + setting('leaseMs')),
      limit: setting('batchSize'),
    });
    if (claimed.length === 0) return 0;
    const rows = await deliveries().findMany({
      where: { id: { $in: claimed.map((c) => c.id) }, leaseOwner: owner },
      orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    });
    const byAccount = new Map<number, any[]>();
    for (const row of rows) byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), row]);
    round = { logs: [], waitingUntil: new Map(), posts: new Map() };
    const queues = [...byAccount.entries()];
    const workers = Array.from({ length: Math.min(setting('concurrency'), queues.length) }, async () => {
      for (let next = queues.shift(); next; next = queues.shift()) {
        const [accountId, list] = next;
        const account = await getService(strapi, 'accounts').forProvider(accountId);
        for (const row of list) {
          try {
            await handleClaimed(row, account);
          } catch (error) {
            // A database hiccup must not kill the round; the lease will expire and the delivery will be recovered.
            strapi.log.error(`[cross-post] delivery ${row.id}: ${(error as Error).stack ?? error}`);
          }
        }
      }
    });
    await Promise.all(workers);
    await flushLogs();
    return claimed.length;
  }

  /**
   * Rounds until nothing is due, then a timer for the next due time. A kick during a round, or
   * work that fell due meanwhile, means another round now, not at the next tick.
   */
  async function drain(): Promise<void> {
    for (let idle = 0; !stopped;) {
      again = false;
      let claimed = 0;
      for (let n = await runRound(); ; n = await runRound()) {
        claimed += n;
        if (stopped || n < setting('batchSize')) break;
      }
      if (stopped) return;
      const at = await nextWakeAt(strapi).catch(() => null);
      const dueNow = at !== null && at.getTime() <= Date.now();
      // Due but not claimable by us (another instance holds it): leave it to the timer, briefly.
      idle = claimed === 0 ? idle + 1 : 0;
      if ((again || dueNow) && idle < 2) continue;
      if (at) api.wakeAt(dueNow ? new Date(Date.now() + 200) : at);
      return;
    }
  }

  const api = {
    owner,

    start() {
      if (!setting('dispatcherEnabled') || !stopped) return;
      stopped = false;
      const seconds = setting('tickSeconds');
      job = schedule.scheduleJob(
        `cross-post-dispatcher-${owner}`,
        `*/${Math.min(59, seconds)} * * * * *`,
        () => api.kick()
      );
      // Overdue deliveries go out at boot.
      api.kick();
    },

    async stop() {
      stopped = true;
      job?.cancel();
      job = null;
      if (timer) clearTimeout(timer);
      timer = null;
      timerAt = Infinity;
      await running;
    },

    /** Runs a round now (or right after the current one). */
    kick(): Promise<void> {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = drain()
        .catch((error) => {
          strapi.log.error(`[cross-post] dispatcher: ${error?.stack ?? error}`);
        })
        .finally(() => {
          running = null;
        });
      return running;
    },

    /** Makes sure a round runs at `at` (the tick would find it anyway, later). */
    wakeAt(at: Date) {
      if (stopped) return;
      const delay = at.getTime() - Date.now();
      if (delay <= 0) {
        void api.kick();
        return;
      }
      if (at.getTime() >= timerAt || delay > MAX_TIMER_MS) return;
      if (timer) clearTimeout(timer);
      timerAt = at.getTime();
      timer = setTimeout(() => {
        timer = null;
        timerAt = Infinity;
        void api.kick();
      }, delay);
      timer.unref?.();
    },

    /** One round, for tests and scripts that run with the dispatcher off. */
    async runOnce(): Promise<number> {
      return runRound();
    },
  };
  return api;
};

export type DispatcherService = ReturnType<typeof dispatcherService>;
export default dispatcherService;
