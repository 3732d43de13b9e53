/**
 * A campaign's report "by partner": for each partnership linked to the campaign, the human clicks
 * (bots apart) on its tracked links made for this campaign or for no campaign in particular.
 */
import type { Core } from '@strapi/strapi';

import { linkDailyRepository } from '../../repositories/link-daily.repository';
import { trackedLinksRepository } from '../../repositories/tracked-links.repository';
import { HOST_UIDS } from '../host-content';
import { partnershipsFor } from '../partners/partnerships';

export type CampaignPartnerRow = {
  partnership: string;
  partnerName: string;
  links: number;
  humanClicks: number;
  uniqueVisitors: number;
  botClicks: number;
};

async function partnershipsOfCampaign(strapi: Core.Strapi, campaign: string): Promise<string[]> {
  if (!strapi.contentTypes[HOST_UIDS.campaign as any]) return [];
  const rows = (await strapi.db.query(HOST_UIDS.campaign as any).findMany({
    where: { documentId: campaign, publishedAt: { $null: true } },
    select: ['id'],
    populate: { partnerships: { select: ['documentId'] } },
  })) as any[];
  return [
    ...new Set(rows.flatMap((row) => (row.partnerships ?? []).map((p: any) => p.documentId as string))),
  ];
}

export async function campaignPartners(
  strapi: Core.Strapi,
  campaign: string,
  period: { from: string; to: string },
  locale?: string
): Promise<CampaignPartnerRow[]> {
  const partnerships = await partnershipsFor(strapi, 'admin', {
    documentIds: await partnershipsOfCampaign(strapi, campaign),
    locale,
  });
  const links = (
    await trackedLinksRepository(strapi).ofPartnerships(partnerships.map((p) => p.documentId))
  ).filter((link) => !link.campaignDocumentId || link.campaignDocumentId === campaign);
  const totals = await linkDailyRepository(strapi).totalsBetween(
    links.map((link) => link.id),
    period.from,
    period.to
  );
  return partnerships
    .map((partnership) => {
      const own = links.filter((link) => link.partnershipDocumentId === partnership.documentId);
      const sum = (pick: 'humans' | 'uniques' | 'bots') =>
        own.reduce((total, link) => total + (totals.get(link.id)?.[pick] ?? 0), 0);
      return {
        partnership: partnership.documentId,
        partnerName: partnership.partnerName,
        links: own.length,
        humanClicks: sum('humans'),
        uniqueVisitors: sum('uniques'),
        botClicks: sum('bots'),
      };
    })
    .sort((a, b) => b.humanClicks - a.humanClicks || a.partnerName.localeCompare(b.partnerName));
}
