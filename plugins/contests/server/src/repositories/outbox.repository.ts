import type { Core } from '@strapi/strapi';

import { EMAIL_UID } from '../content-types';

export type OutboxKind = 'winner_notice' | 'entry_confirmation';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export type OutboxMessage = {
  id: number;
  kind: OutboxKind;
  eventDocumentId: string;
  entryPublicId: string;
  dedupeKey: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  leaseToken: string | null;
  leaseUntil: string | null;
  sentAt: string | null;
  lastError: string | null;
};

export type NewOutboxMessage = Pick<
  OutboxMessage,
  'kind' | 'eventDocumentId' | 'entryPublicId' | 'dedupeKey'
>;

/**
 * The contests' durable outbox: only this file reads or writes it. A message is taken with a
 * compare-and-set on (id, state, attempts): of two instances taking the same message, one updates
 * the row and the other sees zero rows changed, so a message is never sent by two at once.
 */
export const outboxRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(EMAIL_UID);

  return {
    /** Queues a message once per dedupe key: a second enqueue of the same key changes nothing. */
    async enqueue(message: NewOutboxMessage, now: Date): Promise<void> {
      if (await query().count({ where: { dedupeKey: message.dedupeKey } })) return;
      try {
        await query().create({ data: { ...message, state: 'pending', attempts: 0, nextAttemptAt: now } });
      } catch (error) {
        if (!(await query().count({ where: { dedupeKey: message.dedupeKey } }))) throw error;
      }
    },

    /** Messages due now: pending and past their next try, or sending with a lease that ran out. */
    due(now: Date, limit: number): Promise<OutboxMessage[]> {
      return query().findMany({
        where: {
          $or: [
            { state: 'pending', nextAttemptAt: { $lte: now } },
            { state: 'sending', leaseUntil: { $lte: now } },
          ],
        },
        orderBy: { id: 'asc' },
        limit,
      });
    },

    /** Takes the message for this instance until `leaseUntil`; false when another one took it first. */
    async take(message: OutboxMessage, leaseToken: string, leaseUntil: Date): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id: message.id, state: message.state, attempts: message.attempts },
        data: { state: 'sending', leaseToken, leaseUntil, attempts: message.attempts + 1 },
      });
      return count === 1;
    },

    /** Records the outcome, only while this instance still holds the lease. */
    async settle(
      id: number,
      leaseToken: string,
      outcome:
        | { state: 'sent'; sentAt: Date }
        | { state: 'pending'; nextAttemptAt: Date; lastError: string }
        | { state: 'failed'; lastError: string }
    ): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id, leaseToken, state: 'sending' },
        data: { ...outcome, leaseToken: null, leaseUntil: null },
      });
      return count === 1;
    },

    findByEntry(entryPublicId: string): Promise<OutboxMessage[]> {
      return query().findMany({ where: { entryPublicId }, orderBy: { id: 'asc' } });
    },
  };
};

export type OutboxRepository = ReturnType<typeof outboxRepository>;
