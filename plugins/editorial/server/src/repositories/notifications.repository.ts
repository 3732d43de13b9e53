/**
 * The only code that touches notifications: one row per person and event, read in the admin and
 * carried by at most one e-mail digest. Taking rows for a digest is one conditional UPDATE
 * (`digest_id IS NULL`), so two instances can never e-mail the same notification.
 */
import type { Core } from '@strapi/strapi';
import { findPage } from '@porte-voix/kit/server';

import { NOTIFICATION_UID } from './uids';

export type NotificationKind = 'submitted' | 'voided' | 'approved' | 'changes_requested';

export type NotificationRow = {
  id: number;
  recipientId: number;
  kind: NotificationKind;
  subjectUid: string;
  subjectDocumentId: string;
  subjectLocale: string;
  title: string | null;
  actorName: string | null;
  comment: string | null;
  readAt: string | null;
  digestId: number | null;
  createdAt: string;
};

export type NewNotification = Pick<
  NotificationRow,
  | 'recipientId'
  | 'kind'
  | 'subjectUid'
  | 'subjectDocumentId'
  | 'subjectLocale'
  | 'title'
  | 'actorName'
  | 'comment'
>;

export const notificationsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(NOTIFICATION_UID as any);
  /** Still to e-mail: unread (read in the admin already, it is not e-mailed), in no digest, older than `until`. */
  const pending = (until: Date) => ({ digestId: null, readAt: null, createdAt: { $lte: until } });

  return {
    async createMany(rows: NewNotification[]): Promise<void> {
      if (rows.length > 0) await query().createMany({ data: rows });
    },

    /** One person's notifications, newest first; `unread` only those not read yet. */
    page: (recipientId: number, options: { unread: boolean; page: number; pageSize: number }) =>
      findPage<NotificationRow>(query(), {
        where: { recipientId, ...(options.unread && { readAt: null }) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        page: options.page,
        pageSize: options.pageSize,
      }),

    unreadCount: (recipientId: number): Promise<number> =>
      query().count({ where: { recipientId, readAt: null } }),

    /** Marks some (or all) of one person's notifications read; never another person's. */
    async markRead(recipientId: number, ids: number[] | 'all', at: Date): Promise<number> {
      const { count } = await query().updateMany({
        where: { recipientId, readAt: null, ...(ids !== 'all' && { id: { $in: ids } }) },
        data: { readAt: at },
      });
      return count;
    },

    /** Who has something to e-mail (at most `limit` people per run). */
    async recipientsWithPending(until: Date, limit: number): Promise<number[]> {
      const rows = await query().findMany({
        where: pending(until),
        select: ['recipientId'],
        orderBy: [{ id: 'asc' }],
        limit: limit * 20,
      });
      return [...new Set(rows.map((row: any) => row.recipientId as number))].slice(0, limit);
    },

    /** Gives one person's pending notifications to a digest, atomically: each row goes to one digest only. */
    async claimFor(digestId: number, recipientId: number, until: Date): Promise<NotificationRow[]> {
      await query().updateMany({ where: { recipientId, ...pending(until) }, data: { digestId } });
      return query().findMany({ where: { digestId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    },

    /** Back to pending (the digest could not be sent): the next period carries them. */
    async release(digestIds: number[]): Promise<void> {
      if (digestIds.length > 0)
        await query().updateMany({ where: { digestId: { $in: digestIds } }, data: { digestId: null } });
    },
  };
};
