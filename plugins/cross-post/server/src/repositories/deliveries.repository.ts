/**
 * The only code that touches deliveries: the ORM for what it does atomically, raw SQL for what it
 * cannot. Claims are one statement, so two instances can never hold the same delivery: a
 * conditional UPDATE … RETURNING (SQLite serialises writers), with `FOR UPDATE SKIP LOCKED` on
 * PostgreSQL and MySQL/MariaDB so instances skip each other's rows instead of waiting. "Due" and
 * "expired" are judged by the database's clock, the one all instances share: an instance whose clock
 * runs ahead must not take a lease another instance still holds. Tested on SQLite, PostgreSQL and
 * MariaDB. Every write made while publishing is conditional on the lease: a recovered delivery
 * belongs to someone else.
 */
import type { Core } from '@strapi/strapi';
import { clockBindings, databaseNow, rowsChanged } from '@porte-voix/kit/server';

import { accountWaitColumns } from './accounts.repository';
import { DELIVERY_UID } from './uids';

export type ClaimedDelivery = { id: number; status: string };

function tables(strapi: Core.Strapi) {
  const d = strapi.db.metadata.get(DELIVERY_UID);
  const accounts = accountWaitColumns(strapi);
  const col = (meta: typeof d, name: string) => (meta.attributes[name] as any).columnName ?? name;
  return {
    deliveries: d.tableName,
    accounts: accounts.table,
    id: 'id',
    status: col(d, 'status'),
    nextAttemptAt: col(d, 'nextAttemptAt'),
    accountId: col(d, 'accountId'),
    leaseOwner: col(d, 'leaseOwner'),
    leaseUntil: col(d, 'leaseUntil'),
    postDocumentId: col(d, 'postDocumentId'),
    scheduledAt: col(d, 'scheduledAt'),
    text: col(d, 'text'),
    firstAttemptAt: col(d, 'firstAttemptAt'),
    updatedAt: col(d, 'updatedAt'),
    rateLimitedUntil: accounts.rateLimitedUntil,
  };
}

/**
 * `handed`: scheduled on the network itself (WordPress `future`, YouTube `publishAt`); claimed at its
 * time to confirm that it went public. It keeps its status when claimed, as `unconfirmed` does: both
 * are looked up, never sent.
 */
const CLAIMABLE = ['scheduled', 'retrying', 'unconfirmed', 'handed'];
const SQL_CLAIMABLE = CLAIMABLE.map((s) => `'${s}'`).join(',');

/** Due deliveries whose account is not waiting and that nobody holds. */
function dueCondition(t: ReturnType<typeof tables>, alias: string, now: string) {
  return `${alias}.${t.status} IN (${SQL_CLAIMABLE})
      AND ${alias}.${t.nextAttemptAt} <= ${now}
      AND (${alias}.${t.leaseUntil} IS NULL OR ${alias}.${t.leaseUntil} < ${now})
      AND NOT EXISTS (SELECT 1 FROM ${t.accounts} a WHERE a.id = ${alias}.${t.accountId} AND a.${t.rateLimitedUntil} > ${now})`;
}

/**
 * The due deliveries a claim may take, in the order they were asked for (`scheduledAt`: a delivery
 * given back while its account waited keeps its place in line), at most `perAccount` per account
 * counting those `owner` already holds: one account's backlog never fills a claim while another
 * account has posts due.
 */
function fairDue(t: ReturnType<typeof tables>, now: string) {
  return `SELECT r.id FROM (
      SELECT d.id, d.${t.scheduledAt} AS asked, d.${t.nextAttemptAt} AS due_at,
        ROW_NUMBER() OVER (PARTITION BY d.${t.accountId} ORDER BY d.${t.scheduledAt}, d.${t.nextAttemptAt}, d.id)
          + (SELECT COUNT(*) FROM ${t.deliveries} h
             WHERE h.${t.accountId} = d.${t.accountId} AND h.${t.status} = 'publishing' AND h.${t.leaseOwner} = :owner) AS place
      FROM ${t.deliveries} d WHERE ${dueCondition(t, 'd', now)}) r
    WHERE r.place <= :perAccount`;
}

/**
 * Claims up to `limit` due deliveries for `owner` for `leaseMs` (from the database's now), oldest
 * asked first and at most `perAccount` per account (see fairDue); unconfirmed ones keep their status
 * (they are looked up, not sent).
 */
async function claimDueDeliveries(
  strapi: Core.Strapi,
  {
    owner,
    leaseMs,
    limit,
    perAccount = limit,
  }: { owner: string; leaseMs: number; limit: number; perAccount?: number }
): Promise<ClaimedDelivery[]> {
  const t = tables(strapi);
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const now = databaseNow(client);
  const until = databaseNow(client, 'leaseMs');
  const set = `${t.status} = CASE WHEN ${t.status} IN ('unconfirmed','handed') THEN ${t.status} ELSE 'publishing' END,
      ${t.leaseOwner} = :owner, ${t.leaseUntil} = ${until}, ${t.updatedAt} = ${now}`;
  const bindings = { owner, leaseMs, limit, perAccount, ...clockBindings() };
  const order = `d.${t.scheduledAt}, d.${t.nextAttemptAt}, d.id`;

  if (client === 'postgres') {
    // The due condition again on the locked rows: a row another instance claimed meanwhile is re-read
    // after its lock and no longer due.
    const result = await knex.raw(
      `WITH due AS (
         SELECT d.id FROM ${t.deliveries} d
         WHERE d.id IN (${fairDue(t, now)}) AND ${dueCondition(t, 'd', now)}
         ORDER BY ${order} LIMIT :limit FOR UPDATE OF d SKIP LOCKED)
       UPDATE ${t.deliveries} SET ${set} FROM due WHERE ${t.deliveries}.id = due.id
       RETURNING ${t.deliveries}.id, ${t.deliveries}.${t.status} AS status`,
      bindings
    );
    return result.rows.map((r: any) => ({ id: Number(r.id), status: r.status }));
  }

  if (client === 'mysql') {
    // No UPDATE … RETURNING: lock, then update the locked rows, in one transaction. READ COMMITTED
    // so the scan does not also lock the rows and gaps it passed over (other instances skip those).
    return knex.transaction(
      async (trx) => {
        const [fair] = await trx.raw(fairDue(t, now), bindings);
        if (fair.length === 0) return [];
        const candidates = fair.map((r: any) => Number(r.id));
        const [rows] = await trx.raw(
          `SELECT d.id, d.${t.status} AS status FROM ${t.deliveries} d
           WHERE d.id IN (${candidates.join(',')}) AND ${dueCondition(t, 'd', now)}
           ORDER BY ${order} LIMIT :limit FOR UPDATE SKIP LOCKED`,
          bindings
        );
        if (rows.length === 0) return [];
        const ids = rows.map((r: any) => Number(r.id));
        await trx.raw(`UPDATE ${t.deliveries} SET ${set} WHERE id IN (${ids.join(',')})`, bindings);
        return rows.map((r: any) => ({ id: Number(r.id), status: r.status }));
      },
      { isolationLevel: 'read committed' }
    );
  }

  // SQLite: one writer at a time, so the sub-select and the update cannot interleave with another claim.
  const rows = await knex.raw(
    `UPDATE ${t.deliveries} SET ${set}
     WHERE id IN (SELECT d.id FROM ${t.deliveries} d WHERE d.id IN (${fairDue(t, now)}) ORDER BY ${order} LIMIT :limit)
       AND ${t.status} IN (${SQL_CLAIMABLE})
     RETURNING id, ${t.status} AS status`,
    bindings
  );
  return (rows as any[]).map((r) => ({ id: Number(r.id), status: r.status }));
}

/**
 * Right before a send, in one statement: extends `owner`'s lease to `leaseMs` from the database's
 * now, stores the text about to go out (reconciliation looks for exactly it) and the first attempt's
 * time. False when the lease is no longer `owner`'s (another instance took the delivery back): then
 * nothing is written and nothing may be sent.
 */
async function renewLeaseForSend(
  strapi: Core.Strapi,
  { id, owner, leaseMs, text }: { id: number; owner: string; leaseMs: number; text: string }
): Promise<boolean> {
  const t = tables(strapi);
  const client = strapi.db.dialect.client;
  const result = await strapi.db.connection.raw(
    `UPDATE ${t.deliveries}
     SET ${t.leaseUntil} = ${databaseNow(client, 'leaseMs')}, ${t.text} = :text,
         ${t.firstAttemptAt} = COALESCE(${t.firstAttemptAt}, ${databaseNow(client)})
     WHERE id = :id AND ${t.leaseOwner} = :owner`,
    { id, owner, leaseMs, text, ...clockBindings() }
  );
  return rowsChanged(client, result) > 0;
}

/** Deliveries being published or looked up whose lease ran out by the database's clock. */
async function expiredLeases(strapi: Core.Strapi, limit: number): Promise<number[]> {
  const t = tables(strapi);
  const client = strapi.db.dialect.client;
  const now = databaseNow(client);
  const result = await strapi.db.connection.raw(
    `SELECT id FROM ${t.deliveries}
     WHERE ${t.status} IN ('publishing','unconfirmed','handed') AND ${t.leaseUntil} < ${now}
     ORDER BY ${t.leaseUntil} LIMIT :limit`,
    { limit, ...clockBindings() }
  );
  const rows = client === 'postgres' ? result.rows : client === 'mysql' ? result[0] : result;
  return (rows as any[]).map((r) => Number(r.id));
}

/** When the dispatcher should look again: the earliest due time, pushed back by its account's wait. */
async function nextWakeAt(strapi: Core.Strapi): Promise<Date | null> {
  const t = tables(strapi);
  const result = await strapi.db.connection.raw(
    `SELECT MIN(CASE WHEN a.${t.rateLimitedUntil} > d.${t.nextAttemptAt} THEN a.${t.rateLimitedUntil} ELSE d.${t.nextAttemptAt} END) AS wake
     FROM ${t.deliveries} d LEFT JOIN ${t.accounts} a ON a.id = d.${t.accountId}
     WHERE d.${t.status} IN (${SQL_CLAIMABLE}) AND d.${t.leaseUntil} IS NULL`
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

/** Sending states: a delivery in one of them is still to go out (or to be looked up). */
const PENDING = ['scheduled', 'retrying', 'unconfirmed'];

export const deliveriesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(DELIVERY_UID);
  /** One conditional update; true when it changed the row (the condition still held). */
  const updateIf = async (where: Record<string, unknown>, data: Record<string, unknown>) =>
    (await query().updateMany({ where, data })).count > 0;

  return {
    findById: (id: number): Promise<any> => query().findOne({ where: { id } }),

    findForAccount: (postDocumentId: string, accountId: number): Promise<any> =>
      query().findOne({ where: { postDocumentId, accountId } }),

    findMany: (where: Record<string, unknown>, limit?: number): Promise<any[]> =>
      query().findMany({ where, orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }], ...(limit && { limit }) }),

    findByIds: (ids: number[]): Promise<any[]> => query().findMany({ where: { id: { $in: ids } } }),

    /** The rows of a claim `owner` still holds, in the order they fell due. */
    findHeld: (ids: number[], owner: string): Promise<any[]> =>
      query().findMany({
        where: { id: { $in: ids }, leaseOwner: owner },
        // In the order they were asked for, as claimed: one given back while its account waited goes first.
        orderBy: [{ scheduledAt: 'asc' }, { nextAttemptAt: 'asc' }, { id: 'asc' }],
      }),

    create: (data: Record<string, unknown>): Promise<any> => query().create({ data }),

    /** Published deliveries with a remote id, by id, after `afterId` (the metrics collector's cursor). */
    findPublishedAfter: (afterId: number, limit: number): Promise<any[]> =>
      query().findMany({
        where: { id: { $gt: afterId }, status: 'published', remoteId: { $notNull: true } },
        orderBy: [{ id: 'asc' }],
        limit,
        select: [
          'id',
          'accountId',
          'network',
          'remoteId',
          'url',
          'postDocumentId',
          'campaignDocumentId',
          'publishedAt',
        ],
      }),

    /** The account's published deliveries among these remote ids (what a reply answers). */
    findPublishedByRemoteIds: (accountId: number, remoteIds: string[]): Promise<any[]> =>
      remoteIds.length === 0
        ? Promise.resolve([])
        : query().findMany({
            where: { accountId, status: 'published', remoteId: { $in: remoteIds } },
            select: ['id', 'remoteId', 'url', 'postDocumentId', 'postTitle', 'campaignDocumentId'],
          }),

    /**
     * The remote ids of an account's posts published since a time, oldest first, at most `limit` (the
     * newest ones when there are more): the posts whose comments the inbox reads.
     */
    async publishedRemoteIdsSince(accountId: number, since: Date, limit: number): Promise<string[]> {
      const rows = await query().findMany({
        where: { accountId, status: 'published', remoteId: { $notNull: true }, publishedAt: { $gte: since } },
        select: ['remoteId'],
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        limit,
      });
      return rows.map((row: any) => String(row.remoteId)).sort();
    },

    /** Per account, when it first published (the inbox reads nothing from before). */
    async firstPublishedPerAccount(): Promise<{ accountId: number; publishedAt: Date }[]> {
      const { tableName, attributes } = strapi.db.metadata.get(DELIVERY_UID);
      const col = (name: string) => (attributes[name] as { columnName?: string }).columnName ?? name;
      const rows = await strapi.db
        .connection(tableName)
        .select(`${col('accountId')} as accountId`)
        .min(`${col('publishedAt')} as publishedAt`)
        .where(col('status'), 'published')
        .whereNotNull(col('remoteId'))
        .groupBy(col('accountId'));
      return rows.map((row: any) => ({
        accountId: Number(row.accountId),
        publishedAt:
          typeof row.publishedAt === 'number' || /^\d+$/.test(String(row.publishedAt))
            ? new Date(Number(row.publishedAt))
            : new Date(row.publishedAt),
      }));
    },

    /** Whether the account has something to publish (or look up) now, or a publication under way. */
    async hasDueForAccount(accountId: number, now: Date): Promise<boolean> {
      const due = await query().count({
        where: {
          accountId,
          $or: [{ status: 'publishing' }, { status: { $in: PENDING }, nextAttemptAt: { $lte: now } }],
        },
      });
      return due > 0;
    },

    /** Writes `data` only while the delivery is still in `status` (an editor's change racing the dispatcher). */
    updateIfStatus: (id: number, status: string | string[], data: Record<string, unknown>) =>
      updateIf({ id, status: Array.isArray(status) ? { $in: status } : status }, data),

    /**
     * Pauses what a post's version in `postLocale` still had to send (not what is leaving now: the
     * sender checks the approval again right before sending). Deliveries scheduled with bypass stay.
     */
    async pauseForVersion(postDocumentId: string, postLocale: string): Promise<number> {
      const { count } = await query().updateMany({
        where: {
          postDocumentId,
          postLocale,
          status: { $in: ['scheduled', 'retrying'] },
          bypassApproval: { $ne: true },
        },
        data: {
          status: 'paused',
          failureReason: 'The post changed after it was approved: it waits for a new approval.',
        },
      });
      return count;
    },

    /** Paused deliveries of a version go again, bound to the version just approved; their due time stands. */
    async resumeForVersion(
      postDocumentId: string,
      postLocale: string,
      approvalHash: string
    ): Promise<number> {
      const { count } = await query().updateMany({
        where: { postDocumentId, postLocale, status: 'paused' },
        data: { status: 'scheduled', approvalHash, failureReason: null },
      });
      return count;
    },

    /** Deleting an account cancels what it still had to publish. */
    async cancelForAccount(accountId: number): Promise<void> {
      await query().updateMany({
        where: { accountId, status: { $in: PENDING } },
        data: { status: 'cancelled', failureReason: 'The account was deleted.', nextAttemptAt: null },
      });
    },

    /** Extends `owner`'s lease and stores the text about to be sent; false when the lease was lost. */
    renewLeaseForSend: (send: { id: number; owner: string; leaseMs: number; text: string }) =>
      renewLeaseForSend(strapi, send),

    /**
     * A success that came back after the lease was lost: the post is online, so it is recorded
     * whoever holds the delivery now (their lookup or re-send would only find or repeat it).
     */
    recordLateSuccess: (id: number, data: Record<string, unknown>) =>
      updateIf({ id, status: { $ne: 'published' } }, { ...data, leaseOwner: null, leaseUntil: null }),

    /** Writes what a publication in steps did so far (`PublishProgress`), keeping the lease, only while `owner` holds it. */
    saveProviderState: (id: number, owner: string, providerState: Record<string, unknown>) =>
      updateIf({ id, leaseOwner: owner }, { providerState }),

    /** Writes the outcome and gives the lease back, only while `owner` still holds it. */
    settle: (id: number, owner: string, data: Record<string, unknown>) =>
      updateIf({ id, leaseOwner: owner }, { ...data, leaseOwner: null, leaseUntil: null }),

    /** `settle` for many deliveries at once (those `owner` no longer holds are left as they are). */
    settleMany: async (ids: number[], owner: string, data: Record<string, unknown>): Promise<number> =>
      ids.length === 0
        ? 0
        : (
            await query().updateMany({
              where: { id: { $in: ids }, leaseOwner: owner },
              data: { ...data, leaseOwner: null, leaseUntil: null },
            })
          ).count,

    /** Takes back a lease that ran out (the same `leaseUntil` proves nobody recovered it meanwhile). */
    recoverLease: (id: number, leaseUntil: unknown, data: Record<string, unknown>, status?: string) =>
      updateIf(
        { id, leaseUntil, ...(status && { status }) },
        { ...data, leaseOwner: null, leaseUntil: null }
      ),

    claimDue: (claim: { owner: string; leaseMs: number; limit: number; perAccount?: number }) =>
      claimDueDeliveries(strapi, claim),
    expiredLeases: (limit: number) => expiredLeases(strapi, limit),
    nextWakeAt: () => nextWakeAt(strapi),
  };
};

export type DeliveriesRepository = ReturnType<typeof deliveriesRepository>;
