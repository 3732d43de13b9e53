/**
 * What the two append-only hit tables (click events, page views) have in common: batched inserts,
 * the look-up of hits already counted, the day's recount and the retention purge. Each table has its
 * repository (click-events.repository.ts, page-views.repository.ts), the only code that uses it.
 */
import type { Core } from '@strapi/strapi';
import { modelOf } from '@porte-voix/kit/server';

import type { CountedHit, Hit } from '../domain/hit-tally';
import type { HitKeyMapping } from './hit-keys';

export type StoredHit = Hit & {
  occurredAt: Date;
  referrerHost: string | null;
  /** Columns of one table only (a page view's path). */
  extra?: Record<string, string | null>;
};

export type DayRecount = { key: string; humans: number; uniques: number; bots: number };

// Well under every database's limit on bound parameters per statement.
const CHUNK = 400;

const chunks = <T>(items: T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
};

export const hitEvents = (strapi: Core.Strapi, uid: string, keys: HitKeyMapping) => {
  const query = () => strapi.db.query(uid as any);

  const toRow = (hit: StoredHit, counted: boolean) => ({
    ...keys.fromKey(hit.key),
    occurredAt: hit.occurredAt,
    day: hit.day,
    visitorHash: hit.visitorHash,
    isBot: hit.botReason !== null,
    botReason: hit.botReason,
    referrerHost: hit.referrerHost,
    countedHour: counted ? hit.hour : null,
    ...hit.extra,
  });

  return {
    /** The human hits already counted for these hits' targets, visitors and days. */
    async countedAmong(hits: Hit[]): Promise<CountedHit[]> {
      if (hits.length === 0) return [];
      const targets = [...new Set(hits.map((hit) => hit.key))].map(keys.fromKey);
      const days = [...new Set(hits.map((hit) => hit.day))];
      const found: CountedHit[] = [];
      for (const visitorHashes of chunks([...new Set(hits.map((hit) => hit.visitorHash))])) {
        for (const someTargets of chunks(targets, 50)) {
          const rows = await query().findMany({
            select: [...keys.attributes, 'visitorHash', 'day', 'countedHour'],
            where: {
              $or: someTargets,
              visitorHash: { $in: visitorHashes },
              day: { $in: days },
              countedHour: { $notNull: true },
            },
          });
          for (const row of rows as any[]) {
            found.push({
              key: keys.toKey(row),
              visitorHash: row.visitorHash,
              day: row.day,
              hour: Number(row.countedHour),
            });
          }
        }
      }
      return found;
    },

    /**
     * Stores hits in one transaction per call. Counted hits hold their hour, which the table's unique
     * index keeps to one per target and visitor: if another instance counted one of them first, the
     * whole insert fails and the caller stores them one by one.
     */
    async insertMany(hits: StoredHit[], counted: boolean): Promise<void> {
      for (const part of chunks(hits)) {
        await query().createMany({ data: part.map((hit) => toRow(hit, counted)) });
      }
    },

    /** Stores one counted hit; false when the unique index says the hour is already counted. */
    async insertCounted(hit: StoredHit): Promise<boolean> {
      try {
        await query().create({ data: toRow(hit, true) });
        return true;
      } catch (error) {
        const [taken] = await this.countedAmong([hit]).then((rows) =>
          rows.filter((row) => row.hour === hit.hour)
        );
        if (taken) return false;
        throw error;
      }
    },

    /** The day's counts recomputed from the hits themselves (the reconciliation of the daily tables). */
    async recountDay(day: string): Promise<DayRecount[]> {
      const { table, column } = modelOf(strapi, uid);
      const knex = strapi.db.connection;
      const keyColumns = keys.attributes.map(column);
      const counted = column('countedHour');
      const rows = await knex(table)
        .select(keyColumns.map((name, i) => `${name} as k${i}`))
        .select(
          knex.raw(`sum(case when ?? is not null then 1 else 0 end) as humans`, [counted]),
          knex.raw(`count(distinct case when ?? is not null then ?? end) as uniques`, [
            counted,
            column('visitorHash'),
          ]),
          knex.raw(`sum(case when ?? then 1 else 0 end) as bots`, [column('isBot')])
        )
        .where(column('day'), day)
        .groupBy(keyColumns);
      return (rows as any[]).map((row) => ({
        key: keys.toKey(Object.fromEntries(keys.attributes.map((attribute, i) => [attribute, row[`k${i}`]]))),
        humans: Number(row.humans),
        uniques: Number(row.uniques),
        bots: Number(row.bots),
      }));
    },

    /** Deletes hits older than `before`: raw events, with their visitor hashes, are kept 90 days. */
    async purgeBefore(before: Date): Promise<number> {
      const { count } = await query().deleteMany({ where: { occurredAt: { $lt: before } } });
      return count;
    },
  };
};

export type HitEventsRepository = ReturnType<typeof hitEvents>;
