/**
 * The only raw SQL of the plugin: what the ORM cannot do atomically. Claims are one statement, so
 * two instances can never hold the same delivery: a conditional UPDATE … RETURNING (SQLite
 * serialises writers), with `FOR UPDATE SKIP LOCKED` on PostgreSQL and MySQL so instances skip each
 * other's rows instead of waiting. Tested on SQLite and PostgreSQL.
 */
import type { Core } from '@strapi/strapi';

import { ACCOUNT_UID, DELIVERY_UID } from './uids';

export type ClaimedDelivery = { id: number; status: string };

function tables(strapi: Core.Strapi) {
  const d = strapi.db.metadata.get(DELIVERY_UID);
  const a = strapi.db.metadata.get(ACCOUNT_UID);
  const col = (meta: typeof d, name: string) => (meta.attributes[name] as any).columnName ?? name;
  return {
    deliveries: d.tableName,
    accounts: a.tableName,
    id: 'id',
    status: col(d, 'status'),
    nextAttemptAt: col(d, 'nextAttemptAt'),
    accountId: col(d, 'accountId'),
    leaseOwner: col(d, 'leaseOwner'),
    leaseUntil: col(d, 'leaseUntil'),
    postDocumentId: col(d, 'postDocumentId'),
    updatedAt: col(d, 'updatedAt'),
    rateLimitedUntil: col(a, 'rateLimitedUntil'),
  };
}

const CLAIMABLE = ['scheduled', 'retrying', 'unconfirmed'];

/** Due deliveries whose account is not waiting and that nobody holds. */
function dueCondition(t: ReturnType<typeof tables>, alias: string) {
  return `${alias}.${t.status} IN ('scheduled','retrying','unconfirmed')
      AND ${alias}.${t.nextAttemptAt} <= :now
      AND (${alias}.${t.leaseUntil} IS NULL OR ${alias}.${t.leaseUntil} < :now)
      AND NOT EXISTS (SELECT 1 FROM ${t.accounts} a WHERE a.id = ${alias}.${t.accountId} AND a.${t.rateLimitedUntil} > :now)`;
}

/** Claims up to `limit` due deliveries for `owner` until `leaseUntil`; unconfirmed ones keep their status (they are looked up, not sent). */
export async function claimDueDeliveries(
  strapi: Core.Strapi,
  { owner, now, leaseUntil, limit }: { owner: string; now: Date; leaseUntil: Date; limit: number }
): Promise<ClaimedDelivery[]> {
  const t = tables(strapi);
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const set = `${t.status} = CASE WHEN ${t.status} = 'unconfirmed' THEN 'unconfirmed' ELSE 'publishing' END,
      ${t.leaseOwner} = :owner, ${t.leaseUntil} = :leaseUntil, ${t.updatedAt} = :now`;
  const bindings = { owner, now, leaseUntil, limit };

  if (client === 'postgres') {
    const result = await knex.raw(
      `WITH due AS (
         SELECT d.id FROM ${t.deliveries} d WHERE ${dueCondition(t, 'd')}
         ORDER BY d.${t.nextAttemptAt} LIMIT :limit FOR UPDATE OF d SKIP LOCKED)
       UPDATE ${t.deliveries} SET ${set} FROM due WHERE ${t.deliveries}.id = due.id
       RETURNING ${t.deliveries}.id, ${t.deliveries}.${t.status} AS status`,
      bindings
    );
    return result.rows.map((r: any) => ({ id: Number(r.id), status: r.status }));
  }

  if (client === 'mysql') {
    // No RETURNING: lock, then update the locked rows, in one transaction.
    return knex.transaction(async (trx) => {
      const [rows] = await trx.raw(
        `SELECT d.id, d.${t.status} AS status FROM ${t.deliveries} d WHERE ${dueCondition(t, 'd')}
         ORDER BY d.${t.nextAttemptAt} LIMIT :limit FOR UPDATE SKIP LOCKED`,
        bindings
      );
      if (rows.length === 0) return [];
      await trx(t.deliveries)
        .whereIn(
          'id',
          rows.map((r: any) => r.id)
        )
        .update({
          [t.status]: trx.raw(
            `CASE WHEN ${t.status} = 'unconfirmed' THEN 'unconfirmed' ELSE 'publishing' END`
          ),
          [t.leaseOwner]: owner,
          [t.leaseUntil]: leaseUntil,
          [t.updatedAt]: now,
        });
      return rows.map((r: any) => ({ id: Number(r.id), status: r.status }));
    });
  }

  // SQLite: one writer at a time, so the sub-select and the update cannot interleave with another claim.
  const rows = await knex.raw(
    `UPDATE ${t.deliveries} SET ${set}
     WHERE id IN (SELECT d.id FROM ${t.deliveries} d WHERE ${dueCondition(t, 'd')} ORDER BY d.${t.nextAttemptAt} LIMIT :limit)
       AND ${t.status} IN (${CLAIMABLE.map((s) => `'${s}'`).join(',')})
     RETURNING id, ${t.status} AS status`,
    bindings
  );
  return (rows as any[]).map((r) => ({ id: Number(r.id), status: r.status }));
}

/** When the dispatcher should look again: the earliest due time, pushed back by its account's wait. */
export async function nextWakeAt(strapi: Core.Strapi): Promise<Date | null> {
  const t = tables(strapi);
  const result = await strapi.db.connection.raw(
    `SELECT MIN(CASE WHEN a.${t.rateLimitedUntil} > d.${t.nextAttemptAt} THEN a.${t.rateLimitedUntil} ELSE d.${t.nextAttemptAt} END) AS wake
     FROM ${t.deliveries} d LEFT JOIN ${t.accounts} a ON a.id = d.${t.accountId}
     WHERE d.${t.status} IN ('scheduled','retrying','unconfirmed') AND d.${t.leaseUntil} IS NULL`
  );
  const row =
    strapi.db.dialect.client === 'postgres'
      ? result.rows[0]
      : strapi.db.dialect.client === 'mysql'
        ? result[0][0]
        : result[0];
  const wake = row?.wake;
  if (wake === null || wake === undefined) return null;
  return new Date(typeof wake === 'number' || /^\d+$/.test(String(wake)) ? Number(wake) : wake);
}
