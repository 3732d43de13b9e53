/**
 * Replies and mentions read from a network as an account, for the moderation inbox (plugins talk
 * through services; credentials never leave cross-post). Each network is read forward from a cursor
 * kept per account (Mastodon's last notification id, Telegram's update offset): `fetch` reads one page
 * from the stored cursor and `confirm` stores the next once the caller has kept the replies, so none
 * is lost if it stops in between, and none is read twice once confirmed. Publishing keeps priority
 * (see metrics/network-read.ts): an account with posts due, or waiting for its network, is not read.
 */
import type { InboxNotice } from '@porte-voix/kit/contracts';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '@porte-voix/kit/server';

import { noticeText } from '../providers/notices';
import { providerFor, providers, type NetworkId, type RemoteReply } from '../providers';
import { accountsRepository } from '../repositories/accounts.repository';
import { deliveriesRepository } from '../repositories/deliveries.repository';
import { directChannelsRepository } from '../repositories/direct-channels.repository';
import { repliesRepository } from '../repositories/replies.repository';
import { accountIdSchema } from '../validators/metrics.validators';
import { heardWithoutGapSince } from './gateway/liveness';
import { createNetworkReader, isReadFailure, type ReadFailure } from './metrics/network-read';

const fetchQuerySchema = z.object({
  since: z.date({ required_error: 'since is required', invalid_type_error: 'since must be a date' }),
});

// Several streams in one cursor (a sweep, a descent, a long conversation), each with the network's own page token.
const cursorSchema = z.string().max(4000, 'cursor is at most 4000 characters').nullable();

const remoteIdsSchema = z.array(z.string().min(1).max(255));

/** One of our published posts, as the inbox shows the thread of a reply. */
export type RepliedPost = {
  deliveryId: number;
  postDocumentId: string;
  postTitle: string | null;
  campaignDocumentId: string | null;
  remoteId: string;
  url: string | null;
};

export type InboxReply = RemoteReply & {
  network: NetworkId;
  accountId: number;
  accountName: string;
  /** Our post it answers directly, when it does (a reply to a reply names its parent only). */
  repliesTo: RepliedPost | null;
};

/** An account whose replies the inbox may read: it has published, on a network that is read forward. */
export type InboxAccount = {
  accountId: number;
  network: NetworkId;
  name: string;
  /** Its first publication: nothing older is read. ISO. */
  since: string;
  pollEveryMs: number;
  pagesPerRound: number;
};

const repliesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reader = createNetworkReader(strapi);
  const deliveries = deliveriesRepository(strapi);
  const accounts = accountsRepository(strapi);
  const answers = repliesRepository(strapi);
  const directChannels = directChannelsRepository(strapi);

  return {
    /** What each network allows the inbox to collect (the README's table and the admin read it). */
    profiles(): Record<string, { collects: boolean; pollEveryMs: number | null }> {
      return Object.fromEntries(
        Object.values(providers).map((p) => [
          p.network,
          { collects: !!p.inbox, pollEveryMs: p.inbox?.pollEveryMs ?? null },
        ])
      );
    },

    /** Accounts to read: published at least once, on a network read forward. */
    async inboxAccounts(): Promise<InboxAccount[]> {
      const [first, states] = await Promise.all([
        deliveries.firstPublishedPerAccount(),
        accounts.readStates(),
      ]);
      const byId = new Map(states.map((state) => [state.id, state]));
      return first.flatMap(({ accountId, publishedAt }) => {
        const state = byId.get(accountId);
        const inbox = state ? providerFor(state.network)?.inbox : undefined;
        if (!state || !inbox) return [];
        return [
          {
            accountId,
            network: state.network,
            name: state.name,
            since: publishedAt.toISOString(),
            pollEveryMs: inbox.pollEveryMs,
            pagesPerRound: inbox.pagesPerRound,
          },
        ];
      });
    },

    /** One page of replies from the account's stored cursor; `more`: call again after confirming. */
    async fetch(
      accountId: number,
      query: { since: Date }
    ): Promise<
      | {
          ok: true;
          replies: InboxReply[];
          cursor: string | null;
          more: boolean;
          /** What the account cannot collect: codes (kit contracts' INBOX_NOTICES), and in English. */
          notices: InboxNotice[];
          notice: string | null;
        }
      | ReadFailure
    > {
      const id = parse(accountIdSchema, accountId);
      const { since } = parse(fetchQuerySchema, query);
      const answer = await reader.read(id, async (provider, ctx, account) => {
        // Comments hang under each post on some networks: they read our recent posts one by one.
        const perPost = provider.inbox?.perPost;
        const remoteIds = perPost
          ? await deliveries.publishedRemoteIdsSince(
              id,
              new Date(Date.now() - perPost.days * 86_400_000),
              perPost.limit
            )
          : [];
        // Conversations heard by push only (Discord's DMs): those heard so far, and since when without a gap.
        const pushed = provider.inbox?.pushed
          ? { conversations: await directChannels.ofAccount(id), heardSince: heardWithoutGapSince(account) }
          : undefined;
        const page = await provider.fetchReplies(
          { since, remoteIds, cursor: account.repliesCursor, pushed },
          ctx
        );
        return { page, account };
      });
      if (isReadFailure(answer)) return answer;
      const { page, account } = answer.value;
      const parents = [...new Set(page.replies.map((reply) => reply.inReplyTo).filter(Boolean))] as string[];
      const ours = new Map(
        (await deliveries.findPublishedByRemoteIds(id, parents)).map((row) => [
          String(row.remoteId),
          {
            deliveryId: row.id,
            postDocumentId: row.postDocumentId,
            postTitle: row.postTitle ?? null,
            campaignDocumentId: row.campaignDocumentId ?? null,
            remoteId: String(row.remoteId),
            url: row.url ?? null,
          },
        ])
      );
      return {
        ok: true,
        replies: page.replies.map((reply) => ({
          ...reply,
          network: account.network,
          accountId: id,
          accountName: account.name,
          repliesTo: (reply.inReplyTo && ours.get(reply.inReplyTo)) || null,
        })),
        cursor: page.cursor,
        more: page.more,
        notices: page.notices ?? [],
        notice: noticeText(page.notices ?? []),
      };
    },

    /**
     * Which of these remote ids are our own answers, sent from the inbox: a read of the thread finds
     * them among the readers' replies, and they are not readers' replies.
     */
    async ownAnswers(accountId: number, remoteIds: string[]): Promise<string[]> {
      return answers.remoteIdsAmong(parse(accountIdSchema, accountId), parse(remoteIdsSchema, remoteIds));
    },

    /** The replies up to `cursor` are kept: the next fetch starts there (and the network may drop them). */
    async confirm(accountId: number, cursor: string | null): Promise<void> {
      await reader.state.saveRepliesCursor(parse(accountIdSchema, accountId), parse(cursorSchema, cursor));
    },
  };
};

export type RepliesService = ReturnType<typeof repliesService>;
export default repliesService;
