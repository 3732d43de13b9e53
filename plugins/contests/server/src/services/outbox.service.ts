import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import type { ContestsConfig } from '../config';
import {
  outboxRepository,
  type NewOutboxMessage,
  type OutboxKind,
  type OutboxMessage,
} from '../repositories/outbox.repository';
import { getService } from '../utils/get-service';

export type OutgoingEmail = { to: string; subject: string; text: string };

/**
 * What a message becomes at the moment it is sent (with the secrets it carries, kept out of logs
 * and of the stored error), or why there is nothing to send any more.
 */
export type Composed = { email: OutgoingEmail; secrets?: string[] } | { skip: string };

export type Outcome = { sent: true; at: Date } | { sent: false; reason: string };

/** Each kind of message is written when it is sent (from current data) and told how it ended. */
export type OutboxHandler = {
  compose(message: OutboxMessage, attemptAt: Date): Promise<Composed>;
  settled(message: OutboxMessage, outcome: Outcome): Promise<void>;
};

/** 1 min, 5 min, 30 min, 2 h, 12 h between tries. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 720];
const BATCH = 50;

export const retryDelayMs = (attempts: number) =>
  BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] * 60_000;

/**
 * The durable outbox: e-mails are queued in the database and sent by whichever instance takes
 * them first, retried with backoff when the provider fails, and picked up again when an instance
 * died in the middle of a send (its lease runs out).
 */
const outboxService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = outboxRepository(strapi);
  const settings = () => strapi.plugin('contests').config('outbox') as ContestsConfig['outbox'];
  const handlers = (): Record<OutboxKind, OutboxHandler> => ({
    winner_notice: getService(strapi, 'claims').winnerNotices,
    entry_confirmation: getService(strapi, 'confirmations').confirmationEmails,
  });

  async function deliver(message: OutboxMessage, attemptAt: Date): Promise<'sent' | 'retry' | 'ended'> {
    const { maxAttempts, leaseSeconds } = settings();
    const leaseToken = randomBytes(16).toString('hex');
    if (!(await repository.take(message, leaseToken, new Date(attemptAt.getTime() + leaseSeconds * 1000))))
      return 'ended';
    const attempts = message.attempts + 1;
    const handler = handlers()[message.kind];
    let composed: Composed | null = null;
    try {
      composed = await handler.compose(message, attemptAt);
      if ('email' in composed) await strapi.plugin('email').service('email').send(composed.email);
    } catch (error) {
      const secrets = composed && 'email' in composed ? (composed.secrets ?? []) : [];
      const reason =
        secrets
          .reduce((text, secret) => text.split(secret).join('[redacted]'), (error as Error)?.message ?? '')
          .slice(0, 500) || 'unknown error';
      if (attempts >= maxAttempts) {
        if (await repository.settle(message.id, leaseToken, { state: 'failed', lastError: reason }))
          await handler.settled(message, { sent: false, reason: 'failed' });
        return 'ended';
      }
      strapi.log.warn(`[contests] E-mail ${message.kind} for ${message.entryPublicId} failed: ${reason}`);
      await repository.settle(message.id, leaseToken, {
        state: 'pending',
        nextAttemptAt: new Date(attemptAt.getTime() + retryDelayMs(attempts)),
        lastError: reason,
      });
      return 'retry';
    }
    if ('skip' in composed) {
      if (await repository.settle(message.id, leaseToken, { state: 'failed', lastError: composed.skip }))
        await handler.settled(message, { sent: false, reason: composed.skip });
      return 'ended';
    }
    if (await repository.settle(message.id, leaseToken, { state: 'sent', sentAt: attemptAt }))
      await handler.settled(message, { sent: true, at: attemptAt });
    return 'sent';
  }

  /** Sends every message due at `now`; answers how many were sent. Safe on several instances at once. */
  async function deliverDue(now = new Date()): Promise<number> {
    let sent = 0;
    const seen = new Set<number>();
    for (;;) {
      const due = (await repository.due(now, BATCH)).filter((message) => !seen.has(message.id));
      if (due.length === 0) return sent;
      for (const message of due) {
        seen.add(message.id);
        if ((await deliver(message, now)) === 'sent') sent += 1;
      }
    }
  }

  return {
    enqueue: (message: NewOutboxMessage, now = new Date()) => repository.enqueue(message, now),

    deliverDue,

    /** Starts a delivery without waiting for it (after an entry: the answer must not wait on mail). */
    kick() {
      setImmediate(() => {
        deliverDue().catch((error: Error) =>
          strapi.log.error(`[contests] Outbox delivery failed: ${error.message}`)
        );
      });
    },

    messagesFor: (entryPublicId: string) => repository.findByEntry(entryPublicId),
  };
};

export default outboxService;
