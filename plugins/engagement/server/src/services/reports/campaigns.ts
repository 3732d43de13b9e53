/** The host app's campaigns, as reports need them: name, dates, time zone and KPI targets. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { KpiMetric } from '../../domain/kpi-targets';
import { onePerDocument } from '../../domain/one-per-document';

const CAMPAIGN_UID = 'api::campaign.campaign';

export type CampaignTarget = {
  metric: KpiMetric;
  target: number;
  network: string | null;
  note: string | null;
};

export type CampaignForReport = {
  documentId: string;
  name: string;
  state: string | null;
  startsOn: string | null;
  endsOn: string | null;
  timeZone: string | null;
  color: string | null;
  kpiTargets: CampaignTarget[];
};

const forReport = (documentId: string, campaign: any): CampaignForReport => ({
  documentId,
  name: campaign.name,
  state: campaign.state ?? null,
  startsOn: campaign.startsOn ?? null,
  endsOn: campaign.endsOn ?? null,
  timeZone: campaign.timeZone ?? null,
  color: campaign.color ?? null,
  kpiTargets: (campaign.kpiTargets ?? []).map((target: any) => ({
    metric: target.metric,
    target: Number(target.target),
    network: target.network ?? null,
    note: target.note ?? null,
  })),
});

/**
 * Reads a campaign in the admin's locale (falling back to the default), drafts included: reports
 * follow the campaign as it is being edited.
 */
export async function loadCampaign(
  strapi: Core.Strapi,
  documentId: string,
  locale?: string
): Promise<CampaignForReport> {
  const documents = strapi.documents(CAMPAIGN_UID as any);
  const read = (loc?: string) =>
    documents.findOne({
      documentId,
      status: 'draft',
      populate: ['kpiTargets'],
      ...(loc && { locale: loc }),
    } as any);
  const campaign: any = (locale && (await read(locale))) || (await read());
  if (!campaign)
    throw new errors.NotFoundError(`No campaign ${documentId}`, { reason: 'campaign_not_found' });
  return forReport(documentId, campaign);
}

/**
 * Several campaigns as loadCampaign reads each (the admin's locale, else the default; drafts), in
 * two queries whatever their number; the ones that do not exist are left out.
 */
export async function loadCampaigns(
  strapi: Core.Strapi,
  documentIds: string[],
  locale?: string
): Promise<Map<string, CampaignForReport>> {
  const found = new Map<string, CampaignForReport>();
  if (documentIds.length === 0) return found;
  const documents = strapi.documents(CAMPAIGN_UID as any);
  const read = async (ids: string[], loc?: string) => {
    const rows = (await documents.findMany({
      filters: { documentId: { $in: ids } },
      status: 'draft',
      populate: ['kpiTargets'],
      ...(loc && { locale: loc }),
    } as any)) as any[];
    for (const row of rows)
      if (!found.has(row.documentId)) found.set(row.documentId, forReport(row.documentId, row));
  };
  if (locale) await read(documentIds, locale);
  const missing = documentIds.filter((id) => !found.has(id));
  if (missing.length > 0) await read(missing);
  return found;
}

/** Campaigns running on a day (started, not ended, not paused or completed), drafts included. */
export async function runningCampaigns(strapi: Core.Strapi, day: string): Promise<string[]> {
  const rows = await strapi.documents(CAMPAIGN_UID as any).findMany({
    status: 'draft',
    fields: ['startsOn', 'endsOn', 'state'],
    filters: { startsOn: { $lte: day }, endsOn: { $gte: day }, state: { $notIn: ['paused', 'completed'] } },
    limit: 50,
  } as any);
  return [...new Set((rows as any[]).map((row) => row.documentId as string))];
}

export type CampaignChoice = Pick<
  CampaignForReport,
  'documentId' | 'name' | 'state' | 'startsOn' | 'endsOn' | 'color'
>;

/**
 * Every campaign a report can be filtered on, newest first, named in the admin's locale where it
 * has one (drafts included, like the reports).
 */
export async function campaignChoices(strapi: Core.Strapi, locale?: string): Promise<CampaignChoice[]> {
  const rows = (await strapi.db.query(CAMPAIGN_UID as any).findMany({
    where: { publishedAt: null },
    select: ['documentId', 'name', 'locale', 'state', 'startsOn', 'endsOn', 'color'],
    orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
    limit: 1000,
  })) as any[];
  return onePerDocument(rows, locale).map((row) => ({
    documentId: row.documentId,
    name: row.name,
    state: row.state ?? null,
    startsOn: row.startsOn ?? null,
    endsOn: row.endsOn ?? null,
    color: row.color ?? null,
  }));
}

/** Titles of posts by document id, in the admin's locale where it exists. */
export async function postTitles(
  strapi: Core.Strapi,
  documentIds: string[],
  locale?: string
): Promise<Record<string, string>> {
  if (documentIds.length === 0) return {};
  const titles: Record<string, string> = {};
  const rows = await strapi.db.query('api::post.post' as any).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['documentId', 'title', 'locale', 'publishedAt'],
  });
  for (const row of rows as any[]) {
    const better = !titles[row.documentId] || row.locale === locale;
    if (better && row.title) titles[row.documentId] = row.title;
  }
  return titles;
}
