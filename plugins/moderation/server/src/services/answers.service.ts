/**
 * Answering a reply or mention collected from a network, as the account that received it: cross-post
 * sends it (plugins talk through services; credentials never leave cross-post) with its own send
 * state and exactly-once guarantees; here the comment gets its first response time and the audit log
 * an entry.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { commentsRepository } from '../repositories/comments.repository';
import { getService } from '../utils/get-service';
import type { Actor } from './audit.service';

type CrossPostAnswers = {
  send(input: {
    accountId: number;
    inReplyTo: string;
    text: string;
    language?: string | null;
    idempotencyKey: string;
    requestedBy?: string | null;
  }): Promise<{ status: string; remoteId: string | null; url: string | null; failureReason: string | null }>;
  under(accountId: number, inReplyTo: string): Promise<unknown[]>;
  answerable(): string[];
};

const answersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = commentsRepository(strapi);
  const crossPost = () => strapi.plugin('cross-post')?.service('answers') as CrossPostAnswers | undefined;

  /** The comment, when it came from a network that can be answered. */
  async function answerableComment(documentId: string) {
    const row = await comments.findByDocumentId(documentId);
    if (!row)
      throw new errors.NotFoundError(`No comment has the id "${documentId}"`, {
        reason: 'comment_not_found',
      });
    const service = crossPost();
    if (!row.sourceNetwork || !row.sourceAccountId || !row.remoteId || !service)
      throw new errors.ApplicationError(
        'Only a reply or mention collected from a network can be answered from here.',
        {
          reason: 'not_from_a_network',
        }
      );
    if (!service.answerable().includes(row.sourceNetwork))
      throw new errors.ApplicationError(
        `${row.sourceNetwork} cannot be answered through its API: answer on the network.`,
        {
          reason: 'network_cannot_reply',
        }
      );
    return { row, service };
  }

  return {
    /** Sends the answer (once per idempotency key) and answers its state. */
    async reply(documentId: string, input: { text: string; idempotencyKey: string }, actor: Actor) {
      const { row, service } = await answerableComment(documentId);
      const answer = await service.send({
        accountId: row.sourceAccountId,
        inReplyTo: row.remoteId,
        text: input.text,
        language: row.locale && row.locale !== 'und' ? row.locale : null,
        idempotencyKey: input.idempotencyKey,
        requestedBy: actor.name ?? null,
      });
      if (answer.status === 'sent' && !row.firstResponseAt) {
        await strapi.db.transaction(async () => {
          await comments.update(row.id, { firstResponseAt: new Date() });
          await getService(strapi, 'audit').record({
            action: 'replied',
            actor,
            commentDocumentId: documentId,
            authorKey: row.authorKey,
            fromStatus: row.status,
            toStatus: row.status,
            reasonCode: null,
            reason: null,
            details: { network: row.sourceNetwork, remoteId: answer.remoteId, url: answer.url },
          });
        });
      }
      return answer;
    },

    /** What was answered under this comment on its network, oldest first. */
    async answersOf(documentId: string) {
      const { row, service } = await answerableComment(documentId);
      return service.under(row.sourceAccountId, row.remoteId);
    },
  };
};

export default answersService;
