/**
 * The homepage's "partner traffic": human clicks on each partner's links this week so far, against
 * the same weekdays of last week; the five partners who brought most this week.
 */
import type { Core } from '@strapi/strapi';

import { addDays, localParts } from '../../domain/local-time';
import { linkDailyRepository } from '../../repositories/link-daily.repository';
import { trackedLinksRepository } from '../../repositories/tracked-links.repository';
import { change } from '../reports/figures';
import { partnershipsFor } from './partnerships';

const TOP = 5;

export async function partnerWeek(strapi: Core.Strapi, timeZone: string, locale?: string, now = Date.now()) {
  const today = localParts(now, timeZone);
  const monday = addDays(today.day, 1 - today.weekday);
  const period = { from: monday, to: today.day };
  const comparison = { from: addDays(monday, -7), to: addDays(today.day, -7) };
  const links = await trackedLinksRepository(strapi).ofPartnerships();
  const daily = linkDailyRepository(strapi);
  const ids = links.map((link) => link.id);
  const [current, previous] = await Promise.all([
    daily.totalsBetween(ids, period.from, period.to),
    daily.totalsBetween(ids, comparison.from, comparison.to),
  ]);
  const sums = new Map<string, { current: number; previous: number; bots: number }>();
  for (const link of links) {
    const known = sums.get(link.partnershipDocumentId!) ?? { current: 0, previous: 0, bots: 0 };
    sums.set(link.partnershipDocumentId!, {
      current: known.current + (current.get(link.id)?.humans ?? 0),
      previous: known.previous + (previous.get(link.id)?.humans ?? 0),
      bots: known.bots + (current.get(link.id)?.bots ?? 0),
    });
  }
  const ranked = [...sums]
    .filter(([, sum]) => sum.current > 0 || sum.previous > 0)
    .sort(([, a], [, b]) => b.current - a.current || b.previous - a.previous)
    .slice(0, TOP);
  const names = new Map(
    (await partnershipsFor(strapi, 'admin', { documentIds: ranked.map(([id]) => id), locale })).map((p) => [
      p.documentId,
      p.partnerName,
    ])
  );
  const total = (pick: 'current' | 'previous') =>
    [...sums.values()].reduce((sum, partner) => sum + partner[pick], 0);
  return {
    period,
    comparison,
    partnersWithLinks: sums.size,
    totals: {
      humanClicks: total('current'),
      previousHumanClicks: total('previous'),
      change: change(total('current'), total('previous')),
    },
    partners: ranked.map(([documentId, sum]) => ({
      documentId,
      partnerName: names.get(documentId) ?? null,
      humanClicks: sum.current,
      previousHumanClicks: sum.previous,
      botClicks: sum.bots,
      change: change(sum.current, sum.previous),
    })),
  };
}

export type PartnerWeek = Awaited<ReturnType<typeof partnerWeek>>;
