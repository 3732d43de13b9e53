/** Leases: deliveries whose instance died are taken back, due ones claimed for this instance. */
import { providerFor } from '../../providers';
import type { Dispatch } from './context';

/** Publishing deliveries whose lease ran out: their instance died mid-publish, the outcome is unknown. */
export async function recoverStale(d: Dispatch, now: Date) {
  const expired = await d.deliveries.expiredLeases(200);
  if (expired.length === 0) return;
  const stale = await d.deliveries.findByIds(expired);
  for (const row of stale) {
    // Looked up, never sent: taken back as they were.
    if (row.status === 'unconfirmed' || row.status === 'handed') {
      await d.deliveries.recoverLease(row.id, row.leaseUntil, {});
      continue;
    }
    // Never sent: the first attempt's time is written in the same statement that clears a send
    // (renewLeaseForSend), so a delivery without one was claimed and never left; it goes back in line.
    if (!row.firstAttemptAt) {
      if (
        await d.deliveries.recoverLease(
          row.id,
          row.leaseUntil,
          { status: 'scheduled', nextAttemptAt: now },
          'publishing'
        )
      )
        await d.log(
          row.id,
          'recovered',
          `The instance ${row.leaseOwner} claimed it and stopped (or fell behind) before sending it; it goes out as planned.`,
          now,
          true
        );
      continue;
    }
    const provider = providerFor(row.network);
    const firstAttempt = new Date(row.firstAttemptAt).getTime();
    const safeToResend = now.getTime() - firstAttempt < provider.idempotencyWindowMs;
    const recovered = await d.deliveries.recoverLease(
      row.id,
      row.leaseUntil,
      safeToResend
        ? { status: 'retrying', nextAttemptAt: now }
        : { status: 'unconfirmed', nextAttemptAt: new Date(now.getTime() + d.setting('reconcileDelayMs')) },
      'publishing'
    );
    if (recovered) {
      await d.log(
        row.id,
        'recovered',
        `The instance ${row.leaseOwner} stopped while publishing; ${safeToResend ? `re-sent with the same idempotency key` : 'the post will be looked up before anything is sent again'}.`,
        now,
        true
      );
    }
  }
}

/** Claims what is due for this instance, grouped by account (each account's deliveries in due order). */
export async function claimByAccount(
  d: Dispatch
): Promise<{ claimed: number; byAccount: Map<number, any[]> }> {
  const claimed = await d.deliveries.claimDue({
    owner: d.owner,
    leaseMs: d.setting('leaseMs'),
    limit: d.setting('batchSize'),
  });
  const byAccount = new Map<number, any[]>();
  if (claimed.length === 0) return { claimed: 0, byAccount };
  const rows = await d.deliveries.findHeld(
    claimed.map((c) => c.id),
    d.owner
  );
  for (const row of rows) byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), row]);
  return { claimed: claimed.length, byAccount };
}
