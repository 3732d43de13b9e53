/**
 * Days and hours in a time zone (IANA name). Engagement is dated on the day it happened where the
 * campaign runs, not on the server's day nor on the post's.
 */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const partFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions
) {
  let found = cache.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    cache.set(timeZone, found);
  }
  return found;
}

/** `YYYY-MM-DD` of the instant in the time zone. */
export function localDay(instantMs: number | Date, timeZone: string): string {
  // The en-CA calendar date is written YYYY-MM-DD.
  return formatter(dayFormatters, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instantMs
  );
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetMs(instantMs: number, timeZone: string): number {
  const parts = formatter(partFormatters, timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instantMs);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant the zone's clock shows `hour`:00 on `day` (YYYY-MM-DD). In a spring-forward gap the
 * hour that does not exist falls an hour later, as clocks do.
 */
export function instantAtLocalHour(day: string, hour: number, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, date, hour);
  const guess = wall - offsetMs(wall, timeZone);
  return wall - offsetMs(guess, timeZone);
}

/** The next instant after `afterMs` (plus `notBeforeMs`) at which the zone's clock shows `hour`:00. */
export function nextLocalHour(afterMs: number, hour: number, timeZone: string, notBeforeMs = 0): number {
  const earliest = afterMs + notBeforeMs;
  let day = localDay(earliest, timeZone);
  for (let i = 0; i < 3; i++) {
    const at = instantAtLocalHour(day, hour, timeZone);
    if (at > earliest) return at;
    // Noon plus a day is the next calendar day whatever the clocks do that night.
    day = localDay(instantAtLocalHour(day, 12, timeZone) + 24 * 3_600_000, timeZone);
  }
  return earliest + 24 * 3_600_000;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

export type LocalParts = {
  /** YYYY-MM-DD */
  day: string;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
  hour: number;
};

/** The day, ISO weekday and hour the zone's clock shows at that instant. */
export function localParts(instant: number | Date, timeZone: string): LocalParts {
  const parts = formatter(weekdayFormatters, timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: WEEKDAYS.indexOf(get('weekday')) + 1,
    hour: Number(get('hour')),
  };
}

/** The calendar day `days` after `day` (YYYY-MM-DD; negative to go back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
