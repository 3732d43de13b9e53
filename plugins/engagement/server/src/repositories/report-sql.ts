/**
 * What the report reads share: the counter columns summed in SQL (SUM of only NULLs is NULL on every
 * dialect, so a counter no network measured stays absent, never 0), and an interactions expression
 * for ordering. Used by the repositories of the tables they read; nothing here touches a table itself.
 */
import { METRIC_COUNTERS, INTERACTION_COUNTERS, type MetricCounters } from '../domain/counters';

type Column = (attribute: string) => string;

/** Aliases in lower case: PostgreSQL folds unquoted names, so `AS linkClicks` would come back as `linkclicks`. */
const alias = (name: string) => `sum_${name.toLowerCase()}`;

/** `SUM(col) AS sum_name` for every counter. */
export const counterSums = (column: Column) =>
  METRIC_COUNTERS.map((name) => `SUM(${column(name)}) AS ${alias(name)}`);

/** Interactions of one row, unmeasured counters as 0 (only to rank rows, never shown). */
export const interactionsExpression = (column: Column) =>
  INTERACTION_COUNTERS.map((name) => `COALESCE(${column(name)}, 0)`).join(' + ');

const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** A row's summed counters as numbers (drivers answer SUMs as strings on PostgreSQL and MySQL). */
export const readCounters = (row: Record<string, unknown>): MetricCounters =>
  Object.fromEntries(METRIC_COUNTERS.map((name) => [name, toNumber(row[alias(name)])])) as MetricCounters;

/** A `date` column's value as YYYY-MM-DD, whatever the driver gives back. */
export function readDay(value: unknown): string {
  if (value instanceof Date) {
    // PostgreSQL's driver builds a local-midnight Date for a `date`.
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
}
