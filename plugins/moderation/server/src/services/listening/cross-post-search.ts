/**
 * The cross-post `search` service, as listening reads it (plugins talk only through services): the
 * accounts whose network search can run, and one page of matching posts per call. Its answers are
 * checked here before anything is stored.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';

import { networkRefusal, type NetworkRefusal } from '../../domain/source-read';

const post = z.object({
  remoteId: z.string().min(1).max(255),
  inReplyTo: z.string().max(255).nullish(),
  author: z.string().min(1),
  authorUrl: z.string().nullish(),
  text: z.string(),
  language: z.string().max(35).nullish(),
  createdAt: z.string(),
  url: z.string().nullish(),
});
export type FoundPost = z.infer<typeof post>;

const account = z.object({
  accountId: z.number().int(),
  network: z.string(),
  name: z.string(),
  pollEveryMs: z.number().int().positive(),
  pagesPerRound: z.number().int().positive(),
});
export type SearchAccount = z.infer<typeof account>;

const page = z.object({
  ok: z.literal(true),
  posts: z.array(z.unknown()),
  cursor: z.string().nullable(),
  more: z.boolean(),
  notAvailable: z.string().max(1000).nullish(),
});

export type SearchPage =
  | {
      ok: true;
      posts: FoundPost[];
      cursor: string | null;
      more: boolean;
      notAvailable: string | null;
      skipped: number;
    }
  | NetworkRefusal;

export type SearchRequest = {
  terms: string[];
  exclusions: string[];
  languages: string[];
  since: Date;
  cursor: string | null;
};

export function crossPostSearch(strapi: Core.Strapi) {
  const service = () => strapi.plugin('cross-post')?.service('search') as any;
  return {
    available: () => Boolean(strapi.plugin('cross-post')),
    async accounts(): Promise<SearchAccount[]> {
      if (!service()) return [];
      return z.array(account).parse(await service().accounts());
    },
    /** One page; a post that does not fit the contract is left out and counted, never stored half. */
    async fetch(accountId: number, request: SearchRequest): Promise<SearchPage> {
      const answer = await service().fetch(accountId, request);
      if (answer?.ok === false) return networkRefusal.parse(answer);
      const parsed = page.parse(answer);
      const valid = parsed.posts.map((item) => post.safeParse(item)).filter((p) => p.success);
      return {
        ok: true,
        posts: valid.map((p) => (p as { data: FoundPost }).data),
        cursor: parsed.cursor,
        more: parsed.more,
        notAvailable: parsed.notAvailable ?? null,
        skipped: parsed.posts.length - valid.length,
      };
    },
  };
}
