/**
 * Response times per network and per week, from the inbox items' arrival, first answer and
 * resolution, against each network's goal (response-time.ts judges one item; this sums them). Weeks
 * are ISO weeks (Monday to Sunday) in the report's time zone, so a team in Paris sees its own week.
 */
import type { ResponseTimeWeek } from '@porte-voix/kit/contracts';

import { responseTimes, type ResponseGoals } from './response-time';

export type InboxItemTimes = {
  network: string;
  createdAt: Date;
  firstResponseAt: Date | null;
  doneAt: Date | null;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The item's calendar day in `timeZone`, as a UTC midnight (for week arithmetic only). */
function localDay(at: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}

/** The ISO week of a moment in a time zone: `2026-W49` and its Monday. */
export function isoWeekOf(at: Date, timeZone: string): { week: string; weekStart: string } {
  const day = localDay(at, timeZone);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(day.getTime() - weekday * 86_400_000);
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return {
    week: `${thursday.getUTCFullYear()}-W${pad(week)}`,
    weekStart: `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

/** One row per (network, week) that had items, by week then network. */
export function weeklyResponseTimes(
  items: InboxItemTimes[],
  goals: ResponseGoals,
  now: Date,
  timeZone: string
): ResponseTimeWeek[] {
  const groups = new Map<
    string,
    { network: string; week: string; weekStart: string; items: InboxItemTimes[] }
  >();
  for (const item of items) {
    const { week, weekStart } = isoWeekOf(item.createdAt, timeZone);
    const key = `${weekStart}|${item.network}`;
    const group = groups.get(key) ?? { network: item.network, week, weekStart, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.network.localeCompare(b.network))
    .map((group) => {
      const times = group.items.map((item) => responseTimes(item, goals, now));
      const firsts = times.flatMap((t) => (t.firstResponseMinutes === null ? [] : [t.firstResponseMinutes]));
      const resolutions = times.flatMap((t) => (t.resolutionMinutes === null ? [] : [t.resolutionMinutes]));
      const goalMinutes = times[0].goalMinutes;
      const withinGoal = times.filter((t) => {
        const handled = t.firstResponseMinutes ?? t.resolutionMinutes;
        return handled !== null && handled <= t.goalMinutes;
      }).length;
      return {
        network: group.network,
        week: group.week,
        weekStart: group.weekStart,
        items: group.items.length,
        answered: firsts.length,
        medianFirstResponseMinutes: median(firsts),
        resolved: resolutions.length,
        medianResolutionMinutes: median(resolutions),
        goalMinutes,
        withinGoal,
        withinGoalRate: group.items.length > 0 ? withinGoal / group.items.length : null,
        overdue: times.filter((t) => t.overdue).length,
      };
    });
}
