/**
 * The homepage widgets' one answer: this week against last week, the pacing of running campaigns,
 * the week's top posts and the health of collection. Cached a minute: every admin's homepage asks.
 */
import type { Core } from '@strapi/strapi';

import { addDays, localParts } from '../../domain/local-time';
import { topPosts } from './audience';
import { campaignsPacing } from './campaign-pacing';
import { runningCampaigns } from './campaigns';
import { collectionHealth } from './health';
import { changesOf, overview } from './overview';

const CACHE_MS = 60_000;
let cached: { key: string; at: number; value: Promise<unknown> } | null = null;

async function compute(strapi: Core.Strapi, timeZone: string, locale?: string) {
  const today = localParts(Date.now(), timeZone);
  const monday = addDays(today.day, 1 - today.weekday);
  // Last week up to the same weekday, so a Wednesday compares three days with three days.
  const week = { from: monday, to: today.day };
  const [thisWeek, pacing, top, health] = await Promise.all([
    // Monday..today against Monday..the same weekday of last week (not the days just before Monday).
    overview(strapi, { ...week, compare: 'week' }),
    runningCampaigns(strapi, today.day).then((campaigns) =>
      campaignsPacing(strapi, campaigns.slice(0, 6), locale)
    ),
    topPosts(strapi, { from: addDays(today.day, -6), to: today.day }, timeZone, { limit: 5, locale }),
    collectionHealth(strapi),
  ]);
  return {
    timeZone,
    week: {
      period: thisWeek.period,
      comparison: thisWeek.comparison,
      current: thisWeek.current,
      previous: thisWeek.previous,
      changes: changesOf(thisWeek.current, thisWeek.previous),
      daily: thisWeek.daily,
      sources: thisWeek.sources,
    },
    campaigns: pacing,
    topPosts: top,
    health,
  };
}

export function homepageSummary(strapi: Core.Strapi, timeZone: string, locale?: string) {
  const key = `${timeZone}:${locale ?? ''}`;
  if (!cached || cached.key !== key || Date.now() - cached.at > CACHE_MS) {
    const value = compute(strapi, timeZone, locale);
    cached = { key, at: Date.now(), value };
    // A failure is not kept: the next homepage asks again.
    value.catch(() => {
      if (cached?.value === value) cached = null;
    });
  }
  return cached.value as ReturnType<typeof compute>;
}

/** Forget the cached answer (tests, and after a manual refresh). */
export const forgetHomepageSummary = () => {
  cached = null;
};
