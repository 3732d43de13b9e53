/** The failure rules: what a delivery becomes after an error (retry, refresh, reject, unknown). */
import type { ErrorVerdict, Provider, ProviderAccount } from '../../providers';
import { httpStatus } from '../../providers/common';
import { AccountUnusableError } from '../../utils/credentials';
import { getService } from '../../utils/get-service';
import type { Dispatch } from './context';

/** Tries before a delivery that keeps failing here, before anything is sent, is given up. */
const LOCAL_ERROR_TRIES = 3;

/** Exponential backoff for retries the network gave no wait for: 5 s, 10 s, 20 s… up to 15 min. */
export function backoffMs(attempt: number): number {
  return Math.min(15 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * An error of our own for one delivery (not the network's answer): a delivery that never reached
 * the network is tried a few times then fails with the reason; one that may have reached it is
 * looked up before anything is sent again. Never an endless retry.
 */
export async function failLocally(d: Dispatch, row: any, account: ProviderAccount | null, error: unknown) {
  const startedAt = new Date();
  const message = d.safe(account, (error as Error)?.message ?? String(error));
  d.strapi.log.error(
    `[cross-post] delivery ${row.id}: ${d.safe(account, String((error as Error)?.stack ?? error))}`
  );
  if (d.round.sent.has(row.id)) {
    const reason = `The post was sent but its outcome could not be recorded (${message}); it will be looked up before anything is sent again.`;
    if (
      await d.settle(row.id, {
        status: 'unconfirmed',
        nextAttemptAt: new Date(Date.now() + d.setting('reconcileDelayMs')),
        failureReason: reason,
        reconcileChecks: 0,
      })
    )
      await d.log(row.id, 'unknown', reason, startedAt);
    return;
  }
  const attempts = (row.attemptCount ?? 0) + 1;
  if (attempts >= Math.min(LOCAL_ERROR_TRIES, d.setting('maxAttempts'))) {
    const reason = `Could not prepare this delivery (${message}); tried ${attempts} times. Check the post and the account, then retry.`;
    if (
      await d.settle(row.id, {
        status: 'failed',
        failureReason: reason,
        nextAttemptAt: null,
        attemptCount: attempts,
      })
    )
      await d.log(row.id, 'rejected', reason, startedAt);
    return;
  }
  const waitMs = backoffMs(attempts);
  const reason = `Could not prepare this delivery (${message}).`;
  if (
    await d.settle(row.id, {
      status: 'retrying',
      nextAttemptAt: new Date(Date.now() + waitMs),
      failureReason: reason,
      attemptCount: attempts,
    })
  )
    await d.log(row.id, 'retry', `${reason} Next attempt in ${Math.round(waitMs / 1000)} s.`, startedAt);
}

/**
 * A 5xx answer to a send came from the network's side after it received the post: a gateway timing
 * out while the network went on, or a failure after storing. The post may be online, so it is not a
 * plain retry: on a network with idempotency it is re-sent with the same key, on the others it is
 * looked up before anything is sent again (handleFailure's `unknown`).
 */
export function afterSend(verdict: ErrorVerdict, error: unknown, networkName: string): ErrorVerdict {
  const status = httpStatus(error) ?? 0;
  if (verdict.action !== 'retry' || verdict.rateLimited || status < 500) return verdict;
  return {
    action: 'unknown',
    reason: `${networkName} answered ${status} after receiving the post: it may be online.`,
  };
}

/** The network's verdict on one send: retry later, look the post up (unknown), or fail (reject). */
export async function handleFailure(
  d: Dispatch,
  row: any,
  account: ProviderAccount,
  provider: Provider,
  verdict: ErrorVerdict,
  startedAt: Date
) {
  const now = Date.now();
  const attempts = (row.attemptCount ?? 0) + 1;
  if (verdict.action === 'retry') {
    if (attempts >= d.setting('maxAttempts') && !verdict.rateLimited) {
      await d.settle(row.id, {
        status: 'failed',
        failureReason: `Gave up after ${attempts} attempts: ${verdict.reason}`,
        nextAttemptAt: null,
        attemptCount: attempts,
      });
      return d.log(row.id, 'rejected', verdict.reason, startedAt);
    }
    const waitMs = verdict.waitMs ?? backoffMs(attempts);
    const nextAttemptAt = new Date(now + waitMs);
    if (verdict.rateLimited) {
      d.round.waitingUntil.set(account.id, nextAttemptAt.getTime());
      await getService(d.strapi, 'accounts').waitUntil(account.id, nextAttemptAt, verdict.reason);
    }
    await d.settle(row.id, {
      status: 'retrying',
      nextAttemptAt,
      failureReason: verdict.reason,
      // A rate limit is the network pacing us, not a failed attempt.
      attemptCount: verdict.rateLimited ? row.attemptCount : attempts,
    });
    return d.log(
      row.id,
      verdict.rateLimited ? 'rate_limited' : 'retry',
      `${verdict.reason} Next attempt at ${nextAttemptAt.toISOString()} (in ${Math.round(waitMs / 1000)} s).`,
      startedAt
    );
  }
  if (verdict.action === 'unknown') {
    const firstAttempt = row.firstAttemptAt ? new Date(row.firstAttemptAt).getTime() : now;
    if (now - firstAttempt < provider.idempotencyWindowMs) {
      await d.settle(row.id, {
        status: 'retrying',
        nextAttemptAt: new Date(now + 1_000),
        failureReason: verdict.reason,
        attemptCount: attempts,
      });
      return d.log(row.id, 'unknown', `${verdict.reason} Re-sent with the same idempotency key.`, startedAt);
    }
    await d.settle(row.id, {
      status: 'unconfirmed',
      nextAttemptAt: new Date(now + d.setting('reconcileDelayMs')),
      failureReason: verdict.reason,
      attemptCount: attempts,
      reconcileChecks: 0,
    });
    return d.log(
      row.id,
      'unknown',
      `${verdict.reason} It will be looked up before anything is sent again.`,
      startedAt
    );
  }
  await d.settle(row.id, {
    status: 'failed',
    failureReason: verdict.reason,
    nextAttemptAt: null,
    attemptCount: attempts,
  });
  return d.log(row.id, 'rejected', verdict.reason, startedAt);
}

/** An account nothing can be sent with (unreadable credentials, wrong host): its deliveries fail, the others go on. */
export async function failAccount(d: Dispatch, rows: any[], error: unknown) {
  for (const row of rows) {
    try {
      if (error instanceof AccountUnusableError) {
        const startedAt = new Date();
        if (await d.settle(row.id, { status: 'failed', failureReason: error.message, nextAttemptAt: null }))
          await d.log(row.id, 'rejected', error.message, startedAt);
      } else {
        await failLocally(d, row, null, error);
      }
    } catch (settleError) {
      d.strapi.log.error(`[cross-post] delivery ${row.id}: ${(settleError as Error)?.stack ?? settleError}`);
    }
  }
}
