/**
 * Wall-clock time in a named time zone, with the platform's Intl only: which day an instant falls on
 * there, the instant of a day and time there (summer time included), and the days a calendar shows.
 */

/** A calendar day, with no zone: month is 1–12. */
export type Day = { year: number; month: number; day: number };
export type Wall = Day & { hour: number; minute: number; second: number };
export type CalendarView = 'week' | 'month';

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The wall clock in `timeZone` at `instant`. */
export function wallIn(instant: Date, timeZone: string): Wall {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)])
  );
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

const utcOf = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** How far `timeZone` is ahead of UTC at `ms`, in ms. */
const offsetAt = (ms: number, timeZone: string) =>
  utcOf(wallIn(new Date(ms), timeZone)) - Math.floor(ms / 1000) * 1000;

/**
 * The instant the wall clock of `timeZone` shows `wall`. A time skipped by a summer-time change is
 * read with the offset from before it (02:30 on the March change in Paris is 03:30).
 */
export function instantOf(wall: Wall, timeZone: string): Date {
  const guess = utcOf(wall);
  const first = guess - offsetAt(guess, timeZone);
  const offset = offsetAt(first, timeZone);
  if (guess - offset === first) return new Date(first);
  const second = guess - offset;
  // In a skipped hour neither reading round-trips: the later one is the time pushed past the gap.
  return new Date(offsetAt(second, timeZone) === offset ? second : Math.max(first, second));
}

export const dayOf = (instant: Date, timeZone: string): Day => {
  const { year, month, day } = wallIn(instant, timeZone);
  return { year, month, day };
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-06-01`: a day's key, also the calendar's `?date=` parameter. */
export const dayKey = (d: Day) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

export function parseDayKey(key: string | null | undefined): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key ?? '');
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return dayKey(addDays(day, 0)) === key ? day : null;
}

export function addDays(d: Day, count: number): Day {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + count));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export const addMonths = (d: Day, count: number): Day => {
  const date = new Date(Date.UTC(d.year, d.month - 1 + count, 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: 1 };
};

/** Monday = 0 … Sunday = 6. */
const weekdayOf = (d: Day) => (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7;

/** The days shown, Monday first: one week, or the whole weeks that cover a month. */
export function daysOf(view: CalendarView, anchor: Day): Day[] {
  if (view === 'week') {
    const monday = addDays(anchor, -weekdayOf(anchor));
    return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  }
  const first = { ...anchor, day: 1 };
  const last = addDays(addMonths(anchor, 1), -1);
  const start = addDays(first, -weekdayOf(first));
  const end = addDays(last, 6 - weekdayOf(last));
  const count =
    Math.round(
      (Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) /
        86_400_000
    ) + 1;
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

/** The instants a list of days covers in `timeZone`: from the first midnight to just before the next day's. */
export function rangeOf(days: Day[], timeZone: string): { from: Date; to: Date } {
  const midnight = (d: Day) => instantOf({ ...d, hour: 0, minute: 0, second: 0 }, timeZone);
  return {
    from: midnight(days[0]),
    to: new Date(midnight(addDays(days[days.length - 1], 1)).getTime() - 1),
  };
}

/** The same wall-clock time on another day (a drag from one day to another keeps the hour). */
export function onDay(instant: Date, day: Day, timeZone: string): Date {
  const { hour, minute, second } = wallIn(instant, timeZone);
  return instantOf({ ...day, hour, minute, second }, timeZone);
}

/** `YYYY-MM-DDTHH:mm` (`:ss` with `seconds`), as a datetime-local input shows `instant` in `timeZone`. */
export function toInputValue(instant: Date, timeZone: string, { seconds = false } = {}): string {
  const w = wallIn(instant, timeZone);
  return `${dayKey(w)}T${pad(w.hour)}:${pad(w.minute)}${seconds ? `:${pad(w.second)}` : ''}`;
}

/** What a datetime-local input holds, read as a time in `timeZone`; null when it holds none. */
export function fromInputValue(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0));
  return instantOf({ year, month, day, hour, minute, second }, timeZone);
}

/** Whether `timeZone` is one this browser knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
