/**
 * The only code that touches delivery stats: one row per published delivery with its latest
 * counters, its collection state and lease. Every write made while collecting is conditional on
 * the lease: a row whose lease ran out belongs to whoever claimed it next.
 */
import type { Core } from '@strapi/strapi';
import { claimLeased, leaseRows, modelOf, readDate } from '@porte-voix/kit/server';

import { DELIVERY_STAT_UID } from '../content-types';
import type { MetricCounters } from '../domain/counters';
import { counterSums, interactionsExpression, readCounters } from './report-sql';

export type DeliveryTotals = {
  key: string | null;
  /** The campaign, when grouped per campaign and network. */
  campaign?: string | null;
  deliveries: number;
  counters: MetricCounters;
  followersAtPublish: number | null;
  oldestCollection: string | null;
  newestCollection: string | null;
  firstPosted: string | null;
};

export type CollectionState = 'active' | 'frozen' | 'gone' | 'unavailable';

export type DeliveryStatRow = MetricCounters & {
  id: number;
  deliveryId: number;
  accountId: number;
  network: string;
  remoteId: string;
  url: string | null;
  postDocumentId: string;
  campaignDocumentId: string | null;
  timeZone: string;
  postedAt: string;
  followersAtPublish: number | null;
  state: CollectionState;
  stateReason: string | null;
  nextCollectAt: string | null;
  lastCollectedAt: string | null;
  leaseOwner: string | null;
  leaseUntil: string | null;
};

export type NewDeliveryStat = Pick<
  DeliveryStatRow,
  | 'deliveryId'
  | 'accountId'
  | 'network'
  | 'remoteId'
  | 'url'
  | 'postDocumentId'
  | 'campaignDocumentId'
  | 'timeZone'
  | 'state'
  | 'stateReason'
> & { postedAt: Date; nextCollectAt: Date | null };

export const deliveryStatsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(DELIVERY_STAT_UID);
  const updateIf = async (where: Record<string, unknown>, data: Record<string, unknown>) =>
    (await query().updateMany({ where, data })).count;

  return {
    /**
     * Latest totals of the deliveries posted in [from, to) (instants), or of one campaign or post,
     * summed per network, per post or per campaign, with how many deliveries and when they were last
     * collected (the figures' freshness). Ordered by interactions, most first. Per campaign and
     * network: keyed by network, with the campaign beside (several campaigns' figures in one read).
     */
    async totals(
      filter: {
        postedFrom?: Date;
        postedBefore?: Date;
        campaign?: string;
        campaigns?: string[];
        post?: string;
        network?: string;
      },
      groupBy: 'network' | 'post' | 'campaign' | 'campaign-network' | 'none',
      limit = 1000
    ): Promise<DeliveryTotals[]> {
      const model = modelOf(strapi, DELIVERY_STAT_UID);
      const column = model.column;
      const knex = strapi.db.connection;
      const group =
        groupBy === 'none'
          ? null
          : column(
              groupBy === 'post'
                ? 'postDocumentId'
                : groupBy === 'campaign'
                  ? 'campaignDocumentId'
                  : 'network'
            );
      const byCampaign = groupBy === 'campaign-network' ? column('campaignDocumentId') : null;
      let select = knex(model.table).select(
        knex.raw(
          [
            ...counterSums(column),
            `COUNT(*) AS deliveries`,
            `SUM(${column('followersAtPublish')}) AS followers_at_publish`,
            `MIN(${column('lastCollectedAt')}) AS oldest_collection`,
            `MAX(${column('lastCollectedAt')}) AS newest_collection`,
            `MIN(${column('postedAt')}) AS first_posted`,
            `SUM(${interactionsExpression(column)}) AS rank_interactions`,
          ].join(', ')
        )
      );
      if (filter.postedFrom) select = select.where(column('postedAt'), '>=', filter.postedFrom);
      if (filter.postedBefore) select = select.where(column('postedAt'), '<', filter.postedBefore);
      if (filter.campaign) select = select.where(column('campaignDocumentId'), filter.campaign);
      if (filter.campaigns) select = select.whereIn(column('campaignDocumentId'), filter.campaigns);
      if (filter.post) select = select.where(column('postDocumentId'), filter.post);
      if (filter.network) select = select.where(column('network'), filter.network);
      if (group) select = select.select(knex.raw(`${group} AS report_key`)).groupBy(group);
      if (byCampaign)
        select = select.select(knex.raw(`${byCampaign} AS report_campaign`)).groupBy(byCampaign);
      const rows = await select.orderBy('rank_interactions', 'desc').limit(limit);
      return rows
        .filter((row: any) => Number(row.deliveries) > 0)
        .map((row: any) => ({
          key: group ? (row.report_key ?? null) : null,
          ...(byCampaign && { campaign: row.report_campaign ?? null }),
          deliveries: Number(row.deliveries),
          counters: readCounters(row),
          followersAtPublish: row.followers_at_publish === null ? null : Number(row.followers_at_publish),
          oldestCollection: readDate(row.oldest_collection)?.toISOString() ?? null,
          newestCollection: readDate(row.newest_collection)?.toISOString() ?? null,
          firstPosted: readDate(row.first_posted)?.toISOString() ?? null,
        }));
    },

    /**
     * Where a report's figures come from: how many deliveries per network and when each network's
     * were last collected (of one campaign or network when given), by network name. Reads an index
     * only, not the rows' counters.
     */
    async sources(
      filter: { campaign?: string; network?: string } = {}
    ): Promise<Array<{ network: string; deliveries: number; lastCollectedAt: string | null }>> {
      const { table, column } = modelOf(strapi, DELIVERY_STAT_UID);
      const knex = strapi.db.connection;
      let select = knex(table).select(
        knex.raw(
          `${column('network')} AS report_network, COUNT(*) AS deliveries, MAX(${column('lastCollectedAt')}) AS newest_collection`
        )
      );
      if (filter.campaign) select = select.where(column('campaignDocumentId'), filter.campaign);
      if (filter.network) select = select.where(column('network'), filter.network);
      const rows = await select.groupBy(column('network')).orderBy(column('network'));
      return rows.map((row: any) => ({
        network: row.report_network,
        deliveries: Number(row.deliveries),
        lastCollectedAt: readDate(row.newest_collection)?.toISOString() ?? null,
      }));
    },

    /** Deliveries posted in [from, to): when, and their latest counters (the best-time grid). */
    async postedBetween(
      from: Date,
      before: Date,
      filter: { campaign?: string } = {}
    ): Promise<DeliveryStatRow[]> {
      return query().findMany({
        where: {
          postedAt: { $gte: from, $lt: before },
          ...(filter.campaign ? { campaignDocumentId: filter.campaign } : {}),
        },
        limit: 20_000,
      });
    },

    /** How many deliveries are in each collection state, and how many active ones are overdue. */
    async stateCounts(overdueBefore: Date): Promise<Record<CollectionState | 'overdue', number>> {
      const model = modelOf(strapi, DELIVERY_STAT_UID);
      const state = model.column('state');
      const rows = await strapi.db
        .connection(model.table)
        .select(`${state} as state`)
        .count({ n: '*' })
        .groupBy(state);
      const counts = { active: 0, frozen: 0, gone: 0, unavailable: 0, overdue: 0 } as Record<string, number>;
      for (const row of rows as any[]) counts[row.state] = Number(row.n);
      counts.overdue = await query().count({
        where: { state: 'active', nextCollectAt: { $lt: overdueBefore } },
      });
      return counts as Record<CollectionState | 'overdue', number>;
    },

    /** Which of these deliveries already have a row. */
    async knownDeliveryIds(deliveryIds: number[]): Promise<Set<number>> {
      if (deliveryIds.length === 0) return new Set();
      const rows = await query().findMany({
        where: { deliveryId: { $in: deliveryIds } },
        select: ['deliveryId'],
      });
      return new Set(rows.map((row: any) => Number(row.deliveryId)));
    },

    /**
     * Adds rows for deliveries not seen yet; answers the delivery ids this call added. The unique
     * index on the delivery is the judge: a row another instance added meanwhile is skipped.
     */
    async insertNew(rows: NewDeliveryStat[]): Promise<number[]> {
      const known = await this.knownDeliveryIds(rows.map((row) => row.deliveryId));
      const fresh = rows.filter((row) => !known.has(row.deliveryId));
      if (fresh.length === 0) return [];
      try {
        await query().createMany({ data: fresh });
        return fresh.map((row) => row.deliveryId);
      } catch {
        const added: number[] = [];
        for (const row of fresh) {
          try {
            await query().create({ data: row });
            added.push(row.deliveryId);
          } catch (error) {
            if (!(await this.knownDeliveryIds([row.deliveryId])).has(row.deliveryId)) throw error;
          }
        }
        return added;
      }
    },

    /** Claims due rows for `owner` (see claimLeased); the claimed rows' due time moves to the lease's end. */
    claimDue: (claim: { owner: string; leaseMs: number; limit: number }) =>
      claimLeased(strapi, {
        uid: DELIVERY_STAT_UID,
        dueAttribute: 'nextCollectAt',
        pushDue: true,
        ...claim,
      }),

    /** Takes the lease of these rows where nobody holds it (a refresh, the rebuild); answers the ids held. */
    lease: (ids: number[], owner: string, leaseMs: number) =>
      leaseRows(strapi, DELIVERY_STAT_UID, ids, owner, leaseMs),

    /** The rows `owner` holds among these, oldest due first. */
    findHeld: (ids: number[], owner: string): Promise<DeliveryStatRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : query().findMany({ where: { id: { $in: ids }, leaseOwner: owner }, orderBy: [{ id: 'asc' }] }),

    /** Writes while `owner` holds the lease, and gives it back; false when the lease was lost. */
    async settle(id: number, owner: string, data: Record<string, unknown>): Promise<boolean> {
      return (await updateIf({ id, leaseOwner: owner }, { ...data, leaseOwner: null, leaseUntil: null })) > 0;
    },

    /** Gives held rows back, due at `nextCollectAt` (null keeps their due time as it is). */
    async release(ids: number[], owner: string, nextCollectAt?: Date): Promise<void> {
      if (ids.length === 0) return;
      await updateIf(
        { id: { $in: ids }, leaseOwner: owner },
        { leaseOwner: null, leaseUntil: null, ...(nextCollectAt && { nextCollectAt }) }
      );
    },

    /** The account cannot be asked before `until`: its rows nobody holds wait until then. */
    async deferAccount(accountId: number, until: Date): Promise<void> {
      await updateIf(
        { accountId, leaseOwner: null, nextCollectAt: { $notNull: true, $lt: until } },
        { nextCollectAt: until }
      );
    },

    setFollowersAtPublish: (ids: number[], followers: number) =>
      updateIf({ id: { $in: ids }, followersAtPublish: null }, { followersAtPublish: followers }),

    findByPost: (postDocumentId: string): Promise<DeliveryStatRow[]> =>
      query().findMany({ where: { postDocumentId }, orderBy: [{ postedAt: 'asc' }, { id: 'asc' }] }),

    findByDeliveryIds: (deliveryIds: number[]): Promise<DeliveryStatRow[]> =>
      query().findMany({ where: { deliveryId: { $in: deliveryIds } } }),

    findByIds: (ids: number[]): Promise<DeliveryStatRow[]> =>
      query().findMany({ where: { id: { $in: ids } } }),

    /**
     * A page (by id) of the rows posted since `postedSince`, collected since `collectedSince` or of
     * one of `campaigns` (null: no campaign) when given: what the nightly rebuild goes through.
     */
    pageForRebuild(
      filter: { afterId: number; postedSince: Date; collectedSince?: Date; campaigns?: Array<string | null> },
      limit: number
    ): Promise<Pick<DeliveryStatRow, 'id' | 'deliveryId' | 'timeZone'>[]> {
      const named = (filter.campaigns ?? []).filter((id): id is string => id !== null);
      const which = [
        ...(filter.collectedSince ? [{ lastCollectedAt: { $gte: filter.collectedSince } }] : []),
        ...(named.length > 0 ? [{ campaignDocumentId: { $in: named } }] : []),
        ...(filter.campaigns?.includes(null) ? [{ campaignDocumentId: { $null: true } }] : []),
      ];
      return query().findMany({
        where: {
          id: { $gt: filter.afterId },
          postedAt: { $gte: filter.postedSince },
          ...(which.length > 0 && { $or: which }),
        },
        select: ['id', 'deliveryId', 'timeZone'],
        orderBy: [{ id: 'asc' }],
        limit,
      });
    },

    /** The time zones the rows posted since `postedSince` are dated in, per campaign (null: none). */
    async zonesByCampaign(
      postedSince: Date
    ): Promise<Array<{ campaignDocumentId: string | null; timeZone: string }>> {
      const { table, column } = modelOf(strapi, DELIVERY_STAT_UID);
      const rows = await strapi.db
        .connection(table)
        .select({ campaignDocumentId: column('campaignDocumentId'), timeZone: column('timeZone') })
        .where(column('postedAt'), '>=', postedSince)
        .groupBy(column('campaignDocumentId'), column('timeZone'));
      return rows.map((row: any) => ({
        campaignDocumentId: row.campaignDocumentId ?? null,
        timeZone: row.timeZone,
      }));
    },

    /** Dates a campaign's rows posted since `postedSince` in another time zone (the rebuild re-dates their rollups). */
    setZone: (campaignDocumentId: string | null, timeZone: string, postedSince: Date) =>
      updateIf(
        {
          campaignDocumentId: campaignDocumentId === null ? { $null: true } : campaignDocumentId,
          postedAt: { $gte: postedSince },
          timeZone: { $ne: timeZone },
        },
        { timeZone }
      ),
  };
};

export type DeliveryStatsRepository = ReturnType<typeof deliveryStatsRepository>;
