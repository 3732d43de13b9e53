/**
 * A delivery's publication progress (`PublishProgress`): the steps a provider already took (a media
 * container created) are written on the delivery, only while this instance holds its lease, and read
 * back by the next attempt, here or on another instance.
 */
import { ProviderError, type PublishProgress } from '../../providers';
import type { Dispatch } from './context';

export function deliveryProgress(d: Dispatch, row: { id: number; providerState?: unknown }): PublishProgress {
  let saved =
    row.providerState && typeof row.providerState === 'object'
      ? (row.providerState as Record<string, unknown>)
      : null;
  return {
    get saved() {
      return saved;
    },
    async save(state) {
      if (!(await d.deliveries.saveProviderState(row.id, d.owner, state))) {
        // Another instance took the delivery back: the step is theirs to resume, and nothing more is sent from here.
        throw new ProviderError(
          'Another instance took this delivery back while it was being published; it resumes there.',
          'unknown'
        );
      }
      saved = state;
    },
  };
}
