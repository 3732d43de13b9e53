/** The only code that touches delivery attempts: an append-only log, one row per thing that happened. */
import type { Core } from '@strapi/strapi';

import { ATTEMPT_UID } from './uids';

export type NewAttempt = {
  deliveryId: number;
  outcome: string;
  detail: string;
  instance?: string;
  startedAt: Date;
  durationMs: number;
};

export const attemptsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(ATTEMPT_UID);
  return {
    async add(attempt: NewAttempt): Promise<void> {
      await query().create({ data: attempt });
    },

    async addMany(attempts: NewAttempt[]): Promise<void> {
      if (attempts.length > 0) await query().createMany({ data: attempts });
    },

    /** Oldest first. */
    async forDelivery(deliveryId: number): Promise<any[]> {
      return query().findMany({ where: { deliveryId }, orderBy: [{ id: 'asc' }] });
    },
  };
};

export type AttemptsRepository = ReturnType<typeof attemptsRepository>;
