/** A lookup on the network that did not answer (reconciling, confirming a handed post): tried again later. */
import type { Provider, ProviderAccount } from '../../providers';
import type { Dispatch } from './context';

export async function lookAgainLater(
  d: Dispatch,
  provider: Provider,
  account: ProviderAccount,
  deliveryId: number,
  error: unknown,
  startedAt: Date
) {
  const verdict = d.classify(provider, account, error);
  // After the network's own wait when it gave one (a 429), else the usual pause between looks.
  const waitMs =
    verdict.action === 'retry' && verdict.waitMs ? verdict.waitMs : d.setting('reconcileDelayMs');
  await d.settle(deliveryId, { nextAttemptAt: new Date(Date.now() + waitMs) });
  return d.log(
    deliveryId,
    'unknown',
    `Could not look the post up (${verdict.reason}); trying again later.`,
    startedAt
  );
}
