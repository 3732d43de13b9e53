/**
 * Entries are counted in SQL per quarter of an hour (UTC) and folded here into the contest's local
 * days. Every time zone in use is offset from UTC by a whole number of quarter hours, so a local
 * midnight always falls on a quarter-hour boundary and no bucket straddles two local days.
 */
export const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** The most days the chart shows: the latest ones, whatever the span of the contest. */
export const MAX_CHART_DAYS = 366;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of the instant in the time zone (an unknown zone falls back to UTC). */
export function localDay(instantMs: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // The en-CA calendar date is written YYYY-MM-DD.
    const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instantMs);
}

/** Adds up quarter-hour counts into local days, oldest first, keeping the latest MAX_CHART_DAYS. */
export function foldIntoLocalDays(
  quarters: { quarter: number; entries: number }[],
  timeZone: string
): { day: string; entries: number }[] {
  const perDay = new Map<string, number>();
  for (const { quarter, entries } of quarters) {
    const day = localDay(quarter * QUARTER_HOUR_MS, timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + entries);
  }
  return [...perDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(-MAX_CHART_DAYS)
    .map(([day, entries]) => ({ day, entries }));
}
