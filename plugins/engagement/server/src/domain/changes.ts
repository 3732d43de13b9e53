/**
 * From readings to daily changes. A reading is merged into what is known before it is stored: a
 * counter the network stops reporting (X's link clicks after 30 days) keeps its last value instead of
 * being erased. So in stored readings a counter is null only until its first value, and the change
 * of a day is the difference between the day's last reading and the one before it: the daily
 * changes of a delivery always add up to its latest totals, un-likes (negative changes) included.
 */
import { localDay } from './local-time';
import { METRIC_COUNTERS, type MetricCounters } from './counters';

export const emptyCounters = (): MetricCounters =>
  Object.fromEntries(METRIC_COUNTERS.map((name) => [name, null])) as MetricCounters;

/** Counters as stored rows carry them (absent or null: not measured). */
export function pickCounters(row: Partial<Record<string, unknown>> | null | undefined): MetricCounters {
  const counters = emptyCounters();
  if (!row) return counters;
  for (const name of METRIC_COUNTERS) {
    const value = row[name];
    counters[name] = value === null || value === undefined ? null : Number(value);
  }
  return counters;
}

/** What is known after a reading: its values, and the known value where it has none. */
export function mergeReading(known: MetricCounters, observed: MetricCounters): MetricCounters {
  const merged = emptyCounters();
  for (const name of METRIC_COUNTERS) merged[name] = observed[name] ?? known[name];
  return merged;
}

export function sameCounters(a: MetricCounters, b: MetricCounters): boolean {
  return METRIC_COUNTERS.every((name) => a[name] === b[name]);
}

/** The change from one stored reading to the next: null while the counter was never measured. */
export function changeBetween(previous: MetricCounters, current: MetricCounters): MetricCounters {
  const change = emptyCounters();
  for (const name of METRIC_COUNTERS) {
    const now = current[name];
    change[name] = now === null ? null : now - (previous[name] ?? 0);
  }
  return change;
}

/** Adds changes up; a counter stays null only when neither side measured it. */
export function addChanges(a: MetricCounters, b: MetricCounters): MetricCounters {
  const sum = emptyCounters();
  for (const name of METRIC_COUNTERS) {
    const left = a[name];
    const right = b[name];
    sum[name] = left === null ? right : right === null ? left : left + right;
  }
  return sum;
}

export type StoredReading = { capturedAt: Date; counters: MetricCounters };
export type DailyChange = { day: string; counters: MetricCounters };

/**
 * The daily changes of one delivery from its stored readings (any order), dated in `timeZone`:
 * what the nightly rebuild writes, and what the incremental updates add up to.
 */
export function dailyChanges(readings: StoredReading[], timeZone: string): DailyChange[] {
  const ordered = [...readings].sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime());
  const perDay = new Map<string, MetricCounters>();
  let previous = emptyCounters();
  for (const reading of ordered) {
    const day = localDay(reading.capturedAt.getTime(), timeZone);
    const change = changeBetween(previous, reading.counters);
    perDay.set(day, addChanges(perDay.get(day) ?? emptyCounters(), change));
    previous = reading.counters;
  }
  return [...perDay.entries()].map(([day, counters]) => ({ day, counters }));
}
