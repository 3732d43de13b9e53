import type { Core } from '@strapi/strapi';

import { modelOf } from './model';

/**
 * A repository of rate windows over a model with a unique `windowKey`, `hits` and `expiresAtMs`:
 * one counter per (caller, window), incremented by a single upsert on its unique key, so the
 * database adds one atomically and parallel requests and several instances share one count.
 */
export const rateWindowCounter = (strapi: Core.Strapi, uid: string) => {
  const knex = () => strapi.db.connection;
  const names = () => {
    const { table, column } = modelOf(strapi, uid);
    return {
      table,
      windowKey: column('windowKey'),
      hits: column('hits'),
      expiresAtMs: column('expiresAtMs'),
    };
  };

  return {
    /** Adds one hit to the window and answers the count including it. */
    async hit(windowKey: string, expiresAtMs: number): Promise<number> {
      const { table, ...column } = names();
      const upsert = knex()(table)
        .insert({ [column.windowKey]: windowKey, [column.hits]: 1, [column.expiresAtMs]: expiresAtMs })
        .onConflict(column.windowKey)
        .merge({ [column.hits]: knex().raw('?? + 1', [`${table}.${column.hits}`]) });
      if (strapi.db.dialect.client !== 'mysql') {
        const [row] = await upsert.returning([column.hits]);
        return Number(row[column.hits]);
      }
      // MySQL has no RETURNING: the upsert locks the row until the transaction ends, so the count read
      // back in the same transaction is exactly this hit's.
      return knex().transaction(async (trx) => {
        await upsert.transacting(trx);
        const row = await trx(table)
          .select(column.hits)
          .where({ [column.windowKey]: windowKey })
          .first();
        return Number(row[column.hits]);
      });
    },

    /** Forgets windows that are over. */
    purgeExpired(nowMs: number): Promise<number> {
      const { table, expiresAtMs } = names();
      return knex()(table).where(expiresAtMs, '<', nowMs).delete();
    },
  };
};

export type RateWindowCounter = ReturnType<typeof rateWindowCounter>;
