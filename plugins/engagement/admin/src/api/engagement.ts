import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { PLUGIN_ID } from '../pluginId';
import { METRIC_COUNTERS, type MetricCounter } from './counters';

export { METRIC_COUNTERS, type MetricCounter };
export type Counters = Record<MetricCounter, number | null>;

export type RateDenominator = 'impressions' | 'reach' | 'followers';
/** A rate always says what it divides by. */
export type Rate = { value: number; numerator: 'interactions' | 'linkClicks'; denominator: RateDenominator };

export type Figures = {
  counters: Counters;
  interactions: number | null;
  engagementRate: Rate | null;
  clickThroughRate: Rate | null;
};

export type Change = { absolute: number | null; percent: number | null };
export type Period = { from: string; to: string };
export type Compare = 'previous' | 'year';

/** Where figures come from, and when each network's numbers were last read. */
export type Source = { network: string; deliveries: number; lastCollectedAt: string | null };

export type PeriodFigures = Figures & { followersGained: number | null };

export type Overview = {
  period: Period;
  comparison: Period & { kind: Compare };
  current: PeriodFigures;
  previous: PeriodFigures;
  changes: Record<MetricCounter | 'interactions' | 'followersGained', Change>;
  daily: Array<{ day: string } & Figures>;
  byNetwork: Array<{ network: string } & Figures>;
  sources: Source[];
};

export type PaceStatus = 'not_started' | 'no_data' | 'on_track' | 'behind' | 'met' | 'missed';
export type Pace = {
  status: PaceStatus;
  expectedToDate: number | null;
  projected: number | null;
  elapsed: number;
};

export type KpiMetric =
  | 'impressions'
  | 'reach'
  | 'engagements'
  | 'engagement_rate'
  | 'clicks'
  | 'ctr'
  | 'followers_gained'
  | 'comments'
  | 'shares'
  | 'registrations'
  | 'contest_entries'
  | 'conversions';

export type Measurability =
  | { status: 'measurable' }
  | { status: 'partial'; measuredOn: string[]; notMeasuredOn: string[] }
  | {
      status: 'unmeasurable';
      reason: 'not_on_these_networks' | 'external' | 'no_networks';
      notMeasuredOn: string[];
    };

export type TargetReport = {
  metric: KpiMetric;
  target: number;
  network: string | null;
  note: string | null;
  actual: number | null;
  measurability: Measurability;
  pace: Pace | null;
};

export type Spend = {
  id: number;
  campaign: string;
  post: string | null;
  network: string | null;
  spentOn: string;
  amountMinor: number;
  currency: string;
  paidImpressions: number | null;
  paidClicks: number | null;
  paidInteractions: number | null;
  note: string | null;
};

/** Totals of one currency's spends (amounts in minor units: cents). */
export type PaidFigures = {
  currency: string;
  amountMinor: number;
  cpm: number | null;
  cpc: number | null;
  costPerInteraction: number | null;
};

export type PostRow = Figures & {
  post: string | null;
  title: string | null;
  deliveries: number;
  firstPosted: string | null;
};

export type CampaignReport = {
  campaign: {
    documentId: string;
    name: string;
    state: string | null;
    startsOn: string | null;
    endsOn: string | null;
    timeZone: string;
    color: string | null;
  };
  period: Period;
  totals: Figures & {
    deliveries: number;
    oldestCollection: string | null;
    newestCollection: string | null;
  };
  targets: TargetReport[];
  warnings: Array<{ metric: KpiMetric; network: string | null } & Measurability>;
  byNetwork: Array<
    Figures & {
      network: string | null;
      deliveries: number;
      engagementByFollowers: Rate | null;
      lastCollectedAt: string | null;
    }
  >;
  byPost: PostRow[];
  daily: Array<{ day: string } & Figures>;
  /** Human clicks (bots apart) on the links of each partnership of the campaign, over its period. */
  byPartner: Array<{
    partnership: string;
    partnerName: string;
    links: number;
    humanClicks: number;
    uniqueVisitors: number;
    botClicks: number;
  }>;
  paid: { spends: Spend[]; figures: PaidFigures[] };
};

export type TopPost = PostRow & { lastCollectedAt: string | null };

export type AccountFollowers = {
  accountId: number;
  network: string;
  followers: number | null;
  gained: number | null;
  days: Array<{ day: string; followers: number | null; change: number | null }>;
};

export type BestTimeSlot = { weekday: number; hour: number; posts: number; medianRate: number | null };
export type BestTimes = { timeZone: string; denominator: RateDenominator; slots: BestTimeSlot[] };

export type AccountHealth = {
  accountId: number;
  network: string;
  label: string;
  reconnect: boolean;
  pausedUntil: string | null;
  reason: string | null;
  waiting: boolean;
};

export type CollectionState = 'active' | 'frozen' | 'gone' | 'unavailable';
export type Health = {
  accounts: AccountHealth[];
  reconnect: number;
  rateLimited: number;
  deliveries: Record<CollectionState | 'overdue', number>;
  stale: number;
};

export type CampaignPacing = {
  documentId: string;
  name: string;
  color: string | null;
  startsOn: string | null;
  endsOn: string | null;
  targets: Array<{
    metric: KpiMetric;
    network: string | null;
    target: number;
    actual: number | null;
    pace: Pace | null;
    measurable: boolean;
  }>;
};

export type HomepageSummary = {
  timeZone: string;
  week: {
    period: Period;
    comparison: Period & { kind: Compare };
    current: PeriodFigures;
    previous: PeriodFigures;
    changes: Overview['changes'];
    daily: Array<{ day: string } & Figures>;
    sources: Source[];
  };
  campaigns: CampaignPacing[];
  topPosts: TopPost[];
  health: Health;
};

export type NetworkMeasures = { polled: boolean; measures: MetricCounter[]; followers: boolean };
export type CampaignChoice = {
  documentId: string;
  name: string;
  state: string | null;
  startsOn: string | null;
  endsOn: string | null;
  color: string | null;
};
export type ReportFilters = {
  timeZone: string;
  campaigns: CampaignChoice[];
  networks: Record<string, NetworkMeasures>;
};

export type Snapshot = { capturedAt: string; counters: Counters };
export type DeliveryMetrics = Figures & {
  deliveryId: number;
  accountId: number;
  network: string;
  url: string | null;
  campaignDocumentId: string | null;
  postedAt: string | null;
  followersAtPublish: number | null;
  engagementByFollowers: Rate | null;
  state: CollectionState;
  stateReason: string | null;
  lastCollectedAt: string | null;
  nextCollectAt: string | null;
  snapshots: Snapshot[];
};
export type RefreshOutcome = {
  collected: number;
  busy: number;
  refusals: Array<{ accountId: number; network: string; reason: string; message: string; retryAt: string }>;
};
export type PostMetrics = {
  postDocumentId: string;
  title: string | null;
  deliveries: DeliveryMetrics[];
  refresh?: RefreshOutcome;
};

/** What a report is asked for, as its page keeps it in the URL. */
export type ReportQuery = Period & { compare: Compare; campaign?: string; network?: string };

export type CsvTable = 'daily' | 'networks' | 'posts';
export type CampaignCsvTable = CsvTable | 'partners';

export type SpendInput = {
  campaign: string;
  post?: string | null;
  network?: string | null;
  spentOn: string;
  amount: number;
  currency: string;
  paidImpressions?: number | null;
  paidClicks?: number | null;
  paidInteractions?: number | null;
  note?: string | null;
};

const queryString = (values: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params.toString();
};

const periodParams = (query: ReportQuery) => ({
  from: query.from,
  to: query.to,
  compare: query.compare,
  campaign: query.campaign,
  network: query.network,
});

/** A file the server sent, with the name it gave it. */
export type Download = { name: string; blob: Blob };

const fileName = (headers: Headers | undefined, fallback: string) =>
  /filename="([^"]+)"/.exec(headers?.get('Content-Disposition') ?? '')?.[1] ?? fallback;

/** Every call the engagement pages and widgets make, in one place. */
export function useEngagementApi() {
  const { get, post, put, del } = useFetchClient();

  return useMemo(() => {
    const base = `/${PLUGIN_ID}`;
    const data = async <T>(url: string) => (await get<{ data: T }>(url)).data.data;
    const download = async (url: string, fallback: string): Promise<Download> => {
      const response = await get<Blob>(url, { responseType: 'blob' });
      return { name: fileName(response.headers, fallback), blob: response.data };
    };

    return {
      homepage: () => data<HomepageSummary>(`${base}/homepage/summary`),
      filters: () => data<ReportFilters>(`${base}/reports/filters`),
      overview: (query: ReportQuery) =>
        data<Overview>(`${base}/reports/overview?${queryString(periodParams(query))}`),
      topPosts: (query: ReportQuery) =>
        data<TopPost[]>(`${base}/reports/top-posts?${queryString(periodParams(query))}`),
      followers: (period: Period) =>
        data<AccountFollowers[]>(`${base}/reports/followers?${queryString(period)}`),
      bestTimes: (query: ReportQuery, by: RateDenominator) =>
        data<BestTimes>(`${base}/reports/best-times?${queryString({ ...periodParams(query), by })}`),
      health: () => data<Health>(`${base}/reports/health`),
      campaign: (documentId: string) => data<CampaignReport>(`${base}/reports/campaigns/${documentId}`),
      post: (documentId: string) => data<PostMetrics>(`${base}/posts/${documentId}/metrics`),
      refreshPost: async (documentId: string) =>
        (await post<{ data: PostMetrics }>(`${base}/posts/${documentId}/metrics/refresh`, {})).data.data,

      /** CSV in the admin's language (French: `;` and decimal commas, for Excel). */
      overviewCsv: (query: ReportQuery, table: CsvTable, locale: string) =>
        download(
          `${base}/reports/overview.csv?${queryString({ ...periodParams(query), table, locale })}`,
          `engagement-${table}.csv`
        ),
      campaignCsv: (documentId: string, table: CampaignCsvTable, locale: string) =>
        download(
          `${base}/reports/campaigns/${documentId}/export.csv?${queryString({ table, locale })}`,
          `campaign-${table}.csv`
        ),

      recordSpend: async (spend: SpendInput) =>
        (await post<{ data: Spend }>(`${base}/spend`, spend)).data.data,
      updateSpend: async (id: number, spend: SpendInput) =>
        (await put<{ data: Spend }>(`${base}/spend/${id}`, spend)).data.data,
      removeSpend: (id: number) => del(`${base}/spend/${id}`),
    };
  }, [get, post, put, del]);
}

export type EngagementApi = ReturnType<typeof useEngagementApi>;

/** Seconds to wait before asking again, when the server answered 429 (a refresh asked too soon). */
export function retryAfterOf(error: unknown): number | null {
  const answer = (error as { status?: number; response?: { data?: any } } | null) ?? null;
  const details = answer?.response?.data?.error?.details;
  if (answer?.status !== 429 && answer?.response?.data?.error?.status !== 429) return null;
  const seconds = Number(details?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}
