import type { Core } from '@strapi/strapi';

import type { RateDenominator } from '../domain/rates';
import { bestTimeGrid, followers, topPosts } from './reports/audience';
import { campaignReport } from './reports/campaign';
import { campaignChoices } from './reports/campaigns';
import { collectionHealth } from './reports/health';
import { forgetHomepageSummary, homepageSummary } from './reports/homepage';
import { networkMeasures } from './reports/measures';
import { overview, type OverviewQuery } from './reports/overview';
import { mentionWeeks } from './reports/mentions';
import { checkTargets } from './reports/planning';
import { responseTimes } from './reports/response-times';
import type { KpiMetric } from '../domain/kpi-targets';

/**
 * The reports the admin pages and widgets read. Everything comes from the rollups and the one
 * current row per delivery the collector keeps: a report never asks a network.
 */
const reportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const defaultZone = () => strapi.plugin('engagement').config('timeZone') as string;

  return {
    overview: (query: OverviewQuery) => overview(strapi, query),
    campaign: (documentId: string, locale?: string) => campaignReport(strapi, documentId, locale),
    topPosts: (
      range: { from: string; to: string },
      options: { campaign?: string; network?: string; locale?: string }
    ) => topPosts(strapi, range, defaultZone(), { ...options, limit: 50 }),
    followers: (range: { from: string; to: string }) => followers(strapi, range),
    bestTimes: (range: { from: string; to: string }, by: RateDenominator, campaign?: string) =>
      bestTimeGrid(strapi, range, defaultZone(), by, campaign),
    health: () => collectionHealth(strapi),
    /** The inbox's response times per network and week (measured by the moderation plugin). */
    responseTimes: (range: { from: string; to: string; network?: string }) =>
      responseTimes(strapi, range, defaultZone()),
    /** Mentions of the brand per week and share of voice (counted by the moderation plugin's listening). */
    mentions: (range: { from: string; to: string; network?: string }) =>
      mentionWeeks(strapi, range, defaultZone()),
    homepage: (locale?: string) => homepageSummary(strapi, defaultZone(), locale),
    /** Drops the cached homepage answer (benchmarks, tests). */
    forgetHomepage: () => forgetHomepageSummary(),
    /** What the report pages offer to filter on, and what each network measures (to explain a missing figure). */
    filters: async (locale?: string) => ({
      timeZone: defaultZone(),
      campaigns: await campaignChoices(strapi, locale),
      networks: networkMeasures(strapi),
    }),
    checkTargets: (targets: Array<{ metric: KpiMetric; network?: string | null }>, networks?: string[]) =>
      checkTargets(strapi, targets, networks),
  };
};

export type ReportsService = ReturnType<typeof reportsService>;
export default reportsService;
