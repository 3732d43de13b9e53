/**
 * The pacing of several campaigns at once (the homepage's running campaigns): each one's KPI
 * targets against its actuals, as its campaign report computes them, in a fixed number of reads
 * whatever the number of campaigns.
 */
import type { Core } from '@strapi/strapi';

import { localDay } from '../../domain/local-time';
import { accountDailiesRepository } from '../../repositories/account-dailies.repository';
import { deliveryStatsRepository, type DeliveryTotals } from '../../repositories/delivery-stats.repository';
import { campaignPeriod, contestEntriesOf, targetReports } from './campaign';
import { loadCampaigns } from './campaigns';
import { networkMeasures } from './measures';

export async function campaignsPacing(strapi: Core.Strapi, documentIds: string[], locale?: string) {
  const defaultZone = strapi.plugin('engagement').config('timeZone') as string;
  const [campaigns, totals, entries] = await Promise.all([
    loadCampaigns(strapi, documentIds, locale),
    documentIds.length
      ? deliveryStatsRepository(strapi).totals({ campaigns: documentIds }, 'campaign-network')
      : Promise.resolve([] as DeliveryTotals[]),
    contestEntriesOf(strapi, documentIds),
  ]);
  const measures = networkMeasures(strapi);
  const followers = accountDailiesRepository(strapi);
  const present = documentIds.filter((id) => campaigns.has(id));
  return Promise.all(
    present.map(async (documentId) => {
      const campaign = campaigns.get(documentId)!;
      const timeZone = campaign.timeZone || defaultZone;
      const today = localDay(Date.now(), timeZone);
      const perNetwork = totals.filter((row) => row.campaign === documentId);
      // Followers gained only where a target asks for them (a read per such campaign).
      const followersGained = campaign.kpiTargets.some((target) => target.metric === 'followers_gained')
        ? await followers.gained(campaignPeriod(campaign, perNetwork.length > 0, today, timeZone))
        : null;
      const targets = targetReports(
        campaign,
        perNetwork,
        { followersGained, contestEntries: entries.get(documentId) ?? null, trackedClicks: null },
        today,
        measures
      );
      return {
        documentId,
        name: campaign.name,
        color: campaign.color,
        startsOn: campaign.startsOn,
        endsOn: campaign.endsOn,
        targets: targets.map(({ metric, network, target, actual, pace, measurability }) => ({
          metric,
          network,
          target,
          actual,
          pace,
          measurable: measurability.status !== 'unmeasurable',
        })),
      };
    })
  );
}
