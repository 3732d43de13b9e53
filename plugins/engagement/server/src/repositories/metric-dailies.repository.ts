/**
 * The only code that touches daily metric rollups: the change of each delivery's counters per day
 * (in its campaign's time zone). Written by one upsert per collection batch that adds the changes
 * (null: not measured, which adds nothing), and replaced per delivery by the nightly rebuild; the
 * campaign rollup (campaign-dailies.repository.ts) adds them up in the same transaction, and that
 * is what reports read.
 */
import type { Core } from '@strapi/strapi';
import { clientOf, modelOf } from '@porte-voix/kit/server';

import { METRIC_DAILY_UID } from '../content-types';
import { METRIC_COUNTERS, type MetricCounters } from '../domain/counters';
import { pickCounters } from '../domain/changes';
import { connectionOf } from './sql';
import { readDay } from './report-sql';

/** What a daily row says about where the delivery was posted (denormalised for reports). */
export type DailyPlace = {
  deliveryId: number;
  accountId: number;
  network: string;
  postDocumentId: string;
  campaignDocumentId: string | null;
};

export type DailyChangeRow = DailyPlace & { day: string; counters: MetricCounters };

const placedRow = (row: any): DailyChangeRow => ({
  deliveryId: Number(row.deliveryId),
  accountId: Number(row.accountId),
  network: row.network,
  postDocumentId: row.postDocumentId,
  campaignDocumentId: row.campaignDocumentId ?? null,
  day: readDay(row.day),
  counters: pickCounters(row),
});

export const metricDailiesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(METRIC_DAILY_UID);

  return {
    /** The rows these (delivery, day) pairs already have, with where each delivery was posted. */
    async rowsAt(keys: Array<{ deliveryId: number; day: string }>): Promise<DailyChangeRow[]> {
      if (keys.length === 0) return [];
      const wanted = new Set(keys.map((key) => `${key.deliveryId}|${key.day}`));
      const rows = await query().findMany({
        where: {
          deliveryId: { $in: [...new Set(keys.map((key) => key.deliveryId))] },
          day: { $in: [...new Set(keys.map((key) => key.day))] },
        },
      });
      return rows.map(placedRow).filter((row) => wanted.has(`${row.deliveryId}|${row.day}`));
    },

    /** Adds each row's changes to its (delivery, day) row, creating it when absent: one statement. */
    async addChanges(rows: DailyChangeRow[]): Promise<void> {
      if (rows.length === 0) return;
      const knex = await connectionOf(strapi);
      const model = modelOf(strapi, METRIC_DAILY_UID);
      const column = model.column;
      const now = new Date();
      const data = rows.map((row) => ({
        [column('deliveryId')]: row.deliveryId,
        [column('day')]: row.day,
        [column('accountId')]: row.accountId,
        [column('network')]: row.network,
        [column('postDocumentId')]: row.postDocumentId,
        [column('campaignDocumentId')]: row.campaignDocumentId,
        [column('createdAt')]: now,
        [column('updatedAt')]: now,
        ...Object.fromEntries(METRIC_COUNTERS.map((name) => [column(name), row.counters[name]])),
      }));
      const mysql = clientOf(strapi) === 'mysql';
      const merge: Record<string, unknown> = { [column('updatedAt')]: now };
      for (const name of METRIC_COUNTERS) {
        const stored = `${model.table}.${column(name)}`;
        const added = mysql ? `VALUES(${column(name)})` : `excluded.${column(name)}`;
        merge[column(name)] = knex.raw(
          `CASE WHEN ${added} IS NULL THEN ${stored} ELSE COALESCE(${stored}, 0) + ${added} END`
        );
      }
      await knex(model.table)
        .insert(data)
        .onConflict([column('deliveryId'), column('day')])
        .merge(merge as any);
    },

    /**
     * Replaces a delivery's rows (the nightly rebuild, inside its transaction); answers the rows it
     * removed, so the campaign rollup can take them back.
     */
    async replaceFor(deliveryId: number, rows: DailyChangeRow[]): Promise<DailyChangeRow[]> {
      const removed = (await query().findMany({ where: { deliveryId } })).map((row: any): DailyChangeRow => ({
        deliveryId: Number(row.deliveryId),
        accountId: Number(row.accountId),
        network: row.network,
        postDocumentId: row.postDocumentId,
        campaignDocumentId: row.campaignDocumentId ?? null,
        day: readDay(row.day),
        counters: pickCounters(row),
      }));
      await query().deleteMany({ where: { deliveryId } });
      if (rows.length > 0)
        await query().createMany({
          data: rows.map(({ counters, ...place }) => ({ ...place, ...counters })),
        });
      return removed;
    },

    async rowsOf(deliveryId: number): Promise<Array<{ day: string; counters: MetricCounters }>> {
      const rows = await query().findMany({ where: { deliveryId }, orderBy: [{ day: 'asc' }] });
      return rows.map((row: any) => ({ day: String(row.day).slice(0, 10), counters: pickCounters(row) }));
    },
  };
};

export type MetricDailiesRepository = ReturnType<typeof metricDailiesRepository>;
