/**
 * The only code that touches e-mail digests. One row per person and period, by a unique index: the
 * instance that inserts it sends that person's digest for the period; any other finds it taken.
 */
import type { Core } from '@strapi/strapi';

import { DIGEST_UID } from './uids';

export type DigestRow = {
  id: number;
  recipientId: number;
  period: string;
  notificationCount: number;
  sentAt: string | null;
  failedAt: string | null;
  createdAt: string;
};

export const digestsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(DIGEST_UID as any);

  return {
    /** This person's digest for this period, or null when it is already taken (by this or another instance). */
    async take(recipientId: number, period: string): Promise<DigestRow | null> {
      try {
        return await query().create({ data: { recipientId, period, notificationCount: 0 } });
      } catch (error) {
        if (await query().findOne({ where: { recipientId, period } })) return null;
        throw error;
      }
    },

    sent: (id: number, count: number, at: Date) =>
      query().update({ where: { id }, data: { sentAt: at, notificationCount: count } }),

    failed: (ids: number[], at: Date, error: string) =>
      query().updateMany({
        where: { id: { $in: ids } },
        data: { failedAt: at, error: error.slice(0, 2000) },
      }),

    /** Digests taken but neither sent nor failed before `before`: their instance stopped half-way. */
    async abandoned(before: Date): Promise<number[]> {
      const rows = await query().findMany({
        where: { sentAt: null, failedAt: null, createdAt: { $lt: before } },
        select: ['id'],
        limit: 500,
      });
      return rows.map((row: any) => row.id as number);
    },
  };
};
