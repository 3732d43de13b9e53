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
import { changeComment } from './comment-change';

type CrossPostAnswers = {
  send(input: {
    accountId: number;
    inReplyTo: string;
    text: string;
    language?: string | null;
    idempotencyKey: string;
    requestedBy?: string | null;
  }): Promise<{ status: string; remoteId: string | null; url: string | null; failureReason: string | null }>;
  under(accountId: number, inReplyTo: string): Promise<{ id: number }[]>;
  answerable(): string[];
  hideable(): string[];
  hide(accountId: number, remoteId: string): Promise<void>;
  likeable(): string[];
  like(accountId: number, remoteId: string): Promise<void>;
  deleteAnswer(answerId: number): Promise<unknown>;
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
        await changeComment(strapi, row, {
          actor,
          action: 'replied',
          data: { firstResponseAt: new Date() },
          details: { network: row.sourceNetwork, remoteId: answer.remoteId, url: answer.url },
        });
      }
      return answer;
    },

    /** Takes the reader's reply out of view on its network (where the network lets the account). */
    async hide(documentId: string, actor: Actor) {
      const row = await comments.findByDocumentId(documentId);
      const service = crossPost();
      if (!row?.sourceNetwork || !service)
        throw new errors.ApplicationError('Only a reply collected from a network can be hidden there.', {
          reason: 'not_from_a_network',
        });
      if (!service.hideable().includes(row.sourceNetwork))
        throw new errors.ApplicationError(`${row.sourceNetwork} does not let the account hide a reply.`, {
          reason: 'network_cannot_hide',
        });
      await service.hide(row.sourceAccountId, row.remoteId);
      await changeComment(strapi, row, {
        actor,
        action: 'hidden_on_network',
        data: { hiddenOnNetworkAt: new Date() },
        details: { network: row.sourceNetwork, remoteId: row.remoteId },
      });
      return getService(strapi, 'admin').findOne(documentId);
    },

    /** Likes the reader's reply on its network as the account (where the network lets it). */
    async like(documentId: string, actor: Actor) {
      const row = await comments.findByDocumentId(documentId);
      const service = crossPost();
      if (!row?.sourceNetwork || !row.remoteId || !service)
        throw new errors.ApplicationError('Only a reply collected from a network can be liked there.', {
          reason: 'not_from_a_network',
        });
      if (!service.likeable().includes(row.sourceNetwork))
        throw new errors.ApplicationError(`${row.sourceNetwork} does not let the account like a reply.`, {
          reason: 'network_cannot_like',
        });
      await service.like(row.sourceAccountId, row.remoteId);
      await changeComment(strapi, row, {
        actor,
        action: 'liked_on_network',
        data: { likedOnNetworkAt: new Date() },
        details: { network: row.sourceNetwork, remoteId: row.remoteId },
      });
      return getService(strapi, 'admin').findOne(documentId);
    },

    /** Deletes one of our answers under this comment from its network. */
    async deleteAnswer(documentId: string, answerId: number, actor: Actor) {
      const { row, service } = await answerableComment(documentId);
      const ours = await service.under(row.sourceAccountId, row.remoteId);
      if (!ours.some((answer) => answer.id === answerId))
        throw new errors.NotFoundError(`No answer ${answerId} under this comment.`, {
          reason: 'answer_not_found',
        });
      const deleted = await service.deleteAnswer(answerId);
      await changeComment(strapi, row, {
        actor,
        action: 'answer_deleted',
        data: null,
        details: { network: row.sourceNetwork, answerId },
      });
      return deleted;
    },

    /** What was answered under this comment on its network, oldest first. */
    async answersOf(documentId: string) {
      const { row, service } = await answerableComment(documentId);
      return service.under(row.sourceAccountId, row.remoteId);
    },
  };
};

export default answersService;
