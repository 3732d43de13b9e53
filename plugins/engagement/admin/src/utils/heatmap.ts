/**
 * The best-time grid as a weekday × hour table: every one of the 168 slots, with its figure or the
 * reason it has none (no post then, too few posts to call it a habit, or the networks posted on do
 * not measure the rate's denominator).
 */
import type { BestTimeSlot } from '../api/engagement';

/** Fewer posts than this in a slot and the server gives it no figure. */
export const MIN_POSTS = 3;

export type EmptyReason = 'no_posts' | 'too_few_posts' | 'not_measured';
export type HeatCell = {
  weekday: number;
  hour: number;
  posts: number;
  medianRate: number | null;
  /** 0 to 1, against the best slot; null without a figure. */
  intensity: number | null;
  empty: EmptyReason | null;
};

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function heatGrid(slots: BestTimeSlot[]): HeatCell[][] {
  const byKey = new Map(slots.map((slot) => [`${slot.weekday}:${slot.hour}`, slot]));
  const best = Math.max(0, ...slots.map((slot) => slot.medianRate ?? 0));
  return WEEKDAYS.map((weekday) =>
    HOURS.map((hour) => {
      const slot = byKey.get(`${weekday}:${hour}`);
      const posts = slot?.posts ?? 0;
      const medianRate = slot?.medianRate ?? null;
      const empty: EmptyReason | null =
        medianRate !== null
          ? null
          : posts === 0
            ? 'no_posts'
            : posts < MIN_POSTS
              ? 'too_few_posts'
              : 'not_measured';
      return {
        weekday,
        hour,
        posts,
        medianRate,
        intensity: medianRate === null ? null : best > 0 ? medianRate / best : 0,
        empty,
      };
    })
  );
}

/** The slots with a figure, best first (the "post then" shortlist beside the grid). */
export const bestSlots = (slots: BestTimeSlot[], count = 3) =>
  slots
    .filter((slot) => slot.medianRate !== null)
    .sort((a, b) => b.medianRate! - a.medianRate! || b.posts - a.posts)
    .slice(0, count);
