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

  /** What the queue can do on a network, and what it says when the network cannot. */
  const CAPABILITIES = {
    answer: {
      networks: (service: CrossPostAnswers) => service.answerable(),
      verb: 'answered from here',
      refusal: 'network_cannot_reply',
      cannot: (network: string) => `${network} cannot be answered through its API: answer on the network.`,
    },
    hide: {
      networks: (service: CrossPostAnswers) => service.hideable(),
      verb: 'hidden there',
      refusal: 'network_cannot_hide',
      cannot: (network: string) => `${network} does not let the account hide a reply.`,
    },
    like: {
      networks: (service: CrossPostAnswers) => service.likeable(),
      verb: 'liked there',
      refusal: 'network_cannot_like',
      cannot: (network: string) => `${network} does not let the account like a reply.`,
    },
  } as const;

  /** The comment, when it came from a network that lets the account do this. */
  async function networkComment(documentId: string, capability: keyof typeof CAPABILITIES) {
    const row = await comments.findByDocumentId(documentId);
    if (!row)
      throw new errors.NotFoundError(`No comment has the id "${documentId}"`, {
        reason: 'comment_not_found',
      });
    const service = crossPost();
    const can = CAPABILITIES[capability];
    if (!row.sourceNetwork || !row.sourceAccountId || !row.remoteId || !service)
      throw new errors.ApplicationError(
        `Only a reply or mention collected from a network can be ${can.verb}.`,
        {
          reason: 'not_from_a_network',
        }
      );
    if (!can.networks(service).includes(row.sourceNetwork))
      throw new errors.ApplicationError(can.cannot(row.sourceNetwork), { reason: can.refusal });
    return { row, service };
  }

  /** Acts on the reader's reply on its network as the account, then records it on the card and in the audit log. */
  async function actOnNetwork(
    documentId: string,
    actor: Actor,
    capability: 'hide' | 'like',
    change: { action: string; data: Record<string, unknown> }
  ) {
    const { row, service } = await networkComment(documentId, capability);
    if (capability === 'hide') await service.hide(row.sourceAccountId, row.remoteId);
    else await service.like(row.sourceAccountId, row.remoteId);
    await changeComment(strapi, row, {
      actor,
      ...change,
      details: { network: row.sourceNetwork, remoteId: row.remoteId },
    });
    return getService(strapi, 'admin').findOne(documentId);
  }

  return {
    /** Sends the answer (once per idempotency key) and answers its state. */
    async reply(documentId: string, input: { text: string; idempotencyKey: string }, actor: Actor) {
      const { row, service } = await networkComment(documentId, 'answer');
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
    hide: (documentId: string, actor: Actor) =>
      actOnNetwork(documentId, actor, 'hide', {
        action: 'hidden_on_network',
        data: { hiddenOnNetworkAt: new Date() },
      }),

    /** Likes the reader's reply on its network as the account (where the network lets it). */
    like: (documentId: string, actor: Actor) =>
      actOnNetwork(documentId, actor, 'like', {
        action: 'liked_on_network',
        data: { likedOnNetworkAt: new Date() },
      }),

    /** Deletes one of our answers under this comment from its network. */
    async deleteAnswer(documentId: string, answerId: number, actor: Actor) {
      const { row, service } = await networkComment(documentId, 'answer');
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
      const { row, service } = await networkComment(documentId, 'answer');
      return service.under(row.sourceAccountId, row.remoteId);
    },
  };
};

export default answersService;
