/**
 * A campaign's report: each KPI target against what was measured, with its pace and whether the
 * campaign's networks can measure it at all; the figures by network and by post, day by day; and
 * paid spend beside the organic figures.
 */
import type { Core } from '@strapi/strapi';

import { METRIC_COUNTERS, type MetricCounters } from '../../domain/counters';
import { isRateMetric, measurability, type KpiMetric, type Measurability } from '../../domain/kpi-targets';
import { localDay } from '../../domain/local-time';
import { pace, type Pace } from '../../domain/pacing';
import { clickThroughRate, engagementRate } from '../../domain/rates';
import { accountDailiesRepository } from '../../repositories/account-dailies.repository';
import { deliveryStatsRepository, type DeliveryTotals } from '../../repositories/delivery-stats.repository';
import { campaignDailiesRepository } from '../../repositories/campaign-dailies.repository';
import { getService } from '../../utils/get-service';
import { campaignPartners } from './campaign-partners';
import { loadCampaign, postTitles, type CampaignForReport, type CampaignTarget } from './campaigns';
import { addCounters, figuresOf, type Figures } from './figures';
import { networkMeasures } from './measures';
import { daysOf } from './overview';

export type TargetReport = CampaignTarget & {
  actual: number | null;
  measurability: Measurability;
  pace: Pace | null;
};

/** The actual of one KPI from the campaign's per-network totals (only the target's network when it names one). */
export function kpiActual(
  metric: KpiMetric,
  perNetwork: DeliveryTotals[],
  extra: { followersGained: number | null; contestEntries: number | null; trackedClicks: number | null },
  network: string | null
): number | null {
  const rows = perNetwork.filter((row) => !network || row.key === network);
  const total = addCounters(
    rows.map((row) => row.counters),
    [...METRIC_COUNTERS]
  );
  // A rate only over the networks that measure its denominator, so unmeasured ones do not dilute it.
  const measuredWith = (names: (keyof MetricCounters)[]) =>
    addCounters(
      rows.filter((row) => names.every((name) => row.counters[name] !== null)).map((row) => row.counters),
      [...METRIC_COUNTERS]
    );
  switch (metric) {
    case 'impressions':
    case 'reach':
    case 'comments':
    case 'shares':
      return total[metric];
    case 'engagements':
      return figuresOf(total).interactions;
    case 'engagement_rate':
      return engagementRate(measuredWith(['impressions']), 'impressions')?.value ?? null;
    case 'ctr':
      return clickThroughRate(measuredWith(['impressions', 'linkClicks']))?.value ?? null;
    case 'clicks':
      return extra.trackedClicks;
    case 'followers_gained':
      return network ? null : extra.followersGained;
    case 'contest_entries':
      return extra.contestEntries;
    default:
      return null;
  }
}

/** Valid and in-review contest entries of each campaign's contests (null: no contest, or no contests plugin). */
export async function contestEntriesOf(
  strapi: Core.Strapi,
  campaigns: string[]
): Promise<Map<string, number | null>> {
  const entries = new Map<string, number | null>(campaigns.map((id) => [id, null]));
  const contests = strapi.plugin('contests');
  if (!contests || campaigns.length === 0) return entries;
  const events = (await strapi.documents('api::event.event' as any).findMany({
    status: 'draft',
    fields: ['kind'],
    filters: { campaign: { documentId: { $in: campaigns } }, kind: 'contest' },
    populate: { campaign: { fields: ['documentId'] } },
  } as any)) as Array<{ documentId: string; campaign?: { documentId: string } | null }>;
  if (events.length === 0) return entries;
  const campaignOf = new Map(events.map((event) => [event.documentId, event.campaign?.documentId ?? null]));
  for (const event of events) if (event.campaign) entries.set(event.campaign.documentId, 0);
  const summaries = (await contests.service('overview').list()) as Array<{
    eventDocumentId: string;
    counts: Record<string, number>;
  }>;
  for (const summary of summaries) {
    const campaign = campaignOf.get(summary.eventDocumentId);
    if (!campaign) continue;
    entries.set(
      campaign,
      (entries.get(campaign) ?? 0) + (summary.counts.valid ?? 0) + (summary.counts.review ?? 0)
    );
  }
  return entries;
}

/** The days a campaign's report covers: its start (or the last 30 days) to its end or today. */
export function campaignPeriod(
  campaign: CampaignForReport,
  hasDeliveries: boolean,
  today: string,
  timeZone: string
) {
  const firstDay =
    campaign.startsOn ?? (hasDeliveries ? localDay(Date.now() - 30 * 86_400_000, timeZone) : today);
  const lastDay = campaign.endsOn && campaign.endsOn < today ? campaign.endsOn : today;
  return { from: firstDay <= lastDay ? firstDay : lastDay, to: lastDay };
}

/** Each KPI target of a campaign against its actual, with its pace and whether the networks can measure it. */
export function targetReports(
  campaign: CampaignForReport,
  perNetwork: DeliveryTotals[],
  extra: { followersGained: number | null; contestEntries: number | null; trackedClicks: number | null },
  today: string,
  measures: ReturnType<typeof networkMeasures>
): TargetReport[] {
  const networks = perNetwork.map((row) => row.key!).filter(Boolean);
  return campaign.kpiTargets.map((target) => {
    const actual = kpiActual(target.metric, perNetwork, extra, target.network);
    const canPace = campaign.startsOn && campaign.endsOn && campaign.startsOn <= campaign.endsOn;
    return {
      ...target,
      actual,
      measurability: measurability(target.metric, networks, measures, target.network),
      pace: canPace
        ? pace({
            target: target.target,
            actual,
            startsOn: campaign.startsOn!,
            endsOn: campaign.endsOn!,
            today,
            kind: isRateMetric(target.metric) ? 'rate' : 'cumulative',
          })
        : null,
    };
  });
}

export async function campaignReport(strapi: Core.Strapi, documentId: string, locale?: string) {
  const campaign = await loadCampaign(strapi, documentId, locale);
  const timeZone = campaign.timeZone || (strapi.plugin('engagement').config('timeZone') as string);
  const today = localDay(Date.now(), timeZone);
  const stats = deliveryStatsRepository(strapi);
  const [perNetwork, perPost, spend, entries] = await Promise.all([
    stats.totals({ campaign: documentId }, 'network'),
    stats.totals({ campaign: documentId }, 'post', 100),
    getService(strapi, 'spend').ofCampaign(documentId),
    contestEntriesOf(strapi, [documentId]),
  ]);
  const period = campaignPeriod(campaign, perNetwork.length > 0, today, timeZone);
  const [perDay, followersGained, byPartner] = await Promise.all([
    campaignDailiesRepository(strapi).sums(period, { campaign: documentId }, 'day'),
    accountDailiesRepository(strapi).gained(period),
    campaignPartners(strapi, documentId, period, locale),
  ]);
  const extra = {
    followersGained,
    contestEntries: entries.get(documentId) ?? null,
    trackedClicks: null as number | null,
  };
  const targets = targetReports(campaign, perNetwork, extra, today, networkMeasures(strapi));

  const titles = await postTitles(strapi, perPost.map((row) => row.key!).filter(Boolean), locale);
  const totals = addCounters(
    perNetwork.map((row) => row.counters),
    [...METRIC_COUNTERS]
  );
  const byDay = new Map(perDay.map((row) => [row.key, row.counters]));
  const none = Object.fromEntries(METRIC_COUNTERS.map((name) => [name, null])) as MetricCounters;
  const freshness = (rows: DeliveryTotals[]) => ({
    oldestCollection:
      rows
        .map((row) => row.oldestCollection)
        .filter(Boolean)
        .sort()[0] ?? null,
    newestCollection:
      rows
        .map((row) => row.newestCollection)
        .filter(Boolean)
        .sort()
        .reverse()[0] ?? null,
  });

  return {
    campaign: { ...campaign, timeZone },
    period,
    totals: {
      ...figuresOf(totals),
      deliveries: perNetwork.reduce((sum, row) => sum + row.deliveries, 0),
      ...freshness(perNetwork),
    },
    targets,
    /** KPIs that cannot be measured on the campaign's networks, for the planning warning. */
    warnings: targets
      .filter((target) => target.measurability.status !== 'measurable')
      .map(({ metric, network, measurability: m }) => ({ metric, network, ...m })),
    byNetwork: perNetwork.map((row) => ({
      network: row.key,
      deliveries: row.deliveries,
      ...figuresOf(row.counters),
      engagementByFollowers: engagementRate(row.counters, 'followers', row.followersAtPublish),
      lastCollectedAt: row.newestCollection,
    })),
    byPost: perPost.map((row) => ({
      post: row.key,
      title: titles[row.key!] ?? null,
      deliveries: row.deliveries,
      firstPosted: row.firstPosted,
      ...figuresOf(row.counters),
    })),
    daily: daysOf(period).map((day) => ({ day, ...figuresOf(byDay.get(day) ?? none) })) as Array<
      { day: string } & Figures
    >,
    /** Human clicks (bots apart) on the links of each partnership of the campaign, over its period. */
    byPartner,
    paid: spend,
  };
}
