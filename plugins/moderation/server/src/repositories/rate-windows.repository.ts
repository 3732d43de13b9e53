import type { Core } from '@strapi/strapi';
import { modelOf } from '@porte-voix/kit/server';

import { RATE_WINDOW_UID } from '../utils/uids';

/**
 * The only code that touches the rate windows: one row per bucket and minute, counted by the
 * database (tested on SQLite, PostgreSQL and MariaDB).
 */
export const rateWindowsRepository = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;
  const table = () => modelOf(strapi, RATE_WINDOW_UID).table;
  const c = (attribute: string) => modelOf(strapi, RATE_WINDOW_UID).column(attribute);

  return {
    /**
     * Takes one of `limit` places in a rate window, or answers false when they are all taken. The
     * database decides, in one conditional UPDATE, so that parallel requests and other instances can
     * never take more places than the limit.
     */
    async takePlace(window: { bucket: string; minute: number; limit: number }): Promise<boolean> {
      await knex()(table())
        .insert({ [c('bucket')]: window.bucket, [c('minute')]: window.minute, [c('hits')]: 0 })
        .onConflict([c('bucket'), c('minute')])
        .ignore();
      const taken = await knex()(table())
        .where(c('bucket'), window.bucket)
        .where(c('minute'), window.minute)
        .where(c('hits'), '<', window.limit)
        .update({ [c('hits')]: knex().raw('?? + 1', [c('hits')]) });
      return Number(taken) === 1;
    },

    /** Forgets the windows that ended before `minute`. */
    async deleteBefore(minute: number): Promise<void> {
      await knex()(table()).where(c('minute'), '<', minute).delete();
    },
  };
};
