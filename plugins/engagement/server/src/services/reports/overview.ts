/**
 * The overview: a period's figures against the previous period or the same days a year earlier,
 * day by day and per network, read from the campaign rollup only (the daily rollup added up per day,
 * network and campaign; never the snapshots).
 */
import type { Core } from '@strapi/strapi';

import { METRIC_COUNTERS, type MetricCounters } from '../../domain/counters';
import { addDays } from '../../domain/local-time';
import {
  previousPeriod,
  sameDaysLastWeek,
  sameDaysLastYear,
  type ReportPeriod,
} from '../../domain/report-schedule';
import { accountDailiesRepository } from '../../repositories/account-dailies.repository';
import { deliveryStatsRepository } from '../../repositories/delivery-stats.repository';
import { campaignDailiesRepository } from '../../repositories/campaign-dailies.repository';
import { addCounters, change, figuresOf, type Change, type Figures } from './figures';

export type Compare = 'previous' | 'week' | 'year';

export type OverviewQuery = {
  from: string;
  to: string;
  /** The period just before, the same weekdays of last week, or the same days a year earlier. */
  compare: Compare;
  campaign?: string;
  network?: string;
};

export type PeriodFigures = Figures & { followersGained: number | null };

export type Overview = {
  period: ReportPeriod;
  comparison: ReportPeriod & { kind: Compare };
  current: PeriodFigures;
  previous: PeriodFigures;
  changes: Record<'interactions' | 'followersGained' | (typeof METRIC_COUNTERS)[number], Change>;
  daily: Array<{ day: string } & Figures>;
  byNetwork: Array<{ network: string } & Figures>;
  /** Where the figures come from and when each network's numbers were last read. */
  sources: Array<{ network: string; deliveries: number; lastCollectedAt: string | null }>;
};

/** The change of every figure from one period to another. */
export const changesOf = (now: PeriodFigures, before: PeriodFigures): Overview['changes'] => ({
  interactions: change(now.interactions, before.interactions),
  followersGained: change(now.followersGained, before.followersGained),
  ...(Object.fromEntries(
    METRIC_COUNTERS.map((name) => [name, change(now.counters[name], before.counters[name])])
  ) as Record<(typeof METRIC_COUNTERS)[number], Change>),
});

/** Every day of a period, so a chart shows the days with no change as gaps, not as missing x values. */
export function daysOf(period: ReportPeriod): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(day);
  return days;
}

export async function overview(strapi: Core.Strapi, query: OverviewQuery): Promise<Overview> {
  const dailies = campaignDailiesRepository(strapi);
  const accounts = accountDailiesRepository(strapi);
  const period = { from: query.from, to: query.to };
  const comparison =
    query.compare === 'year'
      ? sameDaysLastYear(period)
      : query.compare === 'week'
        ? sameDaysLastWeek(period)
        : previousPeriod(period);
  const filter = { campaign: query.campaign, network: query.network };
  // Followers belong to accounts, not campaigns: shown only for the whole account set.
  const followers = (range: ReportPeriod) =>
    query.campaign || query.network ? Promise.resolve(null) : accounts.gained(range);

  // One scan of the period by day and network, folded here; one total for the comparison.
  const [cells, [previous], gainedNow, gainedBefore, collected] = await Promise.all([
    dailies.sumsByDayAndNetwork(period, filter),
    dailies.sums(comparison, filter),
    followers(period),
    followers(comparison),
    deliveryStatsRepository(strapi).sources(filter),
  ]);
  const fold = (key: (cell: (typeof cells)[number]) => string) => {
    const groups = new Map<string, MetricCounters[]>();
    for (const cell of cells) groups.set(key(cell), [...(groups.get(key(cell)) ?? []), cell.counters]);
    return new Map([...groups].map(([name, rows]) => [name, addCounters(rows, [...METRIC_COUNTERS])]));
  };
  const byDay = fold((cell) => cell.day);
  const perNetwork = [...fold((cell) => cell.network)].sort(([a], [b]) => (a < b ? -1 : 1));
  const current = addCounters(
    cells.map((cell) => cell.counters),
    [...METRIC_COUNTERS]
  );
  const now = { ...figuresOf(current), followersGained: gainedNow };
  const before = { ...figuresOf(previous.counters), followersGained: gainedBefore };
  const empty = Object.fromEntries(METRIC_COUNTERS.map((name) => [name, null])) as Figures['counters'];

  return {
    period,
    comparison: { ...comparison, kind: query.compare },
    current: now,
    previous: before,
    changes: changesOf(now, before),
    daily: daysOf(period).map((day) => ({ day, ...figuresOf(byDay.get(day) ?? empty) })),
    byNetwork: perNetwork.map(([network, counters]) => ({ network, ...figuresOf(counters) })),
    sources: collected,
  };
}
