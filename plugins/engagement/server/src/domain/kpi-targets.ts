import type { MetricCounter } from './counters';

/**
 * Where each KPI a campaign can target (the `campaign.kpi-target` component's `metric`) comes from,
 * and whether the networks a campaign publishes on can measure it at all: a target of impressions on
 * a Mastodon-only campaign can never be reached, and the editor should learn it when planning.
 */
export const KPI_METRICS = [
  'impressions',
  'reach',
  'engagements',
  'engagement_rate',
  'clicks',
  'ctr',
  'followers_gained',
  'comments',
  'shares',
  'registrations',
  'contest_entries',
  'conversions',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

/**
 * - network: counters the networks report (each listed counter must be measured);
 * - tracked_links: human clicks on Porte-voix's own tracked links, measurable anywhere;
 * - followers: the accounts' follower counts;
 * - contests: entries counted by the contests plugin;
 * - external: happens on another system (a ticketing or shop site), Porte-voix cannot count it.
 */
export type KpiSource =
  | { kind: 'network'; counters: MetricCounter[]; anyOf?: boolean }
  | { kind: 'tracked_links' }
  | { kind: 'followers' }
  | { kind: 'contests' }
  | { kind: 'external' };

export const KPI_SOURCES: Record<KpiMetric, KpiSource> = {
  impressions: { kind: 'network', counters: ['impressions'] },
  reach: { kind: 'network', counters: ['reach'] },
  engagements: {
    kind: 'network',
    counters: ['reactions', 'comments', 'shares', 'quotes', 'bookmarks', 'linkClicks', 'profileClicks'],
    anyOf: true,
  },
  // Interactions by impressions: a rate that names its denominator needs that denominator measured.
  engagement_rate: { kind: 'network', counters: ['impressions'] },
  clicks: { kind: 'tracked_links' },
  ctr: { kind: 'network', counters: ['linkClicks', 'impressions'] },
  followers_gained: { kind: 'followers' },
  comments: { kind: 'network', counters: ['comments'] },
  shares: { kind: 'network', counters: ['shares'] },
  registrations: { kind: 'external' },
  contest_entries: { kind: 'contests' },
  conversions: { kind: 'external' },
};

/** What a network can report, from its metrics profile (cross-post's `metrics.profiles()`). */
export type NetworkMeasures = { polled: boolean; measures: MetricCounter[]; followers: boolean };

export type Measurability =
  | { status: 'measurable' }
  /** Only some of the chosen networks measure it: the actual counts those only. */
  | { status: 'partial'; measuredOn: string[]; notMeasuredOn: string[] }
  | {
      status: 'unmeasurable';
      reason: 'not_on_these_networks' | 'external' | 'no_networks';
      notMeasuredOn: string[];
    };

function networkMeasures(source: KpiSource, measures: NetworkMeasures): boolean {
  if (source.kind === 'followers') return measures.followers;
  if (source.kind !== 'network') return true;
  if (!measures.polled) return false;
  const has = (counter: MetricCounter) => measures.measures.includes(counter);
  return source.anyOf ? source.counters.some(has) : source.counters.every(has);
}

/**
 * Can this target be measured on these networks? A target that names one network is judged on it
 * alone. Tracked-link clicks and contest entries are first-party, so measurable whatever the networks.
 */
export function measurability(
  metric: KpiMetric,
  networks: string[],
  profiles: Record<string, NetworkMeasures>,
  targetNetwork?: string | null
): Measurability {
  const source = KPI_SOURCES[metric];
  if (source.kind === 'external') return { status: 'unmeasurable', reason: 'external', notMeasuredOn: [] };
  if (source.kind === 'tracked_links' || source.kind === 'contests') return { status: 'measurable' };
  const chosen = [...new Set(targetNetwork ? [targetNetwork] : networks)];
  if (chosen.length === 0) return { status: 'unmeasurable', reason: 'no_networks', notMeasuredOn: [] };
  const measuredOn = chosen.filter(
    (network) => profiles[network] && networkMeasures(source, profiles[network])
  );
  const notMeasuredOn = chosen.filter((network) => !measuredOn.includes(network));
  if (notMeasuredOn.length === 0) return { status: 'measurable' };
  if (measuredOn.length === 0)
    return { status: 'unmeasurable', reason: 'not_on_these_networks', notMeasuredOn };
  return { status: 'partial', measuredOn, notMeasuredOn };
}

/** Rates are compared with their target as they are; everything else accumulates over the campaign. */
export const isRateMetric = (metric: KpiMetric) => metric === 'engagement_rate' || metric === 'ctr';
