/**
 * What one plugin answers and another reads, in one place: plain values with no dependency, for
 * servers and admins alike.
 */

/**
 * The counters a network may report for one published delivery: cross-post's providers read them,
 * its `metrics` service answers them, engagement stores and shows them. null means "this network
 * does not measure it", never 0: every figure built on a null counter is absent, not zero.
 */
export const METRIC_COUNTERS = [
  'impressions',
  'reach',
  'views',
  'reactions',
  'comments',
  'shares',
  'quotes',
  'bookmarks',
  'linkClicks',
  'profileClicks',
] as const;
export type MetricCounter = (typeof METRIC_COUNTERS)[number];
export type MetricCounters = Record<MetricCounter, number | null>;

/** The counters that are someone interacting with a post (Buffer's and Metricool's "engagements"). */
export const INTERACTION_COUNTERS = [
  'reactions',
  'comments',
  'shares',
  'quotes',
  'bookmarks',
  'linkClicks',
  'profileClicks',
] as const satisfies readonly MetricCounter[];
