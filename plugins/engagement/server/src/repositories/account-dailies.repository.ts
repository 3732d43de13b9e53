/**
 * The only code that touches daily follower rows: an account's followers on one day (the day's
 * last reading) and the change since the previous day that has a reading.
 */
import type { Core } from '@strapi/strapi';
import { modelOf } from '@porte-voix/kit/server';

import { ACCOUNT_DAILY_UID } from '../content-types';
import { readDay } from './report-sql';

export type AccountDailyRow = {
  accountId: number;
  network: string;
  day: string;
  followers: number | null;
  followersChange: number | null;
  capturedAt: string;
};

export const accountDailiesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(ACCOUNT_DAILY_UID);

  return {
    /** Followers per account and day over [from, to], oldest first. */
    async between(range: { from: string; to: string }): Promise<AccountDailyRow[]> {
      const rows = await query().findMany({
        where: { day: { $gte: range.from, $lte: range.to } },
        orderBy: [{ day: 'asc' }, { accountId: 'asc' }],
        limit: 50_000,
      });
      return rows.map((row: any) => ({ ...row, day: readDay(row.day) }));
    },

    /** Followers gained over [from, to] (the sum of measured daily changes; null when none was measured). */
    async gained(range: { from: string; to: string }): Promise<number | null> {
      const model = modelOf(strapi, ACCOUNT_DAILY_UID);
      const change = model.column('followersChange');
      const [row] = await strapi.db
        .connection(model.table)
        .sum({ gained: change })
        .whereBetween(model.column('day'), [range.from, range.to]);
      return row?.gained === null || row?.gained === undefined ? null : Number(row.gained);
    },

    /**
     * Records a reading on its day: the day keeps its latest reading, and its change is counted
     * from the previous day's. A reading older than the one the day holds changes nothing.
     */
    async record(reading: {
      accountId: number;
      network: string;
      day: string;
      followers: number | null;
      capturedAt: Date;
    }) {
      const { accountId, day } = reading;
      const previous = await query().findOne({
        where: { accountId, day: { $lt: day } },
        orderBy: [{ day: 'desc' }],
      });
      const followersChange =
        reading.followers === null || previous?.followers === null || previous?.followers === undefined
          ? null
          : reading.followers - Number(previous.followers);
      const data = {
        network: reading.network,
        followers: reading.followers,
        followersChange,
        capturedAt: reading.capturedAt,
      };
      const update = () =>
        query().updateMany({ where: { accountId, day, capturedAt: { $lte: reading.capturedAt } }, data });
      if ((await query().count({ where: { accountId, day } })) > 0) {
        await update();
        return;
      }
      try {
        await query().create({ data: { accountId, day, ...data } });
      } catch (error) {
        // Another reading created the day meanwhile (the unique index on account and day).
        if ((await query().count({ where: { accountId, day } })) === 0) throw error;
        await update();
      }
    },

    rowsOf: (accountId: number): Promise<AccountDailyRow[]> =>
      query().findMany({ where: { accountId }, orderBy: [{ day: 'asc' }] }),
  };
};

export type AccountDailiesRepository = ReturnType<typeof accountDailiesRepository>;
