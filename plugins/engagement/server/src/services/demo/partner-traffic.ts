/**
 * The demo's partner traffic: a few weeks of plausible clicks on a partnership's tracked link (one
 * made if it has none), so the partners page and its widget show life. Written as the nightly
 * reconciliation writes daily counts; a partnership that already has clicks is left as it is.
 */
import type { Core } from '@strapi/strapi';

import { addDays, localDay } from '../../domain/local-day';
import { linkDailyRepository } from '../../repositories/link-daily.repository';
import { trackedLinksRepository } from '../../repositories/tracked-links.repository';
import { getService } from '../../utils/get-service';

const DAYS = 35;

/** Deterministic, so two demo boots tell the same story: weekdays busier, a bump after each post. */
function clicksOn(dayIndex: number, weekday: number, scale: number) {
  const wave = 1 + 0.6 * Math.sin(dayIndex / 3.1) + (dayIndex % 7 === 2 ? 1.2 : 0);
  const humans = Math.max(0, Math.round(scale * wave * (weekday >= 6 ? 0.6 : 1)));
  return {
    humans,
    uniques: Math.max(0, Math.round(humans * 0.82)),
    // Link previews come in bursts (a post shared on Mastodon), a few crawlers every day.
    bots: Math.round(humans * 0.2) + (dayIndex % 5 === 0 ? 6 : 1),
  };
}

export async function writeDemoPartnerTraffic(
  strapi: Core.Strapi,
  partnershipDocumentId: string,
  scale: number,
  now: Date
): Promise<{ linkId: number; days: number } | null> {
  const links = trackedLinksRepository(strapi);
  const daily = linkDailyRepository(strapi);
  let [link] = await links.ofPartnerships([partnershipDocumentId]);
  if (link) {
    const totals = await daily.totals([String(link.id)]);
    const counts = totals.get(String(link.id));
    if (counts && counts.humans + counts.bots > 0) return null;
  } else {
    const [created] = await getService(strapi, 'links').create(
      { target: { type: 'partnership', documentId: partnershipDocumentId } },
      null
    );
    link = (await links.findById(created.id))!;
  }
  const today = localDay(now, link.timeZone);
  for (let index = 0; index < DAYS; index += 1) {
    const day = addDays(today, index - DAYS + 1);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay() || 7;
    await daily.set(String(link.id), day, clicksOn(index, weekday, scale));
  }
  return { linkId: link.id, days: DAYS };
}
