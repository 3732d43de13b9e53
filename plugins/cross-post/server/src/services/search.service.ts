/**
 * Listening's network search, as the moderation plugin reads it (plugins talk through services;
 * credentials never leave cross-post): which accounts can run a search, and one page of posts
 * matching a saved search from a cursor the caller keeps. Reads go through the same reader as
 * metrics and replies, so publishing keeps priority, a 429 pauses the account's reads until the
 * network's reset, and an expired session is refreshed once.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '@porte-voix/kit/server';

import { providerFor, type NetworkId, type RemoteReply, type SearchQuery } from '../providers';
import { accountsRepository } from '../repositories/accounts.repository';
import { accountIdSchema } from '../validators/metrics.validators';
import { createNetworkReader, isReadFailure, type ReadFailure } from './metrics/network-read';

const term = z.string().min(1).max(100);
const querySchema = z.object({
  terms: z.array(term).min(1).max(20),
  exclusions: z.array(term).max(20),
  languages: z.array(z.enum(['fr', 'en'])).min(1),
  since: z.date(),
  cursor: z.string().max(2000).nullable(),
});

export type SearchAccount = {
  accountId: number;
  network: NetworkId;
  name: string;
  pollEveryMs: number;
  pagesPerRound: number;
};

const searchService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reader = createNetworkReader(strapi);
  const accounts = accountsRepository(strapi);

  return {
    /** Accounts whose network's search listening can use, by network then name. */
    async accounts(): Promise<SearchAccount[]> {
      const states = await accounts.readStates();
      return states.flatMap((state) => {
        const search = providerFor(state.network)?.search;
        if (!search || !providerFor(state.network).searchPosts) return [];
        return [{ accountId: state.id, network: state.network, name: state.name, ...search }];
      });
    },

    /** One page of posts matching the query after `cursor`; `more`: call again with the new cursor. */
    async fetch(
      accountId: number,
      query: z.input<typeof querySchema>
    ): Promise<
      | { ok: true; posts: RemoteReply[]; cursor: string | null; more: boolean; notAvailable: string | null }
      | ReadFailure
    > {
      const id = parse(accountIdSchema, accountId);
      const parsed = parse(querySchema, query);
      const answer = await reader.read(id, (provider, ctx) => {
        if (!provider.searchPosts)
          throw new Error(`${provider.displayName} search is not used by listening.`);
        return provider.searchPosts(parsed as SearchQuery, ctx);
      });
      if (isReadFailure(answer)) return answer;
      const page = answer.value;
      return {
        ok: true,
        posts: page.posts,
        cursor: page.cursor,
        more: page.more,
        notAvailable: page.notAvailable ?? null,
      };
    },
  };
};

export type SearchService = ReturnType<typeof searchService>;
export default searchService;
