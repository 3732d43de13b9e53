/**
 * Replies and mentions read from a network as an account, for the moderation inbox. Networks read as
 * a stream (Telegram's updates) keep a cursor per account: `fetch` reads from the stored one, and
 * `confirm` stores the next once the caller has kept the replies, so none is lost if it stops between.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '@porte-voix/kit/server';

import type { RepliesPage } from '../providers';
import { accountIdSchema, remoteIdsSchema } from '../validators/metrics.validators';
import { createNetworkReader, isReadFailure, type ReadFailure } from './metrics/network-read';

const fetchQuerySchema = z.object({
  since: z.date({ required_error: 'since is required', invalid_type_error: 'since must be a date' }),
  remoteIds: remoteIdsSchema.or(z.array(z.string()).length(0)).default([]),
});

const cursorSchema = z.string().max(64, 'cursor is at most 64 characters').nullable();

const repliesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reader = createNetworkReader(strapi);
  return {
    /** One page of replies from the account's stored cursor; `more`: call again after confirming. */
    async fetch(
      accountId: number,
      query: { since: Date; remoteIds?: string[] }
    ): Promise<({ ok: true } & RepliesPage) | ReadFailure> {
      const id = parse(accountIdSchema, accountId);
      const { since, remoteIds } = parse(fetchQuerySchema, query);
      const answer = await reader.read(id, (provider, ctx, account) =>
        provider.fetchReplies({ since, remoteIds, cursor: account.repliesCursor }, ctx)
      );
      return isReadFailure(answer) ? answer : { ok: true, ...answer.value };
    },

    /** The replies up to `cursor` are kept: the next fetch starts there (and the network may drop them). */
    async confirm(accountId: number, cursor: string | null): Promise<void> {
      await reader.state.saveRepliesCursor(parse(accountIdSchema, accountId), parse(cursorSchema, cursor));
    },
  };
};

export type RepliesService = ReturnType<typeof repliesService>;
export default repliesService;
