/**
 * Posts handed to the network to publish at their time (WordPress `future`, YouTube `publishAt`):
 * once that time has passed, the post is looked up; public → published (at the network's time),
 * still held → looked at again later, gone → failed with the reason (someone removed it there).
 */
import { providerFor, type ProviderAccount } from '../../providers';
import { providerContext } from '../../providers/http';
import { CONFIRM_AFTER_MS } from '../../providers/network-scheduling';
import type { Dispatch } from './context';
import { lookAgainLater } from './look-again';

export async function confirmHanded(d: Dispatch, row: any, account: ProviderAccount) {
  const startedAt = new Date();
  const provider = providerFor(account.network);
  try {
    const found = await provider.lookup(String(row.remoteId), providerContext(account));
    if (!found) {
      const reason = `${provider.displayName} no longer has the post it was holding for ${new Date(row.scheduledAt).toISOString()}: it was deleted there. Retry to send it again.`;
      await d.settle(row.id, { status: 'failed', failureReason: reason, nextAttemptAt: null });
      return d.log(row.id, 'rejected', reason, startedAt);
    }
    if (found.scheduledFor) {
      // Still held (the network's queue runs late, or someone moved it there): look again after its time.
      const next = Math.max(Date.parse(found.scheduledFor), Date.now()) + CONFIRM_AFTER_MS;
      await d.settle(row.id, { nextAttemptAt: new Date(next), url: found.url ?? row.url });
      return d.log(
        row.id,
        'handed',
        `${provider.displayName} still holds it until ${found.scheduledFor}; looked at again then.`,
        startedAt
      );
    }
    await d.settle(row.id, {
      status: 'published',
      publishedAt: found.createdAt ? new Date(found.createdAt) : new Date(),
      url: found.url ?? row.url,
      failureReason: null,
      nextAttemptAt: null,
    });
    return d.log(
      row.id,
      'published',
      `${found.url ?? row.remoteId} (published by ${provider.displayName} at its time)`,
      startedAt
    );
  } catch (error) {
    return lookAgainLater(d, provider, account, row.id, error, startedAt);
  }
}
