/**
 * The only code that touches metric snapshots: a delivery's counters at the moments one of them
 * changed. Rows are written inside the collector's transaction (the ORM joins it), read back for a
 * post's time series and the nightly rebuild, and thinned by retention.
 */
import type { Core } from '@strapi/strapi';
import { modelOf, readDate } from '@porte-voix/kit/server';

import { SNAPSHOT_UID } from '../content-types';
import { METRIC_COUNTERS, type MetricCounters } from '../domain/counters';
import { pickCounters, type StoredReading } from '../domain/changes';
import type { AgedReading } from '../domain/retention';
import { connectionOf } from './sql';

export type NewSnapshot = { deliveryId: number; capturedAt: Date; counters: MetricCounters };
export type SeriesPoint = { deliveryId: number; capturedAt: string; counters: MetricCounters };

const COUNTER_FIELDS = [...METRIC_COUNTERS];

export const metricSnapshotsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(SNAPSHOT_UID);

  return {
    async insertMany(snapshots: NewSnapshot[]): Promise<void> {
      if (snapshots.length === 0) return;
      await query().createMany({
        data: snapshots.map((snapshot) => ({
          deliveryId: snapshot.deliveryId,
          capturedAt: snapshot.capturedAt,
          ...snapshot.counters,
        })),
      });
    },

    /** A delivery's readings, oldest first. */
    async readingsOf(deliveryId: number): Promise<StoredReading[]> {
      const rows = await query().findMany({
        where: { deliveryId },
        select: ['capturedAt', ...COUNTER_FIELDS],
        orderBy: [{ capturedAt: 'asc' }],
      });
      return rows.map((row: any) => ({ capturedAt: new Date(row.capturedAt), counters: pickCounters(row) }));
    },

    /**
     * The query of the readings of these deliveries (a post's), per delivery oldest first: one range
     * scan of the (delivery, captured at) index per delivery. Exposed so the benchmark can print its plan.
     */
    seriesQuery(deliveryIds: number[]) {
      const model = modelOf(strapi, SNAPSHOT_UID);
      const deliveryId = model.column('deliveryId');
      const capturedAt = model.column('capturedAt');
      return strapi.db
        .connection(model.table)
        .select([
          `${deliveryId} as deliveryId`,
          `${capturedAt} as capturedAt`,
          ...COUNTER_FIELDS.map((name) => `${model.column(name)} as ${name}`),
        ])
        .whereIn(deliveryId, deliveryIds)
        .orderBy([
          { column: deliveryId, order: 'asc' },
          { column: capturedAt, order: 'asc' },
        ]);
    },

    async seriesOf(deliveryIds: number[]): Promise<SeriesPoint[]> {
      if (deliveryIds.length === 0) return [];
      const rows = await this.seriesQuery(deliveryIds);
      return rows.map((row: any) => ({
        deliveryId: Number(row.deliveryId),
        capturedAt: readDate(row.capturedAt)!.toISOString(),
        counters: pickCounters(row),
      }));
    },

    /** Deliveries (after `afterDeliveryId`) with readings captured in [from, before): what retention looks at. */
    async deliveriesWithReadingsIn(
      range: { from: Date | null; before: Date },
      afterDeliveryId: number,
      limit: number
    ): Promise<number[]> {
      const model = modelOf(strapi, SNAPSHOT_UID);
      const deliveryId = model.column('deliveryId');
      const capturedAt = model.column('capturedAt');
      const knex = strapi.db.connection;
      const rows = await knex(model.table)
        .distinct(deliveryId)
        .where(capturedAt, '<', range.before)
        .modify((builder: any) => {
          if (range.from) builder.where(capturedAt, '>=', range.from);
        })
        .where(deliveryId, '>', afterDeliveryId)
        .orderBy(deliveryId)
        .limit(limit);
      return rows.map((row: any) => Number(row[deliveryId]));
    },

    /** A delivery's readings captured before `before`, and the id of its latest reading overall. */
    async agedReadingsOf(
      deliveryId: number,
      before: Date
    ): Promise<{ aged: AgedReading[]; latestId: number | null }> {
      const [aged, latest] = await Promise.all([
        query().findMany({
          where: { deliveryId, capturedAt: { $lt: before } },
          select: ['id', 'capturedAt'],
          orderBy: [{ capturedAt: 'asc' }],
        }),
        query().findOne({ where: { deliveryId }, select: ['id'], orderBy: [{ capturedAt: 'desc' }] }),
      ]);
      return {
        aged: aged.map((row: any) => ({ id: Number(row.id), capturedAt: new Date(row.capturedAt) })),
        latestId: latest ? Number(latest.id) : null,
      };
    },

    async deleteIds(ids: number[]): Promise<number> {
      let deleted = 0;
      for (let start = 0; start < ids.length; start += 500) {
        const knex = await connectionOf(strapi);
        deleted += await knex(modelOf(strapi, SNAPSHOT_UID).table)
          .whereIn('id', ids.slice(start, start + 500))
          .delete();
      }
      return deleted;
    },
  };
};

export type MetricSnapshotsRepository = ReturnType<typeof metricSnapshotsRepository>;
