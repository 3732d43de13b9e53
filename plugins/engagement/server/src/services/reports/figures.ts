/** The figures every report shows for a set of counters: interactions and rates that name their denominator. */
import { interactions, type MetricCounters } from '../../domain/counters';
import { clickThroughRate, engagementRate, type Rate } from '../../domain/rates';

export type Figures = {
  counters: MetricCounters;
  interactions: number | null;
  /** Interactions by impressions; absent where no impressions are measured. */
  engagementRate: Rate | null;
  clickThroughRate: Rate | null;
};

export const figuresOf = (counters: MetricCounters): Figures => ({
  counters,
  interactions: interactions(counters),
  engagementRate: engagementRate(counters, 'impressions'),
  clickThroughRate: clickThroughRate(counters),
});

/** Change from one period to the next: absent when either side is unknown; percent absent from 0. */
export type Change = { absolute: number | null; percent: number | null };

export function change(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { absolute: null, percent: null };
  return {
    absolute: current - previous,
    percent: previous === 0 ? null : ((current - previous) / previous) * 100,
  };
}

/** Adds counters of several rows, keeping a counter absent only when no row measured it. */
export function addCounters(rows: MetricCounters[], names: (keyof MetricCounters)[]): MetricCounters {
  const total = {} as MetricCounters;
  for (const name of names) {
    let sum: number | null = null;
    for (const row of rows) if (row[name] !== null) sum = (sum ?? 0) + row[name]!;
    total[name] = sum;
  }
  return total;
}
