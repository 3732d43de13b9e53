/**
 * The cross-post `replies` service, as the inbox reads it (plugins talk only through services):
 * the accounts to read and one page of replies per account, from a cursor cross-post keeps and the
 * inbox confirms once the page is stored. Its answers are checked here before anything is stored.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';

import { networkRefusal, type NetworkRefusal } from '../../domain/source-read';

const repliedPost = z.object({
  deliveryId: z.number(),
  postDocumentId: z.string().min(1).max(64),
  postTitle: z.string().nullable(),
  campaignDocumentId: z.string().nullable(),
  remoteId: z.string(),
  url: z.string().nullable(),
});

const reply = z.object({
  remoteId: z.string().min(1).max(255),
  inReplyTo: z.string().max(255).nullish(),
  author: z.string().min(1),
  authorUrl: z.string().nullish(),
  text: z.string(),
  language: z.string().max(35).nullish(),
  createdAt: z.string(),
  url: z.string().nullish(),
  private: z.boolean().optional(),
  network: z.string().min(1).max(40),
  accountId: z.number().int(),
  accountName: z.string(),
  repliesTo: repliedPost.nullable(),
});
export type CollectedReply = z.infer<typeof reply>;

const page = z.object({
  ok: z.literal(true),
  replies: z.array(z.unknown()),
  cursor: z.string().nullable(),
  more: z.boolean(),
  notice: z.string().max(1000).nullish(),
  // Codes this version may not know yet are kept: the panel then shows the English text.
  notices: z
    .array(z.string().regex(/^[a-z]+\.[A-Za-z]+$/))
    .max(10)
    .default([]),
});

const account = z.object({
  accountId: z.number().int(),
  network: z.string(),
  name: z.string(),
  since: z.string(),
  pollEveryMs: z.number().int().positive(),
  pagesPerRound: z.number().int().positive(),
});
export type InboxAccount = z.infer<typeof account>;

export type RepliesPage =
  | {
      ok: true;
      replies: CollectedReply[];
      cursor: string | null;
      more: boolean;
      skipped: number;
      notice: string | null;
      notices: string[];
    }
  | NetworkRefusal;

export function crossPostReplies(strapi: Core.Strapi) {
  const service = () => strapi.plugin('cross-post')?.service('replies') as any;
  return {
    available: () => Boolean(strapi.plugin('cross-post')),
    async accounts(): Promise<InboxAccount[]> {
      return z.array(account).parse(await service().inboxAccounts());
    },
    /** One page; a reply that does not fit the contract is left out and counted, never stored half. */
    async fetch(accountId: number, since: Date): Promise<RepliesPage> {
      const answer = await service().fetch(accountId, { since });
      if (answer?.ok === false) return networkRefusal.parse(answer);
      const { replies, cursor, more, notice, notices } = page.parse(answer);
      const valid = replies.map((item) => reply.safeParse(item)).filter((parsed) => parsed.success);
      return {
        ok: true,
        replies: valid.map((parsed) => (parsed as { data: CollectedReply }).data),
        cursor,
        more,
        skipped: replies.length - valid.length,
        notice: notice ?? null,
        notices,
      };
    },
    /** Which of these remote ids are our own answers (read back in their thread): never queued. */
    async ownAnswers(accountId: number, remoteIds: string[]): Promise<Set<string>> {
      if (remoteIds.length === 0) return new Set();
      return new Set(z.array(z.string()).parse(await service().ownAnswers(accountId, remoteIds)));
    },
    confirm: (accountId: number, cursor: string | null): Promise<void> =>
      service().confirm(accountId, cursor),
  };
}
