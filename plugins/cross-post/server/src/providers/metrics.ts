/** What every provider's metrics share: counters that are null unless measured, one result per id, in order. */
import {
  METRIC_COUNTERS,
  ProviderError,
  type DeliveryMetrics,
  type MetricCounter,
  type MetricCounters,
} from './types';

/** A counter as the network sent it: a count, or null when it sent none (never 0 for "not there"). */
export function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

/** Every counter, null unless `values` has a count for it. */
export function counters(values: Partial<Record<MetricCounter, unknown>>): MetricCounters {
  return Object.fromEntries(METRIC_COUNTERS.map((name) => [name, count(values[name])])) as MetricCounters;
}

/** Refuses, before anything is sent, a call that carries more ids than one request of the network may. */
export function checkBatch(remoteIds: string[], batchSize: number, networkName: string): void {
  if (remoteIds.length > batchSize) {
    throw new ProviderError(
      `${networkName} answers at most ${batchSize} posts per metrics request; ${remoteIds.length} were asked.`
    );
  }
}

/** The results in the order of `remoteIds`; an id the network did not answer for gets `missing(id)`. */
export function inOrder(
  remoteIds: string[],
  found: Map<string, DeliveryMetrics>,
  missing: (remoteId: string) => DeliveryMetrics = (remoteId) => ({ remoteId, state: 'gone' })
): DeliveryMetrics[] {
  return remoteIds.map((id) => {
    const result = found.get(id);
    return result ? { ...result, remoteId: id } : missing(id);
  });
}

export const ok = (remoteId: string, values: Partial<Record<MetricCounter, unknown>>): DeliveryMetrics => ({
  remoteId,
  state: 'ok',
  counters: counters(values),
});
