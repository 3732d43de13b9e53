/**
 * Report periods as the pages keep them in the URL: calendar days (YYYY-MM-DD) in the reports' time
 * zone, both ends included, so a link opened tomorrow or by a colleague shows the same report.
 */
import type { Compare, ReportQuery } from '../api/engagement';

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export const isDay = (value: string | null | undefined): value is string =>
  !!value && DAY_PATTERN.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** The day it is now in a time zone. */
export const todayIn = (timeZone: string, now = Date.now()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now
  );

export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

export const PRESETS = ['7d', '28d', '90d', 'month', 'lastMonth'] as const;
export type Preset = (typeof PRESETS)[number];

export function presetPeriod(preset: Preset, today: string): { from: string; to: string } {
  switch (preset) {
    case '7d':
      return { from: addDays(today, -6), to: today };
    case '28d':
      return { from: addDays(today, -27), to: today };
    case '90d':
      return { from: addDays(today, -89), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'lastMonth': {
      const last = addDays(`${today.slice(0, 8)}01`, -1);
      return { from: `${last.slice(0, 8)}01`, to: last };
    }
  }
}

/** Which preset a period is, if any (to show it selected). */
export const presetOf = (period: { from: string; to: string }, today: string): Preset | null =>
  PRESETS.find((preset) => {
    const candidate = presetPeriod(preset, today);
    return candidate.from === period.from && candidate.to === period.to;
  }) ?? null;

/** The server reads at most this many days at once. */
export const MAX_DAYS = 800;

/**
 * The report a URL asks for. Missing or unreadable values fall back to the last 28 days compared
 * with the period before, so a hand-edited link still opens a report.
 */
export function readReportQuery(params: URLSearchParams, today: string): ReportQuery {
  const fallback = presetPeriod('28d', today);
  let from = params.get('from');
  let to = params.get('to');
  if (!isDay(from) || !isDay(to) || from > to || daysBetween(from, to) > MAX_DAYS) {
    from = fallback.from;
    to = fallback.to;
  }
  const compare: Compare = params.get('compare') === 'year' ? 'year' : 'previous';
  const campaign = params.get('campaign') || undefined;
  const network = params.get('network') || undefined;
  return { from, to, compare, campaign, network };
}

/** The URL parameters of a report (the filters a link carries), others kept as they are. */
export function writeReportQuery(
  params: URLSearchParams,
  changes: Record<string, string | null | undefined>
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** The filters to carry from one report page to another. */
export const FILTER_KEYS = ['from', 'to', 'compare', 'campaign', 'network'] as const;
export const carriedFilters = (params: URLSearchParams) => {
  const carried = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) carried.set(key, value);
  }
  const text = carried.toString();
  return text ? `?${text}` : '';
};
