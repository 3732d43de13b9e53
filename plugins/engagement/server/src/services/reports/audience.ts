/** Top posts, followers and the best time to post: what a community manager reads before planning. */
import type { Core } from '@strapi/strapi';

import { bestTimes } from '../../domain/best-times';
import { addDays, instantAtLocalHour } from '../../domain/local-time';
import { engagementRate, type RateDenominator } from '../../domain/rates';
import { accountDailiesRepository } from '../../repositories/account-dailies.repository';
import { deliveryStatsRepository } from '../../repositories/delivery-stats.repository';
import { postTitles } from './campaigns';
import { figuresOf } from './figures';

type Range = { from: string; to: string };

/** A period of days as instants in the zone: [from 00:00, the day after `to` 00:00). */
export const instantsOf = (range: Range, timeZone: string) => ({
  from: new Date(instantAtLocalHour(range.from, 0, timeZone)),
  before: new Date(instantAtLocalHour(addDays(range.to, 1), 0, timeZone)),
});

/** The posts published in the period that drew the most interactions (all their deliveries together). */
export async function topPosts(
  strapi: Core.Strapi,
  range: Range,
  timeZone: string,
  options: { campaign?: string; network?: string; limit?: number; locale?: string } = {}
) {
  const { from, before } = instantsOf(range, timeZone);
  const rows = await deliveryStatsRepository(strapi).totals(
    { postedFrom: from, postedBefore: before, campaign: options.campaign, network: options.network },
    'post',
    options.limit ?? 10
  );
  const titles = await postTitles(
    strapi,
    rows.map((row) => row.key!),
    options.locale
  );
  return rows.map((row) => ({
    post: row.key,
    title: titles[row.key!] ?? null,
    deliveries: row.deliveries,
    firstPosted: row.firstPosted,
    lastCollectedAt: row.newestCollection,
    ...figuresOf(row.counters),
  }));
}

/** Followers per account and day, with the total gained per account. */
export async function followers(strapi: Core.Strapi, range: Range) {
  const rows = await accountDailiesRepository(strapi).between(range);
  const byAccount = new Map<number, { accountId: number; network: string; days: typeof rows }>();
  for (const row of rows) {
    const entry = byAccount.get(row.accountId) ?? {
      accountId: row.accountId,
      network: row.network,
      days: [],
    };
    entry.days.push(row);
    byAccount.set(row.accountId, entry);
  }
  return [...byAccount.values()].map(({ accountId, network, days }) => {
    const measured = days.filter((day) => day.followersChange !== null);
    return {
      accountId,
      network,
      followers: days.at(-1)?.followers ?? null,
      gained: measured.length ? measured.reduce((sum, day) => sum + day.followersChange!, 0) : null,
      days: days.map(({ day, followers: count, followersChange }) => ({
        day,
        followers: count,
        change: followersChange,
      })),
    };
  });
}

/**
 * Weekday × hour of publication in the zone, with the median engagement rate of each slot that has
 * at least three posts measured with that denominator.
 */
export async function bestTimeGrid(
  strapi: Core.Strapi,
  range: Range,
  timeZone: string,
  by: RateDenominator,
  campaign?: string
) {
  const { from, before } = instantsOf(range, timeZone);
  const rows = await deliveryStatsRepository(strapi).postedBetween(from, before, { campaign });
  return {
    timeZone,
    denominator: by,
    slots: bestTimes(
      rows.map((row) => ({
        publishedAt: row.postedAt,
        rate: engagementRate(row, by, row.followersAtPublish)?.value ?? null,
      })),
      timeZone
    ),
  };
}
