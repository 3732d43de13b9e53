import { addDays, instantAtLocalHour, localParts } from './local-time';

const zonedInstant = (day: string, hour: number, timeZone: string) =>
  new Date(instantAtLocalHour(day, hour, timeZone));

/**
 * When scheduled e-mail reports go out and what they cover, as Agorapulse does it: weekly reports on
 * Monday morning cover the previous Monday–Sunday; monthly reports on the 2nd cover the previous
 * calendar month (the 1st leaves a day for the networks' daily insights to settle).
 */
export type ReportCadence = 'weekly' | 'monthly';
export type ReportPeriod = { from: string; to: string };

/** The hour reports are sent, local time. */
export const REPORT_HOUR = 8;

/** The first sending time strictly after `after`. */
export function nextReportRun(cadence: ReportCadence, after: Date, timeZone: string): Date {
  let day = localParts(after, timeZone).day;
  for (let i = 0; i < 40; i++, day = addDays(day, 1)) {
    const isSendingDay =
      cadence === 'weekly'
        ? localParts(zonedInstant(day, 12, timeZone), timeZone).weekday === 1
        : day.endsWith('-02');
    if (!isSendingDay) continue;
    const run = zonedInstant(day, REPORT_HOUR, timeZone);
    if (run.getTime() > after.getTime()) return run;
  }
  throw new Error(`No ${cadence} report day found after ${after.toISOString()}`);
}

/** The days a report sent at `run` covers, both ends included. */
export function reportPeriod(cadence: ReportCadence, run: Date, timeZone: string): ReportPeriod {
  const today = localParts(run, timeZone);
  if (cadence === 'weekly') {
    const thisMonday = addDays(today.day, 1 - today.weekday);
    return { from: addDays(thisMonday, -7), to: addDays(thisMonday, -1) };
  }
  const firstOfMonth = `${today.day.slice(0, 8)}01`;
  const lastOfPrevious = addDays(firstOfMonth, -1);
  return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
}

const lastDayOfMonth = (day: string) => addDays(`${addDays(`${day.slice(0, 8)}28`, 4).slice(0, 8)}01`, -1);

/**
 * The period just before (for "compared with the previous period"): whole calendar months compare
 * with the same number of whole months before them (November with October, not with the 30 days
 * from 2 October); any other period with the same number of days just before it.
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (period.from.endsWith('-01') && period.to === lastDayOfMonth(period.to)) {
    const months =
      (Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4))) * 12 +
      Number(period.to.slice(5, 7)) -
      Number(period.from.slice(5, 7)) +
      1;
    const to = addDays(period.from, -1);
    let from = `${to.slice(0, 8)}01`;
    for (let i = 1; i < months; i++) from = `${addDays(from, -1).slice(0, 8)}01`;
    return { from, to };
  }
  const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/** The same days one week earlier (this week so far against the same weekdays of last week). */
export function sameDaysLastWeek(period: ReportPeriod): ReportPeriod {
  return { from: addDays(period.from, -7), to: addDays(period.to, -7) };
}

/** The same days one year earlier (for "compared with last year"). */
export function sameDaysLastYear(period: ReportPeriod): ReportPeriod {
  const back = (day: string) => {
    const year = Number(day.slice(0, 4)) - 1;
    const candidate = `${year}${day.slice(4)}`;
    // 29 February has no twin: the 28th stands in.
    return Number.isNaN(Date.parse(`${candidate}T00:00:00Z`)) ||
      new Date(`${candidate}T00:00:00Z`).toISOString().slice(0, 10) !== candidate
      ? `${year}${day.slice(4, 8)}28`
      : candidate;
  };
  return { from: back(period.from), to: back(period.to) };
}
