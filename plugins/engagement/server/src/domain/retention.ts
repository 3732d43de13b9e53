/**
 * How long readings are kept: every one for 90 days, then the last of each day (in the delivery's
 * time zone) up to 13 months, then only the delivery's latest. The last reading of a day carries
 * that day's whole change (readings hold merged values), so thinning never changes a daily total;
 * the daily rollups themselves are kept for good.
 */
import { localDay } from './local-time';
import { DAY_MS } from './decay';

export const KEEP_ALL_DAYS = 90;
export const KEEP_DAILY_MONTHS = 13;

export type RetentionCutoffs = {
  /** Readings captured before this are thinned to one a day. */
  allBefore: Date;
  /** Readings captured before this are dropped, except each delivery's latest. */
  dailyBefore: Date;
};

export function retentionCutoffs(now: Date): RetentionCutoffs {
  const dailyBefore = new Date(now.getTime());
  dailyBefore.setUTCMonth(dailyBefore.getUTCMonth() - KEEP_DAILY_MONTHS);
  return { allBefore: new Date(now.getTime() - KEEP_ALL_DAYS * DAY_MS), dailyBefore };
}

export type AgedReading = { id: number; capturedAt: Date };

/**
 * Which of one delivery's readings older than `cutoffs.allBefore` go. `latestId` is the delivery's
 * latest reading overall (it stays, however old).
 */
export function readingsToDrop(
  aged: AgedReading[],
  latestId: number,
  cutoffs: RetentionCutoffs,
  timeZone: string
): number[] {
  const ordered = aged
    .filter((reading) => reading.capturedAt.getTime() < cutoffs.allBefore.getTime())
    .sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime() || a.id - b.id);
  const drop: number[] = [];
  const lastOfDay = new Map<string, number>();
  for (const reading of ordered) {
    if (reading.capturedAt.getTime() < cutoffs.dailyBefore.getTime()) {
      if (reading.id !== latestId) drop.push(reading.id);
      continue;
    }
    const day = localDay(reading.capturedAt.getTime(), timeZone);
    const earlier = lastOfDay.get(day);
    if (earlier !== undefined) drop.push(earlier);
    lastOfDay.set(day, reading.id);
  }
  // The latest is the last reading of its day: nothing later can push it out.
  return drop.filter((id) => id !== latestId);
}
