import type { Core } from '@strapi/strapi';
import { modelOf } from '@porte-voix/kit/server';

import { LINK_DAILY_UID } from '../content-types';
import { dailyCounts, type DailyCounts } from './daily-counts';
import { linkKey } from './hit-keys';

/** Per link and local day: human clicks, unique visitors, bot requests; only this repository touches the table. */
export const linkDailyRepository = (strapi: Core.Strapi) => {
  const shared = dailyCounts(strapi, LINK_DAILY_UID, linkKey, {
    humans: 'humanClicks',
    uniques: 'uniqueVisitors',
    bots: 'botClicks',
  });
  const names = () => {
    const { table, column } = modelOf(strapi, LINK_DAILY_UID);
    return {
      table,
      linkId: column('linkId'),
      day: column('day'),
      humans: column('humanClicks'),
      uniques: column('uniqueVisitors'),
      bots: column('botClicks'),
    };
  };
  const counts = (row: any): DailyCounts => ({
    humans: Number(row.humans ?? 0),
    uniques: Number(row.uniques ?? 0),
    bots: Number(row.bots ?? 0),
  });

  /** Links are read in slices, so a long list never makes one huge IN (…). */
  async function inSlices<T>(linkIds: number[], read: (ids: number[]) => Promise<T[]>): Promise<T[]> {
    const rows: T[] = [];
    for (let at = 0; at < linkIds.length; at += 500) rows.push(...(await read(linkIds.slice(at, at + 500))));
    return rows;
  }

  return {
    ...shared,

    /** Each link's counts over the days from `from` to `to` (links without traffic are absent). */
    async totalsBetween(linkIds: number[], from: string, to: string): Promise<Map<number, DailyCounts>> {
      const n = names();
      const rows = await inSlices(linkIds, (ids) =>
        strapi.db
          .connection(n.table)
          .select({ linkid: n.linkId })
          .sum({ humans: n.humans, uniques: n.uniques, bots: n.bots })
          .whereIn(n.linkId, ids)
          .whereBetween(n.day, [from, to])
          .groupBy(n.linkId)
      );
      return new Map((rows as any[]).map((row) => [Number(row.linkid), counts(row)]));
    },

    /** Each day's counts of these links together, and of each link (days without traffic are absent). */
    async perDay(
      linkIds: number[],
      from: string,
      to: string
    ): Promise<Array<{ day: string; linkId: number } & DailyCounts>> {
      const n = names();
      const rows = await inSlices(linkIds, (ids) =>
        strapi.db
          .connection(n.table)
          .select({ day: n.day, linkid: n.linkId, humans: n.humans, uniques: n.uniques, bots: n.bots })
          .whereIn(n.linkId, ids)
          .whereBetween(n.day, [from, to])
      );
      return (rows as any[]).map((row) => ({
        day: String(row.day),
        linkId: Number(row.linkid),
        ...counts(row),
      }));
    },
  };
};
