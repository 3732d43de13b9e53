import { interactions, type MetricCounters } from './counters';

/**
 * A rate always names what it divides by, and is absent (null) when that is unknown or zero: a
 * Mastodon post has no impressions, so it has no engagement rate by impressions, not a rate of 0.
 */
export type RateDenominator = 'impressions' | 'reach' | 'followers';
export type Rate = { value: number; numerator: 'interactions' | 'linkClicks'; denominator: RateDenominator };

const divide = (numerator: number | null, denominator: number | null | undefined): number | null =>
  numerator === null || denominator === null || denominator === undefined || denominator <= 0
    ? null
    : numerator / denominator;

/**
 * Interactions divided by impressions, reach or the account's followers (at publication, so that a
 * growing audience does not lower old posts' rates).
 */
export function engagementRate(
  counters: Partial<MetricCounters>,
  by: RateDenominator,
  followers?: number | null
): Rate | null {
  const denominator = by === 'followers' ? followers : counters[by];
  const value = divide(interactions(counters), denominator);
  return value === null ? null : { value, numerator: 'interactions', denominator: by };
}

/** Click-through rate: link clicks over impressions. */
export function clickThroughRate(counters: Partial<MetricCounters>): Rate | null {
  const value = divide(counters.linkClicks ?? null, counters.impressions);
  return value === null ? null : { value, numerator: 'linkClicks', denominator: 'impressions' };
}
