/**
 * The only code that touches the campaign rollup (domain/campaign-rollup.ts): the daily rollup
 * added up per day, network and campaign, kept by increments in the transaction that writes the
 * daily rows. Reports that cover many deliveries (the overview, the homepage, a campaign's days)
 * read it; it gives the same sums as the daily rows it adds up, nulls included.
 */
import type { Core } from '@strapi/strapi';
import { clientOf, modelOf } from '@porte-voix/kit/server';

import { CAMPAIGN_DAILY_UID, METRIC_DAILY_UID } from '../content-types';
import { NO_CAMPAIGN, type CampaignDayDelta } from '../domain/campaign-rollup';
import { METRIC_COUNTERS, type MetricCounters } from '../domain/counters';
import { connectionOf } from './sql';
import { counterSums, readCounters, readDay } from './report-sql';

export type ReportFilter = { campaign?: string; network?: string };

/** Rows a statement writes at most (PostgreSQL takes 65,535 parameters; each row has about 26). */
const PER_STATEMENT = 500;

const measuredOf = (name: string) => `${name}Measured`;

export const campaignDailiesRepository = (strapi: Core.Strapi) => {
  const model = () => modelOf(strapi, CAMPAIGN_DAILY_UID);

  function filtered<T extends { where: (...args: any[]) => T }>(select: T, filter: ReportFilter): T {
    const { column } = model();
    let result = select;
    if (filter.campaign) result = result.where(column('campaignKey'), filter.campaign);
    if (filter.network) result = result.where(column('network'), filter.network);
    return result;
  }

  return {
    /**
     * The change of every counter over the days [from, to], in total, per day, per network or per
     * campaign. Filters: one campaign, one network.
     */
    async sums(
      range: { from: string; to: string },
      filter: ReportFilter = {},
      groupBy: 'none' | 'day' | 'network' | 'campaign' = 'none'
    ): Promise<Array<{ key: string | null; counters: MetricCounters }>> {
      const { table, column } = model();
      const knex = strapi.db.connection;
      const group = groupBy === 'none' ? null : column(groupBy === 'campaign' ? 'campaignKey' : groupBy);
      let select = filtered(
        knex(table)
          .select(knex.raw(counterSums(column).join(', ')))
          .whereBetween(column('day'), [range.from, range.to]),
        filter
      );
      if (group)
        select = select
          .select(knex.raw(`${group} AS report_key`))
          .groupBy(group)
          .orderBy(group);
      const rows = await select;
      return rows.map((row: any) => ({
        key:
          groupBy === 'none'
            ? null
            : groupBy === 'day'
              ? readDay(row.report_key)
              : row.report_key === NO_CAMPAIGN
                ? null
                : (row.report_key ?? null),
        counters: readCounters(row),
      }));
    },

    /** The change per day and network over [from, to]: one read that a report folds into totals, days and networks. */
    async sumsByDayAndNetwork(
      range: { from: string; to: string },
      filter: ReportFilter = {}
    ): Promise<Array<{ day: string; network: string; counters: MetricCounters }>> {
      const { table, column } = model();
      const knex = strapi.db.connection;
      const select = filtered(
        knex(table)
          .select(knex.raw(counterSums(column).join(', ')))
          .select(knex.raw(`${column('day')} AS report_day, ${column('network')} AS report_network`))
          .whereBetween(column('day'), [range.from, range.to]),
        filter
      );
      const rows = await select.groupBy(column('day'), column('network'));
      return rows.map((row: any) => ({
        day: readDay(row.report_day),
        network: row.report_network,
        counters: readCounters(row),
      }));
    },

    /**
     * Adds the increments, each to its (day, network, campaign) row, creating it when absent; rows
     * that no delivery-day row counts any more are removed. Runs on the transaction under way.
     */
    async add(deltas: CampaignDayDelta[]): Promise<void> {
      if (deltas.length === 0) return;
      const knex = await connectionOf(strapi);
      const { table, column } = model();
      const mysql = clientOf(strapi) === 'mysql';
      const now = new Date();
      const added = (name: string) => (mysql ? `VALUES(${column(name)})` : `excluded.${column(name)}`);
      const stored = (name: string) => `${table}.${column(name)}`;
      const merge: Record<string, unknown> = {
        [column('updatedAt')]: now,
        [column('deliveryDays')]: knex.raw(`${stored('deliveryDays')} + ${added('deliveryDays')}`),
      };
      // MySQL evaluates the assignments in order, each seeing the ones before: every counter is
      // assigned before its measured count, so it reads the count as it was.
      for (const name of METRIC_COUNTERS) {
        const measured = measuredOf(name);
        merge[column(name)] = knex.raw(
          `CASE WHEN ${stored(measured)} + ${added(measured)} > 0 THEN COALESCE(${stored(name)}, 0) + COALESCE(${added(name)}, 0) ELSE NULL END`
        );
      }
      for (const name of METRIC_COUNTERS)
        merge[column(measuredOf(name))] = knex.raw(
          `${stored(measuredOf(name))} + ${added(measuredOf(name))}`
        );

      for (let start = 0; start < deltas.length; start += PER_STATEMENT) {
        const data = deltas.slice(start, start + PER_STATEMENT).map((delta) => ({
          [column('day')]: delta.day,
          [column('network')]: delta.network,
          [column('campaignKey')]: delta.campaignKey,
          [column('deliveryDays')]: delta.deliveryDays,
          [column('createdAt')]: now,
          [column('updatedAt')]: now,
          // A new row's counter is null when nothing measured it; an increment carries its sum.
          ...Object.fromEntries(
            METRIC_COUNTERS.map((name) => [
              column(name),
              delta.measured[name] !== 0 || delta.sums[name] !== 0 ? delta.sums[name] : null,
            ])
          ),
          ...Object.fromEntries(
            METRIC_COUNTERS.map((name) => [column(measuredOf(name)), delta.measured[name]])
          ),
        }));
        await knex(table)
          .insert(data)
          .onConflict([column('day'), column('network'), column('campaignKey')])
          .merge(merge as any);
      }
      const emptied = deltas.filter((delta) => delta.deliveryDays < 0);
      if (emptied.length > 0)
        await knex(table)
          .where(column('deliveryDays'), '<=', 0)
          .where((where) => {
            for (const delta of emptied)
              where.orWhere({
                [column('day')]: delta.day,
                [column('network')]: delta.network,
                [column('campaignKey')]: delta.campaignKey,
              });
          })
          .delete();
    },

    /**
     * Recomputes the whole rollup from the daily rows (a database that kept daily rows before this
     * rollup existed; the benchmark's seed). Inside one transaction, with the rollup locked against
     * writers on PostgreSQL: a collection that commits meanwhile adds its change after, not before.
     */
    async fillFromDailies(): Promise<number> {
      const { table, column } = model();
      const daily = modelOf(strapi, METRIC_DAILY_UID);
      const client = clientOf(strapi);
      return strapi.db.transaction(async () => {
        const knex = await connectionOf(strapi);
        if (client === 'postgres') await knex.raw(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
        await knex(table).delete();
        const now = new Date();
        const campaign = `COALESCE(${daily.column('campaignDocumentId')}, '${NO_CAMPAIGN}')`;
        const columns = [
          column('day'),
          column('network'),
          column('campaignKey'),
          column('deliveryDays'),
          ...METRIC_COUNTERS.map((name) => column(name)),
          ...METRIC_COUNTERS.map((name) => column(measuredOf(name))),
          column('createdAt'),
          column('updatedAt'),
        ];
        const values = [
          daily.column('day'),
          daily.column('network'),
          campaign,
          'COUNT(*)',
          ...METRIC_COUNTERS.map((name) => `SUM(${daily.column(name)})`),
          ...METRIC_COUNTERS.map((name) => `COUNT(${daily.column(name)})`),
          '?',
          '?',
        ];
        await knex.raw(
          `INSERT INTO ${table} (${columns.join(', ')})
           SELECT ${values.join(', ')} FROM ${daily.table}
           GROUP BY ${daily.column('day')}, ${daily.column('network')}, ${campaign}`,
          [now, now]
        );
        const [{ n }] = await knex(table).count({ n: '*' });
        return Number(n);
      });
    },

    /** Whether the rollup has no row at all. */
    async isEmpty(): Promise<boolean> {
      const { table } = model();
      return (await strapi.db.connection(table).select('id').limit(1)).length === 0;
    },
  };
};

export type CampaignDailiesRepository = ReturnType<typeof campaignDailiesRepository>;
