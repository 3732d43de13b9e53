/**
 * What a partnership brought, over a period: the human clicks on its tracked links (bot requests
 * counted apart, never added in), day by day and link by link, and the posts of the campaigns it is
 * linked to. The same report serves the admin (drafts included) and the partner's shared page
 * (published content only, no link destinations, nothing about other partners).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { addDays, daysBetween } from '../../domain/local-day';
import { instantAtLocalHour } from '../../domain/local-time';
import type { DailyCounts } from '../../repositories/daily-counts';
import { deliveryStatsRepository } from '../../repositories/delivery-stats.repository';
import { linkDailyRepository } from '../../repositories/link-daily.repository';
import { trackedLinksRepository, type TrackedLinkRow } from '../../repositories/tracked-links.repository';
import { figuresOf } from '../reports/figures';
import { partnershipsFor, postTitlesFor, type Audience, type PartnershipForReport } from './partnerships';

export type Period = { from: string; to: string };
export type ClickCounts = { humanClicks: number; uniqueVisitors: number; botClicks: number };

const NONE: DailyCounts = { humans: 0, uniques: 0, bots: 0 };
const clicksOf = (counts: DailyCounts): ClickCounts => ({
  humanClicks: counts.humans,
  uniqueVisitors: counts.uniques,
  botClicks: counts.bots,
});
const add = (a: DailyCounts, b: DailyCounts): DailyCounts => ({
  humans: a.humans + b.humans,
  uniques: a.uniques + b.uniques,
  bots: a.bots + b.bots,
});

const partnershipNotFound = (documentId: string) =>
  new errors.NotFoundError(`No partnership with documentId ${documentId}: pick one that exists.`, {
    reason: 'partnership_not_found',
  });

/** Each partnership's link clicks over the period, most human clicks first. */
export async function partnersOverview(strapi: Core.Strapi, period: Period, locale?: string) {
  const [partnerships, links] = await Promise.all([
    partnershipsFor(strapi, 'admin', { locale }),
    trackedLinksRepository(strapi).ofPartnerships(),
  ]);
  const totals = await linkDailyRepository(strapi).totalsBetween(
    links.map((link) => link.id),
    period.from,
    period.to
  );
  const perPartnership = new Map<string, { links: number; counts: DailyCounts }>();
  for (const link of links) {
    const known = perPartnership.get(link.partnershipDocumentId!) ?? { links: 0, counts: NONE };
    perPartnership.set(link.partnershipDocumentId!, {
      links: known.links + 1,
      counts: add(known.counts, totals.get(link.id) ?? NONE),
    });
  }
  return {
    period,
    partners: partnerships
      .map((partnership) => {
        const found = perPartnership.get(partnership.documentId);
        return {
          documentId: partnership.documentId,
          partnerName: partnership.partnerName,
          type: partnership.type,
          state: partnership.state,
          campaigns: partnership.campaigns.length,
          links: found?.links ?? 0,
          ...clicksOf(found?.counts ?? NONE),
        };
      })
      .sort((a, b) => b.humanClicks - a.humanClicks || a.partnerName.localeCompare(b.partnerName)),
  };
}

/** The posts of the partnership's campaigns first published in the period, with their latest figures. */
async function postsOf(
  strapi: Core.Strapi,
  partnership: PartnershipForReport,
  period: Period,
  timeZone: string,
  audience: Audience,
  locale?: string
) {
  const stats = deliveryStatsRepository(strapi);
  const postedFrom = new Date(instantAtLocalHour(period.from, 0, timeZone));
  const postedBefore = new Date(instantAtLocalHour(addDays(period.to, 1), 0, timeZone));
  const perCampaign = await Promise.all(
    partnership.campaigns.map(async (campaign) =>
      (await stats.totals({ campaign, postedFrom, postedBefore }, 'post', 200)).map((row) => ({
        ...row,
        campaign,
      }))
    )
  );
  const rows = perCampaign.flat().filter((row) => row.key);
  const titles = await postTitlesFor(
    strapi,
    audience,
    rows.map((row) => row.key!),
    locale
  );
  return (
    rows
      // A partner sees only posts that are published; a draft's title never reaches the shared page.
      .filter((row) => audience === 'admin' || titles.has(row.key!))
      .map((row) => {
        const figures = figuresOf(row.counters);
        return {
          post: row.key!,
          title: titles.get(row.key!) ?? null,
          campaign: row.campaign,
          firstPosted: row.firstPosted,
          deliveries: row.deliveries,
          interactions: figures.interactions,
          impressions: row.counters.impressions,
          reach: row.counters.reach,
          linkClicks: row.counters.linkClicks,
        };
      })
      .sort((a, b) => (b.interactions ?? -1) - (a.interactions ?? -1))
  );
}

function presentLink(link: TrackedLinkRow, counts: DailyCounts, audience: Audience) {
  return {
    id: link.id,
    code: link.code,
    shortPath: `/l/${link.code}`,
    label: link.label,
    enabled: Boolean(link.enabled),
    // Where a link leads and what it was made for stay in the admin.
    ...(audience === 'admin' && { deliverable: link.deliverable, destinationUrl: link.destinationUrl }),
    ...clicksOf(counts),
  };
}

/**
 * One partnership's report. For a partner (`audience: 'partner'`), only its published version is
 * read: a partnership without one is not found, like an unknown one.
 */
export async function partnerReport(
  strapi: Core.Strapi,
  documentId: string,
  period: Period,
  { audience, locale, timeZone }: { audience: Audience; locale?: string; timeZone: string }
) {
  const [partnership] = await partnershipsFor(strapi, audience, { documentIds: [documentId], locale });
  if (!partnership) throw partnershipNotFound(documentId);
  const links = await trackedLinksRepository(strapi).ofPartnerships([documentId]);
  const ids = links.map((link) => link.id);
  const daily = linkDailyRepository(strapi);
  const [totals, perDay, posts] = await Promise.all([
    daily.totalsBetween(ids, period.from, period.to),
    daily.perDay(ids, period.from, period.to),
    postsOf(strapi, partnership, period, timeZone, audience, locale),
  ]);
  const byDay = new Map<string, DailyCounts>();
  for (const row of perDay) byDay.set(row.day, add(byDay.get(row.day) ?? NONE, row));
  const all = [...totals.values()].reduce(add, NONE);
  // Unknown (null) when no post's network measures impressions, never 0.
  const postImpressions = posts.reduce<number | null>(
    (sum, post) => (post.impressions === null ? sum : (sum ?? 0) + post.impressions),
    null
  );

  return {
    partnership: {
      documentId: partnership.documentId,
      partnerName: partnership.partnerName,
      type: partnership.type,
      state: partnership.state,
      startsOn: partnership.startsOn,
      endsOn: partnership.endsOn,
    },
    period,
    timeZone,
    totals: {
      ...clicksOf(all),
      links: links.length,
      posts: posts.length,
      postImpressions,
    },
    daily: daysBetween(period.from, period.to).map((day) => ({ day, ...clicksOf(byDay.get(day) ?? NONE) })),
    links: links
      .map((link) => presentLink(link, totals.get(link.id) ?? NONE, audience))
      .sort((a, b) => b.humanClicks - a.humanClicks || a.id - b.id),
    posts,
  };
}

export type PartnerReport = Awaited<ReturnType<typeof partnerReport>>;
export type PartnersOverview = Awaited<ReturnType<typeof partnersOverview>>;
