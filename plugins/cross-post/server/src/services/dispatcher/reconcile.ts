/** Unconfirmed deliveries: looked up on the network before anything is sent again. */
import { providerFor, type ProviderAccount } from '../../providers';
import { providerContext } from '../../providers/http';
import { CONFIRM_AFTER_MS } from '../../providers/network-scheduling';
import type { Dispatch } from './context';
import { lookAgainLater } from './look-again';

/** An unconfirmed delivery: look it up; found → published; missing after enough looks → send again. */
export async function reconcile(d: Dispatch, row: any, account: ProviderAccount) {
  const startedAt = new Date();
  const provider = providerFor(account.network);
  if (!provider.findRecent) {
    await d.settle(row.id, {
      nextAttemptAt: null,
      failureReason: `${provider.displayName} cannot be searched for a post: check the channel, then retry this delivery if the post is missing.`,
    });
    return d.log(row.id, 'unknown', `${provider.displayName} cannot be checked automatically.`, startedAt);
  }
  try {
    const since = new Date(row.firstAttemptAt ?? row.scheduledAt);
    const found = await provider.findRecent(
      // The key: networks without idempotency that carry a marker of it (a WordPress slug) find the post by it.
      { since, text: row.text ?? '', idempotencyKey: row.idempotencyKey ?? undefined },
      providerContext(account)
    );
    if (found) {
      const holdsUntil = found.scheduledFor ? new Date(found.scheduledFor) : null;
      await d.settle(row.id, {
        // Found still held by the network (scheduled there): confirmed at its time, as any handed post.
        ...(holdsUntil
          ? { status: 'handed', nextAttemptAt: new Date(holdsUntil.getTime() + CONFIRM_AFTER_MS) }
          : { status: 'published', publishedAt: new Date(), nextAttemptAt: null }),
        remoteId: found.remoteId,
        url: found.url,
        failureReason: null,
      });
      return d.log(row.id, 'reconciled', `Found online: ${found.url ?? found.remoteId}.`, startedAt);
    }
    const checks = (row.reconcileChecks ?? 0) + 1;
    if (checks < d.setting('reconcileChecks')) {
      // Searches lag behind writes: each look waits twice as long as the one before (30 min at most).
      const waitMs = Math.min(30 * 60_000, d.setting('reconcileDelayMs') * 2 ** checks);
      await d.settle(row.id, { reconcileChecks: checks, nextAttemptAt: new Date(Date.now() + waitMs) });
      return d.log(row.id, 'not_found', `Not online yet (look ${checks}); looking again.`, startedAt);
    }
    await d.settle(row.id, {
      status: 'retrying',
      reconcileChecks: checks,
      nextAttemptAt: new Date(),
      failureReason: null,
    });
    return d.log(
      row.id,
      'not_found',
      `Not online after ${checks} looks: the network never got it; sending it again.`,
      startedAt
    );
  } catch (error) {
    return lookAgainLater(d, provider, account, row.id, error, startedAt);
  }
}
