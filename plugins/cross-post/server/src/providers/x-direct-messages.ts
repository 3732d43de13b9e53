/**
 * X direct messages (API v2, `dm.read` / `dm.write`): read newest first from `GET /2/dm_events`
 * (the last 30 days, no `since_id`: each read goes down to the newest event kept, newest-first.ts),
 * answered into their conversation with `POST /2/dm_conversations/:id/messages`, exactly once
 * (X keeps no idempotency key: an uncertain answer is looked up in the conversation, `findAnswer`).
 * A DM's remote id names its conversation, `dm:<conversationId>:<eventId>`, so its answer can only go
 * there, never in public.
 */
import { z } from 'zod';

import { httpStatus } from './common';
import { descend, readDescent } from './newest-first';
import { CLOCK_MARGIN_MS } from './per-post';
import { sameText } from './text';
import {
  ProviderError,
  type ProviderContext,
  type PublishResult,
  type RemotePost,
  type RemoteReply,
} from './types';

const PREFIX = 'dm:';
/** X keeps DM events 30 days (a minute less, so the oldest is not asked for as it leaves). */
const REACH_MS = 30 * 86_400_000 - 60_000;
/** `GET /2/dm_events` answers 1 to 100 events a page. */
const EVENTS_PER_PAGE = 100;
/** A direct message holds at most 10,000 characters. */
const DM_MAX_CHARACTERS = 10_000;
/** After X refused DMs (plan or scope), they are tried again a day later (the account may be reconnected). */
export const DM_RETRY_MS = 86_400_000;

const FIELDS = {
  event_types: 'MessageCreate',
  'dm_event.fields': 'id,text,created_at,sender_id,dm_conversation_id',
};

const eventsSchema = z.object({
  data: z
    .array(
      z.object({
        id: z.string(),
        text: z.string().default(''),
        created_at: z.string().optional(),
        sender_id: z.string().optional(),
        dm_conversation_id: z.string().optional(),
      })
    )
    .default([]),
  includes: z
    .object({ users: z.array(z.object({ id: z.string(), username: z.string() })).default([]) })
    .default({}),
  meta: z.object({ next_token: z.string().optional() }).default({}),
});

/** X ids are snowflakes as decimal strings: longer is newer, then by digits. */
const newerSnowflake = (a: string, b: string) => (a.length === b.length ? a > b : a.length > b.length);

export const isDirectMessageId = (remoteId: string) => remoteId.startsWith(PREFIX);

export function directMessageId(conversationId: string, eventId: string): string {
  return `${PREFIX}${conversationId}:${eventId}`;
}

/** The conversation and event a DM's remote id names. */
export function parseDirectMessageId(remoteId: string): { conversationId: string; eventId: string } {
  const [, conversationId = '', eventId = ''] = remoteId.split(':');
  if (!isDirectMessageId(remoteId) || !conversationId || !eventId)
    throw new ProviderError(`"${remoteId}" is not an X direct message.`);
  return { conversationId, eventId };
}

const conversationUrl = (conversationId: string) => `https://x.com/messages/${conversationId}`;

/** The DM part of the stored cursor says "refused at <ms>" while X refuses DMs. */
export const dmsRefusedAt = (cursor: string): number | null =>
  /^off\d+$/.test(cursor) ? Number(cursor.slice(3)) : null;

export const dmsOff = (cursor: string, now = Date.now()) => {
  const at = dmsRefusedAt(cursor);
  return at !== null && now - at < DM_RETRY_MS;
};

/** X answers 403 where the token lacks `dm.read` or the app's plan has no DM endpoints. */
export const dmsRefused = (error: unknown) => httpStatus(error) === 403;

/**
 * One page of the account's DM events, newest first, down to the newest event kept (the mark) or to
 * `since` / 30 days back on the first read; the account's own messages are not inbox items.
 */
export async function readDirectMessages(
  ctx: ProviderContext,
  headers: Record<string, string>,
  me: string,
  since: Date,
  cursor: string
): Promise<{ replies: RemoteReply[]; cursor: string; more: boolean }> {
  const descent = readDescent(dmsRefusedAt(cursor) !== null ? '' : cursor, '');
  const { data } = await ctx.http.get('/2/dm_events', {
    headers,
    params: {
      ...FIELDS,
      expansions: 'sender_id',
      'user.fields': 'username',
      max_results: EVENTS_PER_PAGE,
      ...(descent.page && { pagination_token: descent.page }),
    },
  });
  const page = eventsSchema.parse(data ?? {});
  const floor = Math.max(since.getTime(), Date.now() - REACH_MS);
  const usernames = new Map(page.includes.users.map((user) => [user.id, user.username]));
  let reachedMark = false;
  const fresh = [];
  for (const event of page.data) {
    const old = Date.parse(event.created_at ?? '') < floor;
    if ((descent.mark && !newerSnowflake(event.id, descent.mark)) || old) {
      reachedMark = true;
      break;
    }
    fresh.push(event);
  }
  const replies = fresh
    .filter((event) => event.sender_id !== me && event.dm_conversation_id)
    .map((event): RemoteReply => {
      const username = event.sender_id ? usernames.get(event.sender_id) : undefined;
      return {
        remoteId: directMessageId(event.dm_conversation_id!, event.id),
        inReplyTo: null,
        author: username ? `@${username}` : String(event.sender_id ?? 'unknown'),
        authorUrl: username ? `https://x.com/${username}` : null,
        text: event.text,
        language: null,
        createdAt: event.created_at ?? new Date().toISOString(),
        url: conversationUrl(event.dm_conversation_id!),
        private: true,
      };
    })
    .reverse();
  const next = descend(
    descent,
    { newest: page.data[0]?.id ?? null, next: page.meta.next_token ?? null, reachedMark },
    newerSnowflake
  );
  return { replies, ...next };
}

/**
 * Answers a DM in its conversation. X keeps no idempotency key for it: an uncertain send is looked up
 * (`findDirectMessageAnswer`) by the answers service, never sent again blindly.
 */
export async function answerDirectMessage(
  ctx: ProviderContext,
  headers: Record<string, string>,
  answer: { text: string; inReplyTo: string }
): Promise<PublishResult> {
  const { conversationId } = parseDirectMessageId(answer.inReplyTo);
  if ([...answer.text].length > DM_MAX_CHARACTERS)
    throw new ProviderError(`X allows ${DM_MAX_CHARACTERS} characters in a direct message.`);
  const { data } = await ctx.http.post(
    `/2/dm_conversations/${encodeURIComponent(conversationId)}/messages`,
    { text: answer.text },
    { headers }
  );
  const eventId = String(data?.data?.dm_event_id ?? '');
  if (!eventId) throw new ProviderError('X answered the direct message without its id.', 'unknown');
  return { remoteId: directMessageId(conversationId, eventId), url: conversationUrl(conversationId) };
}

/** The account's message with this text in the DM's conversation since a time (`GET /2/dm_conversations/:id/dm_events`). */
export async function findDirectMessageAnswer(
  ctx: ProviderContext,
  headers: Record<string, string>,
  me: string,
  { inReplyTo, since, text }: { inReplyTo: string; since: Date; text: string }
): Promise<RemotePost | null> {
  const { conversationId } = parseDirectMessageId(inReplyTo);
  const { data } = await ctx.http.get(`/2/dm_conversations/${encodeURIComponent(conversationId)}/dm_events`, {
    headers,
    params: { ...FIELDS, max_results: EVENTS_PER_PAGE },
  });
  const ours = eventsSchema
    .parse(data ?? {})
    .data.find(
      (event) =>
        event.sender_id === me &&
        sameText(event.text, text) &&
        Date.parse(event.created_at ?? '') >= since.getTime() - CLOCK_MARGIN_MS
    );
  return ours
    ? {
        remoteId: directMessageId(conversationId, ours.id),
        url: conversationUrl(conversationId),
        text: ours.text,
      }
    : null;
}
