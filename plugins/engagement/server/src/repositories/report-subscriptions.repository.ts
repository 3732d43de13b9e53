/** The only code that reads or writes report subscriptions. */
import type { Core } from '@strapi/strapi';

import { REPORT_SUBSCRIPTION_UID } from '../content-types';

export type SubscriptionRow = {
  id: number;
  email: string;
  language: 'en' | 'fr';
  cadence: 'weekly' | 'monthly';
  campaignDocumentId: string | null;
  dueAt: string;
  nextAttemptAt: string;
  failures: number;
  lastError: string | null;
  lastSentAt: string | null;
  lastPeriod: string | null;
  subscribedById: number | null;
};

export const reportSubscriptionsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(REPORT_SUBSCRIPTION_UID);

  return {
    list: (): Promise<SubscriptionRow[]> => query().findMany({ orderBy: [{ id: 'asc' }] }),

    find: (id: number): Promise<SubscriptionRow | null> => query().findOne({ where: { id } }),

    create: (data: Omit<SubscriptionRow, 'id' | 'failures' | 'lastError' | 'lastSentAt' | 'lastPeriod'>) =>
      query().create({ data: { ...data, failures: 0 } }) as Promise<SubscriptionRow>,

    async remove(id: number): Promise<boolean> {
      return Boolean(await query().delete({ where: { id } }));
    },

    /** Subscriptions whose next attempt has come. */
    due: (now: Date, limit: number): Promise<SubscriptionRow[]> =>
      query().findMany({
        where: { nextAttemptAt: { $lte: now } },
        orderBy: [{ nextAttemptAt: 'asc' }],
        limit,
      }),

    /**
     * Takes a due subscription for `leaseMs` by moving its next attempt forward, only if nobody moved it
     * since it was read (compare and set): of two instances, one sends.
     */
    async claim(row: SubscriptionRow, until: Date): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id: row.id, nextAttemptAt: row.nextAttemptAt },
        data: { nextAttemptAt: until },
      });
      return count === 1;
    },

    sent: (id: number, data: { dueAt: Date; lastSentAt: Date; lastPeriod: string }) =>
      query().update({
        where: { id },
        data: { ...data, nextAttemptAt: data.dueAt, failures: 0, lastError: null },
      }),

    failed: (id: number, data: { nextAttemptAt: Date; failures: number; lastError: string }) =>
      query().update({ where: { id }, data }),
  };
};
