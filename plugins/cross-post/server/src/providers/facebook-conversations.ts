/**
 * A Facebook Page's Messenger conversations (Graph, `pages_messaging`): read from
 * `GET /{page-id}/conversations?platform=messenger`, most recently updated first, down to the last
 * update kept (newest-first.ts, the mark being an update time in epoch seconds), each conversation
 * with its newest messages; answered with the Send API (`POST /{page-id}/messages`, a RESPONSE inside
 * the 24-hour standard messaging window), exactly once (Graph keeps no idempotency
 * key: an uncertain answer is looked up in the conversation's messages, `findAnswer`). A message's remote id names its
 * conversation and its sender, `dm:<conversationId>:<psid>:<messageId>`, so its answer can only go
 * back to that person, privately.
 */
import { z } from 'zod';

import { responseBody } from './common';
import { descend, readDescent } from './newest-first';
import { sameText } from './text';
import { CLOCK_MARGIN_MS } from './per-post';
import {
  ProviderError,
  type ProviderContext,
  type PublishResult,
  type RemotePost,
  type RemoteReply,
} from './types';

const PREFIX = 'dm:';
/** Conversations a page, and the newest messages read with each (Graph's nested `limit`). */
const CONVERSATIONS_PER_PAGE = 25;
const MESSAGES_PER_CONVERSATION = 25;
/** Further pages of one conversation read in the same call when it got more new messages than that. */
const MORE_MESSAGE_PAGES = 3;
/** Messenger's text limit. */
const MESSAGE_MAX_CHARACTERS = 2000;
/** After Facebook refused the conversations, they are tried again a day later (the Page may be reconnected). */
const MESSAGES_RETRY_MS = 86_400_000;
const MESSAGE_FIELDS = 'id,message,from,created_time';

export const WITHOUT_MESSAGES =
  "Facebook does not let this app read the Page's Messenger conversations (the pages_messaging permission is missing): reconnect the Page allowing messages. Comments are still collected.";

export const OUTSIDE_WINDOW =
  "Facebook lets a Page answer a private message only within 24 hours of the person's last message: answer them another way (or wait until they write again).";

/** Graph's answer outside the standard messaging window: code 10, subcode 2018278. */
export const outsideWindow = (graphError: any) =>
  Number(graphError?.code) === 10 && Number(graphError?.error_subcode) === 2018278;

const messageSchema = z.object({
  id: z.string(),
  message: z.string().default(''),
  created_time: z.string(),
  from: z.object({ id: z.string(), name: z.string().optional() }).optional(),
});
const pagingSchema = z
  .object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() })
  .default({});
const messagesSchema = z.object({ data: z.array(messageSchema).default([]), paging: pagingSchema });
const conversationsSchema = z.object({
  data: z
    .array(
      z.object({
        id: z.string(),
        updated_time: z.string(),
        messages: messagesSchema.optional(),
      })
    )
    .default([]),
  paging: pagingSchema,
});

/** Graph writes times as `2026-01-05T10:00:00+0000`: ISO with a colon-less offset. */
const graphMs = (value: string) => Date.parse(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));

const nextAfter = (paging: z.infer<typeof pagingSchema>) =>
  paging.next ? (paging.cursors?.after ?? null) : null;

export const isPrivateMessageId = (remoteId: string) => remoteId.startsWith(PREFIX);

export function privateMessageId(conversationId: string, psid: string, messageId: string): string {
  return `${PREFIX}${conversationId}:${psid}:${messageId}`;
}

export function parsePrivateMessageId(remoteId: string) {
  const [, conversationId = '', psid = '', ...rest] = remoteId.split(':');
  const messageId = rest.join(':');
  if (!isPrivateMessageId(remoteId) || !conversationId || !psid || !messageId)
    throw new ProviderError(`"${remoteId}" is not a Facebook Messenger message.`);
  return { conversationId, psid, messageId };
}

/** The conversations part of the stored cursor says "refused at <ms>" while Facebook refuses them. */
export const messagesOff = (cursor: string, now = Date.now()) =>
  /^off\d+$/.test(cursor) && now - Number(cursor.slice(3)) < MESSAGES_RETRY_MS;

/** A permission Facebook refused (code 10, or 200–299: `pages_messaging` missing). */
export function messagesRefused(error: unknown): boolean {
  const code = Number(responseBody(error)?.error?.code);
  return code === 10 || (code >= 200 && code < 300);
}

const newerTime = (a: string, b: string) => Number(a) > Number(b);

/**
 * One page of conversations updated since the last one kept (or since `since` on the first read),
 * with their messages from that time on; the Page's own messages are not inbox items.
 */
export async function readConversations(
  ctx: ProviderContext,
  page: { pageId: string; headers: Record<string, string> },
  since: Date,
  cursor: string
): Promise<{ replies: RemoteReply[]; cursor: string; more: boolean }> {
  const descent = readDescent(/^off\d+$/.test(cursor) ? '' : cursor, '');
  // A message written in the very second of the last update kept is read again rather than lost
  // (the inbox keeps it once); everything before that second was kept.
  // Graph's times are whole seconds: `since` is too.
  const fromMs = descent.mark ? Number(descent.mark) * 1000 : Math.floor(since.getTime() / 1000) * 1000;
  const { data } = await ctx.http.get(`/${encodeURIComponent(page.pageId)}/conversations`, {
    headers: page.headers,
    params: {
      platform: 'messenger',
      fields: `updated_time,messages.limit(${MESSAGES_PER_CONVERSATION}){${MESSAGE_FIELDS}}`,
      limit: CONVERSATIONS_PER_PAGE,
      ...(descent.page && { after: descent.page }),
    },
  });
  const answer = conversationsSchema.parse(data ?? {});
  let reachedMark = false;
  const replies: RemoteReply[] = [];
  for (const conversation of answer.data) {
    if (graphMs(conversation.updated_time) < fromMs) {
      reachedMark = true;
      break;
    }
    const messages = await newMessages(ctx, page.headers, conversation, fromMs);
    for (const message of messages) {
      const from = message.from;
      if (!from || from.id === page.pageId) continue;
      replies.push({
        remoteId: privateMessageId(conversation.id, from.id, message.id),
        inReplyTo: null,
        author: from.name ?? 'Messenger user',
        authorUrl: null,
        text: message.message,
        language: null,
        createdAt: new Date(graphMs(message.created_time)).toISOString(),
        url: null,
        private: true,
      });
    }
  }
  const newest = answer.data[0] ? String(Math.floor(graphMs(answer.data[0].updated_time) / 1000)) : null;
  const next = descend(descent, { newest, next: nextAfter(answer.paging), reachedMark }, newerTime);
  return { replies: replies.sort((a, b) => a.createdAt.localeCompare(b.createdAt)), ...next };
}

/** A conversation's messages from `fromMs` on: the nested page, then its next pages while they are all new. */
async function newMessages(
  ctx: ProviderContext,
  headers: Record<string, string>,
  conversation: z.infer<typeof conversationsSchema>['data'][number],
  fromMs: number
) {
  const kept: z.infer<typeof messageSchema>[] = [];
  let current = conversation.messages ?? { data: [], paging: {} };
  for (let extra = 0; ; extra++) {
    const fresh = current.data.filter((m) => graphMs(m.created_time) >= fromMs);
    kept.push(...fresh);
    const after = nextAfter(current.paging);
    if (fresh.length < current.data.length || !after || extra >= MORE_MESSAGE_PAGES) return kept;
    const { data } = await ctx.http.get(`/${encodeURIComponent(conversation.id)}/messages`, {
      headers,
      params: { fields: MESSAGE_FIELDS, limit: MESSAGES_PER_CONVERSATION, after },
    });
    current = messagesSchema.parse(data ?? {});
  }
}

/**
 * Answers a Messenger message with the Send API, to the person who wrote it. Graph keeps no
 * idempotency key: an uncertain send is looked up (`findPrivateAnswer`) by the answers service,
 * never sent again blindly.
 */
export async function answerPrivateMessage(
  ctx: ProviderContext,
  page: { pageId: string; headers: Record<string, string> },
  answer: { text: string; inReplyTo: string }
): Promise<PublishResult> {
  const { conversationId, psid } = parsePrivateMessageId(answer.inReplyTo);
  if ([...answer.text].length > MESSAGE_MAX_CHARACTERS)
    throw new ProviderError(`Messenger allows ${MESSAGE_MAX_CHARACTERS} characters in a message.`);
  const { data } = await ctx.http.post(
    `/${encodeURIComponent(page.pageId)}/messages`,
    { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: answer.text } },
    { headers: page.headers }
  );
  const messageId = String(data?.message_id ?? '');
  if (!messageId) throw new ProviderError('Facebook answered the message without its id.', 'unknown');
  return { remoteId: privateMessageId(conversationId, psid, messageId), url: null };
}

/** The Page's message with this text in the conversation since a time (`GET /{conversation-id}/messages`). */
export async function findPrivateAnswer(
  ctx: ProviderContext,
  page: { pageId: string; headers: Record<string, string> },
  { inReplyTo, since, text }: { inReplyTo: string; since: Date; text: string }
): Promise<RemotePost | null> {
  const { conversationId, psid } = parsePrivateMessageId(inReplyTo);
  const { data } = await ctx.http.get(`/${encodeURIComponent(conversationId)}/messages`, {
    headers: page.headers,
    params: { fields: MESSAGE_FIELDS, limit: MESSAGES_PER_CONVERSATION },
  });
  const ours = messagesSchema
    .parse(data ?? {})
    .data.find(
      (m) =>
        m.from?.id === page.pageId &&
        sameText(m.message, text) &&
        graphMs(m.created_time) >= since.getTime() - CLOCK_MARGIN_MS
    );
  return ours
    ? { remoteId: privateMessageId(conversationId, psid, ours.id), url: null, text: ours.message ?? '' }
    : null;
}
