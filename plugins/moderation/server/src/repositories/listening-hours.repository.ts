/**
 * The only code that touches listening's hourly rollups: mentions per saved search, network and UTC
 * hour of publication, by sentiment. A mention adds one with an increment in the database (an
 * update, else an insert; the unique (search, hour, network) index turns a race between two
 * instances into a second update), so reports and alerts read a few rows per hour, never the mentions.
 */
import type { Core } from '@strapi/strapi';
import { modelOf, rowsChanged } from '@porte-voix/kit/server';

import { LISTENING_HOUR_UID } from '../utils/uids';

export type Sentiment = 'positive' | 'negative' | 'neutral';

export type ListeningHour = {
  searchId: number;
  hour: string;
  network: string;
  total: number;
  positive: number;
  negative: number;
  neutral: number;
};

/** `2026-12-02T09`: the UTC hour a time falls in, as stored (sortable, the same on every database). */
export const hourOf = (at: Date) => at.toISOString().slice(0, 13);

export const listeningHoursRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(LISTENING_HOUR_UID);

  async function increment(searchId: number, hour: string, network: string, sentiment: Sentiment) {
    const { table: t, column: c } = modelOf(strapi, LISTENING_HOUR_UID);
    const result = await strapi.db.connection.raw(
      `UPDATE ${t} SET ${c('total')} = ${c('total')} + 1, ${c(sentiment)} = ${c(sentiment)} + 1
       WHERE ${c('searchId')} = :searchId AND ${c('hour')} = :hour AND ${c('network')} = :network`,
      { searchId, hour, network }
    );
    return rowsChanged(strapi.db.dialect.client, result) > 0;
  }

  return {
    async add(mention: { searchId: number; at: Date; network: string; sentiment: Sentiment }): Promise<void> {
      const hour = hourOf(mention.at);
      if (await increment(mention.searchId, hour, mention.network, mention.sentiment)) return;
      try {
        await query().create({
          data: {
            searchId: mention.searchId,
            hour,
            network: mention.network,
            total: 1,
            positive: 0,
            negative: 0,
            neutral: 0,
            [mention.sentiment]: 1,
          },
        });
      } catch (error) {
        // Another instance created the row meanwhile: count on it.
        if (!(await increment(mention.searchId, hour, mention.network, mention.sentiment))) throw error;
      }
    },

    /** The rows of these searches from `fromHour` (included) to `toHour` (excluded), by the hour index. */
    async between(searchIds: number[], fromHour: string, toHour: string): Promise<ListeningHour[]> {
      if (searchIds.length === 0) return [];
      const rows = await query().findMany({
        where: { searchId: { $in: searchIds }, hour: { $gte: fromHour, $lt: toHour } },
        select: ['searchId', 'hour', 'network', 'total', 'positive', 'negative', 'neutral'],
        orderBy: [{ hour: 'asc' }],
      });
      return rows.map((row: any) => ({
        searchId: Number(row.searchId),
        hour: row.hour,
        network: row.network,
        total: Number(row.total ?? 0),
        positive: Number(row.positive ?? 0),
        negative: Number(row.negative ?? 0),
        neutral: Number(row.neutral ?? 0),
      }));
    },
  };
};
