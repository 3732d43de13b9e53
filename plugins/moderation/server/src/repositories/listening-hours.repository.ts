/**
 * The only code that touches listening's hourly rollups: mentions per saved search, network, language
 * and UTC hour of publication, by sentiment. A mention adds one with an increment in the database (an
 * update, else an insert; the unique (search, hour, network, language) index turns a race between two
 * instances into a second update), so reports and alerts read a few rows per hour, never the mentions.
 * Rows counted before languages were kept have none (`language` null) until they are given theirs
 * (services/listening/rollup-languages.ts).
 */
import type { Core } from '@strapi/strapi';
import { modelOf, rowsChanged } from '@porte-voix/kit/server';

import { LISTENING_HOUR_UID } from '../utils/uids';

export type Sentiment = 'positive' | 'negative' | 'neutral';

export type SentimentCounts = { total: number; positive: number; negative: number; neutral: number };

export type ListeningHour = SentimentCounts & {
  searchId: number;
  hour: string;
  network: string;
  /** Two letters, `und` when unknown; null on a row counted before languages were kept. */
  language: string | null;
};

/** Where a count goes: one search, UTC hour, network and language. */
export type HourKey = { searchId: number; hour: string; network: string; language: string };

/** `2026-12-02T09`: the UTC hour a time falls in, as stored (sortable, the same on every database). */
export const hourOf = (at: Date) => at.toISOString().slice(0, 13);

const numbers = (row: any): SentimentCounts => ({
  total: Number(row.total ?? 0),
  positive: Number(row.positive ?? 0),
  negative: Number(row.negative ?? 0),
  neutral: Number(row.neutral ?? 0),
});

export const listeningHoursRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(LISTENING_HOUR_UID);

  async function increment(key: HourKey, counts: SentimentCounts) {
    const { table: t, column: c } = modelOf(strapi, LISTENING_HOUR_UID);
    const sum = (name: keyof SentimentCounts) => `${c(name)} = ${c(name)} + :${name}`;
    const result = await strapi.db.connection.raw(
      `UPDATE ${t} SET ${sum('total')}, ${sum('positive')}, ${sum('negative')}, ${sum('neutral')}
       WHERE ${c('searchId')} = :searchId AND ${c('hour')} = :hour AND ${c('network')} = :network
         AND ${c('language')} = :language`,
      { ...key, ...counts }
    );
    return rowsChanged(strapi.db.dialect.client, result) > 0;
  }

  /** Adds counts to a row, creating it when it is the first of its key. */
  async function addCounts(key: HourKey, counts: SentimentCounts): Promise<void> {
    if (await increment(key, counts)) return;
    try {
      await query().create({ data: { ...key, ...counts } });
    } catch (error) {
      // Another instance created the row meanwhile: count on it.
      if (!(await increment(key, counts))) throw error;
    }
  }

  return {
    addCounts,

    /** One mention more. */
    add(mention: { searchId: number; at: Date; network: string; language: string; sentiment: Sentiment }) {
      const { searchId, network, language, sentiment } = mention;
      const counts = { total: 1, positive: 0, negative: 0, neutral: 0, [sentiment]: 1 };
      return addCounts({ searchId, hour: hourOf(mention.at), network, language }, counts);
    },

    /** The rows of these searches from `fromHour` (included) to `toHour` (excluded), by the hour index. */
    async between(searchIds: number[], fromHour: string, toHour: string): Promise<ListeningHour[]> {
      if (searchIds.length === 0) return [];
      const rows = await query().findMany({
        where: { searchId: { $in: searchIds }, hour: { $gte: fromHour, $lt: toHour } },
        select: ['searchId', 'hour', 'network', 'language', 'total', 'positive', 'negative', 'neutral'],
        orderBy: [{ hour: 'asc' }],
      });
      return rows.map((row: any) => ({
        searchId: Number(row.searchId),
        hour: row.hour,
        network: row.network,
        language: row.language ?? null,
        ...numbers(row),
      }));
    },

    /** Some rows counted before languages were kept, with their ids. */
    async withoutLanguage(limit: number): Promise<(ListeningHour & { id: number })[]> {
      const rows = await query().findMany({
        where: { language: { $null: true } },
        orderBy: [{ id: 'asc' }],
        limit,
      });
      return rows.map((row: any) => ({
        id: Number(row.id),
        searchId: Number(row.searchId),
        hour: row.hour,
        network: row.network,
        language: null,
        ...numbers(row),
      }));
    },

    /**
     * Puts per-language rows in place of a row without a language, in one transaction; false when
     * another instance already did.
     */
    async replaceWithoutLanguage(id: number, split: Map<string, SentimentCounts>): Promise<boolean> {
      const { table: t, column: c } = modelOf(strapi, LISTENING_HOUR_UID);
      return strapi.db.connection.transaction(async (trx: any) => {
        const [row] = await trx(t).where(c('id'), id).whereNull(c('language')).select('*');
        if (!row || (await trx(t).where(c('id'), id).whereNull(c('language')).del()) === 0) return false;
        for (const [language, counts] of split) {
          const key = {
            [c('searchId')]: row[c('searchId')],
            [c('hour')]: row[c('hour')],
            [c('network')]: row[c('network')],
            [c('language')]: language,
          };
          const names = ['total', 'positive', 'negative', 'neutral'] as const;
          const added = Object.fromEntries(
            names.map((name) => [c(name), trx.raw('?? + ?', [c(name), counts[name]])])
          );
          if ((await trx(t).where(key).update(added)) > 0) continue;
          const now = new Date();
          const values = Object.fromEntries(names.map((name) => [c(name), counts[name]]));
          await trx(t).insert({ ...key, ...values, [c('createdAt')]: now, [c('updatedAt')]: now });
        }
        return true;
      });
    },
  };
};
