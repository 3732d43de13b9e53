/**
 * What the two daily count tables (link daily, page-view daily) have in common: atomic increments
 * from each batch, the nightly reconciliation's overwrite, totals and series for reports, and the
 * 25-month purge. Each table has its repository, the only code that uses it.
 */
import type { Core } from '@strapi/strapi';
import { modelOf } from '@porte-voix/kit/server';

import type { DailyDelta } from '../domain/hit-tally';
import type { HitKeyMapping } from './hit-keys';

export type DailyCounts = { humans: number; uniques: number; bots: number };

/** Which attribute holds each count in a table. */
export type CountAttributes = Record<keyof DailyCounts, string>;

export const dailyCounts = (
  strapi: Core.Strapi,
  uid: string,
  keys: HitKeyMapping,
  counts: CountAttributes
) => {
  const knex = () => strapi.db.connection;
  const names = () => {
    const { table, column } = modelOf(strapi, uid);
    return {
      table,
      keyColumns: keys.attributes.map(column),
      day: column('day'),
      humans: column(counts.humans),
      uniques: column(counts.uniques),
      bots: column(counts.bots),
    };
  };
  const rowOf = (key: string, day: string, values: DailyCounts) => {
    const n = names();
    const keyValues = keys.fromKey(key);
    return {
      ...Object.fromEntries(keys.attributes.map((attribute, i) => [n.keyColumns[i], keyValues[attribute]])),
      [n.day]: day,
      [n.humans]: values.humans,
      [n.uniques]: values.uniques,
      [n.bots]: values.bots,
    };
  };
  const keyWhere = (key: string) => {
    const n = names();
    const keyValues = keys.fromKey(key);
    return Object.fromEntries(keys.attributes.map((attribute, i) => [n.keyColumns[i], keyValues[attribute]]));
  };

  return {
    /**
     * Adds the deltas to their (target, day) rows, in one upsert per 200 rows: the database adds
     * atomically, so batches from several instances add up without a read in between. (The deltas
     * hold one entry per target and day: one statement never touches a row twice.)
     */
    async add(deltas: DailyDelta[]): Promise<void> {
      const n = names();
      const mysql = strapi.db.dialect.client === 'mysql';
      // The value the upsert was given: VALUES(col) on MySQL, excluded.col on PostgreSQL and SQLite.
      const plusGiven = (column: string) =>
        (mysql
          ? knex().raw('?? + VALUES(??)', [`${n.table}.${column}`, column])
          : knex().raw('?? + excluded.??', [`${n.table}.${column}`, column])) as unknown as number;
      for (let at = 0; at < deltas.length; at += 200) {
        await knex()(n.table)
          .insert(deltas.slice(at, at + 200).map((delta) => rowOf(delta.key, delta.day, delta)))
          .onConflict([...n.keyColumns, n.day])
          .merge({
            [n.humans]: plusGiven(n.humans),
            [n.uniques]: plusGiven(n.uniques),
            [n.bots]: plusGiven(n.bots),
          });
      }
    },

    /** Sets a (target, day) row to counts recomputed from the raw hits. */
    async set(key: string, day: string, values: DailyCounts): Promise<void> {
      const n = names();
      await knex()(n.table)
        .insert(rowOf(key, day, values))
        .onConflict([...n.keyColumns, n.day])
        .merge([n.humans, n.uniques, n.bots]);
    },

    /** All-time counts of each target (what is kept: 25 months), in one grouped read of the (target, day) index. */
    async totals(targetKeys: string[]): Promise<Map<string, DailyCounts>> {
      const result = new Map<string, DailyCounts>();
      if (targetKeys.length === 0) return result;
      const n = names();
      const builder = knex()(n.table)
        .select(n.keyColumns.map((name, i) => `${name} as k${i}`))
        .sum({ humans: n.humans, uniques: n.uniques, bots: n.bots })
        .groupBy(n.keyColumns)
        .where((where) => {
          for (const key of targetKeys) where.orWhere(keyWhere(key));
        });
      for (const row of (await builder) as any[]) {
        const key = keys.toKey(
          Object.fromEntries(keys.attributes.map((attribute, i) => [attribute, row[`k${i}`]]))
        );
        result.set(key, { humans: Number(row.humans), uniques: Number(row.uniques), bots: Number(row.bots) });
      }
      return result;
    },

    /** One target's rows from `from` to `to` (days with no traffic have no row). */
    async series(key: string, from: string, to: string): Promise<Array<{ day: string } & DailyCounts>> {
      const n = names();
      const rows = await knex()(n.table)
        .select({ day: n.day, humans: n.humans, uniques: n.uniques, bots: n.bots })
        .where(keyWhere(key))
        .whereBetween(n.day, [from, to])
        .orderBy(n.day, 'asc');
      return (rows as any[]).map((row) => ({
        day: String(row.day),
        humans: Number(row.humans),
        uniques: Number(row.uniques),
        bots: Number(row.bots),
      }));
    },

    /** Deletes the days before `day`: daily counts are kept 25 months. */
    purgeBefore(day: string): Promise<number> {
      const n = names();
      return knex()(n.table).where(n.day, '<', day).delete();
    },
  };
};

export type DailyCountsRepository = ReturnType<typeof dailyCounts>;
