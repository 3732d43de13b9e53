/**
 * Publication progress (`PublishProgress`) kept on a leased row, a delivery or an answer: the steps a
 * provider already took (a media container created) are written on the row, only while this instance
 * holds its lease, and read back by the next attempt, here or on another instance.
 */
import { ProviderError, type PublishProgress } from '../../providers';
import type { Dispatch } from './context';

/**
 * `write` stores the state while the lease is ours and says whether it did; `what` names the row
 * for the message of the attempt that lost it.
 */
export function leasedProgress(
  savedState: unknown,
  write: (state: Record<string, unknown>) => Promise<boolean>,
  what: 'delivery' | 'answer'
): PublishProgress {
  let saved = savedState && typeof savedState === 'object' ? (savedState as Record<string, unknown>) : null;
  return {
    get saved() {
      return saved;
    },
    async save(state) {
      if (!(await write(state))) {
        // Another instance took the row back: the step is theirs to resume, and nothing more is sent from here.
        throw new ProviderError(
          `Another instance took this ${what} back while it was being published; it resumes there.`,
          'unknown'
        );
      }
      saved = state;
    },
  };
}

export const deliveryProgress = (d: Dispatch, row: { id: number; providerState?: unknown }) =>
  leasedProgress(
    row.providerState,
    (state) => d.deliveries.saveProviderState(row.id, d.owner, state),
    'delivery'
  );
