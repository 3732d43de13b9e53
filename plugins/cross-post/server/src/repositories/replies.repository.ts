/**
 * The only code that touches replies sent as an account. A reply is created once per idempotency
 * key (a unique index: a double click or a second instance finds the first row), and sent by whoever
 * takes its lease, in one conditional statement judged by the database's clock, so two instances
 * never send the same reply at once. Tested on SQLite and PostgreSQL.
 */
import type { Core } from '@strapi/strapi';
import { clockBindings, databaseNow, modelOf, rowsChanged } from '@porte-voix/kit/server';

import type { AnswerFailureKind } from '@porte-voix/kit/contracts';

import { REPLY_UID } from './uids';

export type ReplyRow = {
  id: number;
  accountId: number;
  network: string;
  inReplyTo: string;
  text: string;
  language: string | null;
  status: 'sending' | 'sent' | 'failed' | 'unconfirmed' | 'deleted';
  idempotencyKey: string;
  remoteId: string | null;
  url: string | null;
  failureReason: string | null;
  failureKind: AnswerFailureKind | null;
  attemptCount: number;
  firstAttemptAt: string | Date | null;
  sentAt: string | Date | null;
  requestedBy: string | null;
  /** The steps an attempt already took on the network (Threads' reply container), for the next one. */
  providerState: Record<string, unknown> | null;
  createdAt: string | Date;
};

export type NewReply = Pick<
  ReplyRow,
  'accountId' | 'network' | 'inReplyTo' | 'text' | 'language' | 'idempotencyKey' | 'requestedBy'
>;

export const repliesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(REPLY_UID);
  return {
    findByKey: (idempotencyKey: string): Promise<ReplyRow | null> =>
      query().findOne({ where: { idempotencyKey } }),

    findById: (id: number): Promise<ReplyRow | null> => query().findOne({ where: { id } }),

    /** Which of these remote ids are the account's own answers (sent, or deleted since). */
    async remoteIdsAmong(accountId: number, remoteIds: string[]): Promise<string[]> {
      if (remoteIds.length === 0) return [];
      const rows: Pick<ReplyRow, 'remoteId'>[] = await query().findMany({
        where: { accountId, remoteId: { $in: remoteIds } },
        select: ['remoteId'],
      });
      return rows.map((row) => String(row.remoteId));
    },

    /** The replies sent (or being sent) under a remote post or reply, oldest first. */
    underParent: (accountId: number, inReplyTo: string): Promise<ReplyRow[]> =>
      query().findMany({ where: { accountId, inReplyTo }, orderBy: [{ id: 'asc' }] }),

    /** The row of this key: the existing one, or a new one in `sending`. */
    async findOrCreate(reply: NewReply): Promise<ReplyRow> {
      const existing = await query().findOne({ where: { idempotencyKey: reply.idempotencyKey } });
      if (existing) return existing;
      try {
        return await query().create({ data: { ...reply, status: 'sending', attemptCount: 0 } });
      } catch (error) {
        // The unique key: another request created it meanwhile.
        const created = await query().findOne({ where: { idempotencyKey: reply.idempotencyKey } });
        if (created) return created;
        throw error;
      }
    },

    /**
     * Takes the reply for one send by `owner`, for `leaseMs` from the database's now, when it is still
     * to be sent (or to be tried again) and nobody holds it; never a `sending` reply that was armed
     * (its request may have left). False otherwise. The attempt is counted by `armForSend`.
     */
    async take(id: number, owner: string, leaseMs: number, statuses: ReplyRow['status'][]): Promise<boolean> {
      const { table, column: c } = modelOf(strapi, REPLY_UID);
      const client = strapi.db.dialect.client;
      const now = databaseNow(client);
      const result = await strapi.db.connection.raw(
        `UPDATE ${table} SET ${c('leaseOwner')} = :owner, ${c('leaseUntil')} = ${databaseNow(client, 'leaseMs')}
         WHERE id = :id AND ${c('status')} IN (${statuses.map((s) => `'${s}'`).join(',')})
           AND (${c('status')} <> 'sending' OR ${c('firstAttemptAt')} IS NULL)
           AND (${c('leaseUntil')} IS NULL OR ${c('leaseUntil')} < ${now})`,
        { id, owner, leaseMs, ...clockBindings() }
      );
      return rowsChanged(client, result) > 0;
    },

    /**
     * Right before the request, in one statement: checks that `owner` still holds the reply, extends
     * its lease, counts the attempt and records the first attempt's time, and marks it `sending`, the
     * status that says a request may have left. False when the lease was lost: nothing is sent.
     */
    async armForSend(id: number, owner: string, leaseMs: number): Promise<boolean> {
      const { table, column: c } = modelOf(strapi, REPLY_UID);
      const client = strapi.db.dialect.client;
      const result = await strapi.db.connection.raw(
        `UPDATE ${table} SET ${c('status')} = 'sending', ${c('leaseUntil')} = ${databaseNow(client, 'leaseMs')},
           ${c('attemptCount')} = ${c('attemptCount')} + 1,
           ${c('firstAttemptAt')} = COALESCE(${c('firstAttemptAt')}, ${databaseNow(client)})
         WHERE id = :id AND ${c('leaseOwner')} = :owner`,
        { id, owner, leaseMs, ...clockBindings() }
      );
      return rowsChanged(client, result) > 0;
    },

    /**
     * A send whose lease ran out after its request may have left (its instance died, or fell behind):
     * `unconfirmed`, lease cleared, so that nobody re-sends it blindly. A reply that never got that far
     * (no first attempt) is left to be taken again. True if this call recorded it.
     */
    async giveUpAbandonedSend(
      id: number,
      failure: { failureReason: string; failureKind: AnswerFailureKind }
    ): Promise<boolean> {
      const { table, column: c } = modelOf(strapi, REPLY_UID);
      const client = strapi.db.dialect.client;
      const { failureReason, failureKind } = failure;
      const result = await strapi.db.connection.raw(
        `UPDATE ${table} SET ${c('status')} = 'unconfirmed', ${c('failureReason')} = :failureReason,
           ${c('failureKind')} = :failureKind, ${c('leaseOwner')} = NULL, ${c('leaseUntil')} = NULL
         WHERE id = :id AND ${c('status')} = 'sending' AND ${c('firstAttemptAt')} IS NOT NULL
           AND ${c('leaseUntil')} < ${databaseNow(client)}`,
        { id, failureReason, failureKind, ...clockBindings() }
      );
      return rowsChanged(client, result) > 0;
    },

    /** Marks a sent answer deleted from its network; false when it was not (or no longer) sent. */
    async markDeleted(id: number): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id, status: 'sent' },
        data: { status: 'deleted', deletedAt: new Date() },
      });
      return count > 0;
    },

    /** Keeps the steps taken on the network so far, only while `owner` holds the lease; true if it did. */
    async saveProgress(id: number, owner: string, providerState: Record<string, unknown>): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id, leaseOwner: owner },
        data: { providerState },
      });
      return count > 0;
    },

    /** Writes the outcome and gives the lease back, only while `owner` holds it. */
    async settle(id: number, owner: string, data: Partial<ReplyRow>): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id, leaseOwner: owner },
        data: { ...data, leaseOwner: null, leaseUntil: null },
      });
      return count > 0;
    },

    /**
     * A success that came back after the lease was lost (the row was given up as `unconfirmed`): the
     * answer is online, so it is recorded whoever holds the row now.
     */
    async recordLateSuccess(id: number, data: Partial<ReplyRow>): Promise<void> {
      await query().updateMany({
        where: { id, status: { $notIn: ['sent', 'deleted'] } },
        data: { ...data, leaseOwner: null, leaseUntil: null },
      });
    },
  };
};

export type RepliesRepository = ReturnType<typeof repliesRepository>;
