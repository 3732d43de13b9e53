/**
 * Leases on rows, so that several instances share work without doing any of it twice: a due row
 * nobody holds is claimed for one owner for a while, in one statement (SQLite serialises writers;
 * `FOR UPDATE SKIP LOCKED` on PostgreSQL and MySQL/MariaDB, so instances skip each other's rows
 * instead of waiting). "Due" and "expired" are judged by the database's clock, the one all instances
 * share, never by an instance's. Used by every collector: engagement's metrics, moderation's inbox and
 * listening sources. Tested on SQLite, PostgreSQL and MariaDB.
 */
import type { Core } from '@strapi/strapi';

import { clockBindings, databaseNow } from './database-clock';
import { modelOf } from './model';
import { clientOf, rowsOf } from './raw-results';

export type LeaseClaim = {
  uid: string;
  /** The datetime attribute that says when the row is due (null: never). */
  dueAttribute: string;
  owner: string;
  leaseMs: number;
  limit: number;
  /** Further conditions on the row (alias `t`), with their named bindings. */
  where?: { sql: string; bindings: Record<string, unknown> };
  /**
   * Moves the due time to the end of the lease as well: while held, the row is out of the due
   * range (the claim's index scan skips it), and if the instance dies it falls due when the lease
   * runs out.
   */
  pushDue?: boolean;
};

/**
 * The statements of a claim on this dialect: `select` finds and locks the due rows (MySQL runs it
 * then `update` on what it found); PostgreSQL and SQLite run `claim`, both in one statement.
 * Exposed so the benchmark can print their query plans.
 */
export function claimStatements(strapi: Core.Strapi, claim: LeaseClaim) {
  const client = clientOf(strapi);
  const model = modelOf(strapi, claim.uid);
  const t = model.table;
  const due = model.column(claim.dueAttribute);
  const leaseOwner = model.column('leaseOwner');
  const leaseUntil = model.column('leaseUntil');
  const now = databaseNow(client);
  const until = databaseNow(client, 'leaseMs');
  const condition = `t.${due} <= ${now} AND (t.${leaseUntil} IS NULL OR t.${leaseUntil} < ${now})${
    claim.where ? ` AND (${claim.where.sql})` : ''
  }`;
  const set = `${leaseOwner} = :owner, ${leaseUntil} = ${until}${claim.pushDue ? `, ${due} = ${until}` : ''}`;
  const bindings = {
    owner: claim.owner,
    leaseMs: claim.leaseMs,
    limit: claim.limit,
    ...clockBindings(),
    ...claim.where?.bindings,
  };
  const claimSql =
    client === 'postgres'
      ? `WITH due AS (
           SELECT t.id FROM ${t} t WHERE ${condition}
           ORDER BY t.${due} LIMIT :limit FOR UPDATE OF t SKIP LOCKED)
         UPDATE ${t} SET ${set} FROM due WHERE ${t}.id = due.id
         RETURNING ${t}.id`
      : // SQLite: one writer at a time, so the sub-select and the update cannot interleave with another claim.
        `UPDATE ${t} SET ${set}
         WHERE id IN (SELECT t.id FROM ${t} t WHERE ${condition} ORDER BY t.${due} LIMIT :limit)
         RETURNING id`;
  return {
    bindings,
    claim: claimSql,
    select: `SELECT t.id FROM ${t} t WHERE ${condition} ORDER BY t.${due} LIMIT :limit FOR UPDATE SKIP LOCKED`,
    update: (ids: number[]) => `UPDATE ${t} SET ${set} WHERE id IN (${ids.map(Number).join(',')})`,
  };
}

/**
 * Claims up to `limit` due rows nobody holds, for `owner`, for `leaseMs` from the database's now,
 * and answers their ids. One statement (SQLite serialises writers), with `FOR UPDATE SKIP LOCKED`
 * on PostgreSQL and MySQL/MariaDB so that instances skip each other's rows instead of waiting: two
 * instances never hold the same row.
 */
export async function claimLeased(strapi: Core.Strapi, claim: LeaseClaim): Promise<number[]> {
  const client = clientOf(strapi);
  const statements = claimStatements(strapi, claim);
  const knex = strapi.db.connection;

  if (client === 'mysql') {
    // No UPDATE … RETURNING: lock, then update the locked rows, in one transaction. READ COMMITTED
    // so the scan does not also lock the rows and gaps it passed over (other instances skip those).
    return knex.transaction(
      async (trx) => {
        const [rows] = await trx.raw(statements.select, statements.bindings);
        if (rows.length === 0) return [];
        const ids = rows.map((row: any) => Number(row.id));
        await trx.raw(statements.update(ids), statements.bindings);
        return ids;
      },
      { isolationLevel: 'read committed' }
    );
  }

  const result = await knex.raw(statements.claim, statements.bindings);
  return rowsOf(client, result).map((row: any) => Number(row.id));
}

/**
 * Takes the lease of these rows where nobody holds it (by the database's clock), for `owner`; answers
 * the ids now held. Used to work on rows that are not due (a post's refresh, the nightly rebuild).
 * An owner names one piece of work (see Collector.leaseOwner), so the rows it holds are exactly the
 * ones this call took.
 */
export async function leaseRows(
  strapi: Core.Strapi,
  uid: string,
  ids: number[],
  owner: string,
  leaseMs: number
): Promise<number[]> {
  if (ids.length === 0) return [];
  const client = clientOf(strapi);
  const model = modelOf(strapi, uid);
  const leaseOwner = model.column('leaseOwner');
  const leaseUntil = model.column('leaseUntil');
  const now = databaseNow(client);
  const until = databaseNow(client, 'leaseMs');
  const list = ids.map((id) => Number(id)).join(',');
  await strapi.db.connection.raw(
    `UPDATE ${model.table} SET ${leaseOwner} = :owner, ${leaseUntil} = ${until}
     WHERE id IN (${list}) AND (${leaseUntil} IS NULL OR ${leaseUntil} < ${now})`,
    { owner, leaseMs, ...clockBindings() }
  );
  const held = await strapi.db
    .connection(model.table)
    .select('id')
    .whereIn('id', ids)
    .where(leaseOwner, owner);
  return held.map((row: any) => Number(row.id));
}

/** Keeps rows `owner` holds for another `leaseMs` from the database's now; answers how many it still held. */
export async function renewLease(
  strapi: Core.Strapi,
  uid: string,
  ids: number[],
  owner: string,
  leaseMs: number
): Promise<number> {
  if (ids.length === 0) return 0;
  const client = clientOf(strapi);
  const model = modelOf(strapi, uid);
  const leaseOwner = model.column('leaseOwner');
  const leaseUntil = model.column('leaseUntil');
  await strapi.db.connection.raw(
    `UPDATE ${model.table} SET ${leaseUntil} = ${databaseNow(client, 'leaseMs')}
     WHERE id IN (${ids.map((id) => Number(id)).join(',')}) AND ${leaseOwner} = :owner`,
    { owner, leaseMs, ...clockBindings() }
  );
  const held = await strapi.db
    .connection(model.table)
    .count({ n: '*' })
    .whereIn('id', ids)
    .where(leaseOwner, owner);
  return Number((held[0] as any).n);
}
