/** An expired token: refreshed once across instances, and the new credentials kept for next time. */
import type { Provider, ProviderAccount } from '../../providers';
import { providerContext } from '../../providers/http';
import { getService } from '../../utils/get-service';
import type { Dispatch } from './context';
import { handleFailure } from './outcome';

/**
 * The account and context to publish with again, or null when the refresh failed (the delivery's
 * outcome is then recorded here).
 */
export async function refreshCredentials(
  d: Dispatch,
  row: any,
  account: ProviderAccount,
  provider: Provider,
  ctx: ReturnType<typeof providerContext>,
  timeoutMs: number,
  reason: string,
  startedAt: Date
): Promise<{ account: ProviderAccount; ctx: ReturnType<typeof providerContext> } | null> {
  let current = account;
  try {
    // Once across instances: a rotating refresh token used twice logs the account out.
    current = await getService(d.strapi, 'accounts').refreshOnce(current, () => provider.refresh!(ctx));
    const renewed = providerContext(current, timeoutMs);
    await d.log(row.id, 'refreshed', `${reason} Credentials refreshed.`, startedAt);
    return { account: current, ctx: renewed };
  } catch (refreshError) {
    const refreshVerdict = d.classify(provider, current, refreshError);
    await handleFailure(
      d,
      row,
      current,
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
    return null;
  }
}
