/**
 * Where a campaign should be today on the way to a target, and whether it is behind. A cumulative
 * target (impressions, clicks…) is expected to grow evenly from the first day to the last: after 3 of
 * 10 days, 30 % of it. A rate (engagement rate, CTR) has no path: today's value is compared with the
 * target itself. Days are calendar days in the campaign's time zone (YYYY-MM-DD), both ends included.
 */
export type PaceStatus = 'not_started' | 'no_data' | 'on_track' | 'behind' | 'met' | 'missed';

export type Pace = {
  status: PaceStatus;
  /** What should have been reached by the end of today (cumulative targets only). */
  expectedToDate: number | null;
  /** Where the campaign ends if it keeps today's average pace (cumulative targets only). */
  projected: number | null;
  /** Share of the campaign's days elapsed, today included (0 before, 1 after). */
  elapsed: number;
};

export type PaceInput = {
  target: number;
  actual: number | null;
  startsOn: string;
  endsOn: string;
  today: string;
  kind: 'cumulative' | 'rate';
  /** How far below the expected line still counts as on track (0.1: up to 10 % below). */
  tolerance?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (date: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${date}`);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
};

export function pace(input: PaceInput): Pace {
  const { target, actual, kind, tolerance = 0.1 } = input;
  const first = dayNumber(input.startsOn);
  const last = dayNumber(input.endsOn);
  if (last < first)
    throw new RangeError(`The campaign ends (${input.endsOn}) before it starts (${input.startsOn})`);
  const today = dayNumber(input.today);
  const totalDays = last - first + 1;
  const elapsedDays = Math.min(Math.max(today - first + 1, 0), totalDays);
  const elapsed = elapsedDays / totalDays;
  const ended = today > last;

  if (elapsedDays === 0)
    return { status: 'not_started', expectedToDate: kind === 'rate' ? null : 0, projected: null, elapsed };
  if (actual === null)
    return {
      status: 'no_data',
      expectedToDate: kind === 'rate' ? null : target * elapsed,
      projected: null,
      elapsed,
    };

  if (kind === 'rate') {
    const reached = actual >= target;
    const status: PaceStatus = ended ? (reached ? 'met' : 'missed') : reached ? 'on_track' : 'behind';
    return { status, expectedToDate: null, projected: null, elapsed };
  }

  const expectedToDate = target * elapsed;
  const projected = actual / elapsed;
  let status: PaceStatus;
  if (actual >= target) status = 'met';
  else if (ended) status = 'missed';
  else status = actual >= expectedToDate * (1 - tolerance) ? 'on_track' : 'behind';
  return { status, expectedToDate, projected, elapsed };
}
