import { localParts } from './local-time';

/**
 * When to post: a weekday × hour grid of how posts published in each slot did, in the campaign's
 * time zone. A slot with fewer than `minPosts` posts gets no figure (one lucky post is not a habit):
 * the grid says how many posts it holds, and leaves the figure absent.
 */
export type PublishedOutcome = { publishedAt: Date | string; rate: number | null };

export type BestTimeSlot = {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  posts: number;
  /** Median rate of the slot's posts that have one; null below `minPosts` measured posts. */
  medianRate: number | null;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export function bestTimes(posts: PublishedOutcome[], timeZone: string, minPosts = 3): BestTimeSlot[] {
  const slots = new Map<string, { weekday: number; hour: number; posts: number; rates: number[] }>();
  for (const post of posts) {
    const { weekday, hour } = localParts(new Date(post.publishedAt), timeZone);
    const key = `${weekday}:${hour}`;
    const slot = slots.get(key) ?? { weekday, hour, posts: 0, rates: [] };
    slot.posts += 1;
    if (post.rate !== null) slot.rates.push(post.rate);
    slots.set(key, slot);
  }
  return [...slots.values()]
    .map(({ weekday, hour, posts: count, rates }) => ({
      weekday,
      hour,
      posts: count,
      medianRate: rates.length >= minPosts ? median(rates) : null,
    }))
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
}
