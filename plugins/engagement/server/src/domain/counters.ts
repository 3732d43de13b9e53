import {
  INTERACTION_COUNTERS,
  METRIC_COUNTERS,
  type MetricCounter,
  type MetricCounters,
} from '@porte-voix/kit/contracts';

/** The counters a network may report, as the cross-post `metrics` service answers them (null: not measured). */
export { INTERACTION_COUNTERS, METRIC_COUNTERS, type MetricCounter, type MetricCounters };

/** A sum of counters that stays absent when none of them is measured, and ignores only the unmeasured ones. */
export function sumMeasured(
  counters: Partial<MetricCounters>,
  names: readonly MetricCounter[]
): number | null {
  let total: number | null = null;
  for (const name of names) {
    const value = counters[name];
    if (value === null || value === undefined) continue;
    total = (total ?? 0) + value;
  }
  return total;
}

/** Interactions: reactions, comments, shares, quotes, bookmarks, link and profile clicks, where measured. */
export const interactions = (counters: Partial<MetricCounters>) =>
  sumMeasured(counters, INTERACTION_COUNTERS);
