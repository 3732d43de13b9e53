/**
 * Private conversations with a Meta account, read and answered the same way on Messenger (a Facebook
 * Page, `pages_messaging`) and on Instagram (a professional account with Instagram Login,
 * `instagram_business_manage_messages`): `GET /{owner-id}/conversations?platform=messenger|instagram`,
 * most recently updated first, down to the last update kept (newest-first.ts, the mark being an update
 * time in epoch seconds), each conversation with its newest messages from the floor, one descent behind
 * the mark (`ConversationsState`), a long conversation over several calls; answered with the Send API
 * (`POST /{owner-id}/messages`, a RESPONSE inside the 24-hour standard messaging window), exactly once
 * (Graph keeps no idempotency key: an uncertain answer is looked up in the conversation's messages,
 * `findPrivateAnswer`). A message's remote id names its conversation and its sender,
 * `dm:<conversationId>:<senderId>:<messageId>`, so its answer can only go back to that person,
 * privately. Sources: Meta's Messenger Platform (conversations API, Send API, messaging policy) and
 * Instagram Platform (conversations API, send messages) documentation.
 */
import type { InboxNotice } from '@porte-voix/kit/contracts';
import { z } from 'zod';

import { responseBody } from './common';
import { descend, readDescent, type Descent } from './newest-first';
import { readSweepThenConversations } from './streams';
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
const MESSAGE_FIELDS = 'id,message,from,created_time';

/** What differs between Messenger and Instagram. */
export type MessagingChannel = {
  platform: 'messenger' | 'instagram';
  /** As the editor reads it: "Messenger", "Instagram". */
  name: string;
  /** Before each path: '' when the version is in the base URL (Facebook), `/v23.0` otherwise. */
  versionPath: string;
  /** The Page, or the Instagram account: whose conversations, who answers. */
  ownerId: string;
  headers: Record<string, string>;
  /** The longest text a message may have. */
  maxCharacters: number;
  /** Said on the source while the conversations are refused. */
  withoutMessages: InboxNotice;
  /** The sender's name and profile link as the network gives them. */
  author(from: { id?: string; name?: string; username?: string }): { name: string; url: string | null };
};

/** Why an answer was refused after the 24-hour window; `who` says who may answer ("Facebook lets a Page"). */
export const outsideWindowReason = (who: string) =>
  `${who} answer a private message only within 24 hours of the person's last message: answer them another way (or wait until they write again).`;

/**
 * Graph's answer outside the standard messaging window: code 10 with subcode 2018278 on Messenger,
 * 2534022 on Instagram ("This message is sent outside of allowed window").
 */
export const outsideWindow = (graphError: any) =>
  Number(graphError?.code) === 10 && [2018278, 2534022].includes(Number(graphError?.error_subcode));

const messageSchema = z.object({
  id: z.string(),
  message: z.string().default(''),
  created_time: z.string(),
  from: z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional() }).optional(),
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
    throw new ProviderError(`"${remoteId}" is not a private message.`);
  return { conversationId, psid, messageId };
}

/** A permission Meta refused (code 10, or 200–299: the messaging permission missing). */
export function messagesRefused(error: unknown): boolean {
  const code = Number(responseBody(error)?.error?.code);
  return code === 10 || (code >= 200 && code < 300);
}

const newerTime = (a: string, b: string) => Number(a) > Number(b);

/**
 * Where the conversations stand: the descent (newest-first.ts: its mark is an update time in epoch
 * seconds), the floor (epoch seconds) messages are read from, and a conversation read in several calls.
 * The descent stops at conversations updated before the mark; their messages are read from the floor,
 * the mark of the descent before (one descent behind): a conversation updated while a descent goes down
 * jumps above it, and the next descent still finds the messages it held before (read twice, kept once).
 * A descent of several calls during which a conversation was updated (`head`, the conversation on top
 * as it started, no longer is, or was updated since) may have missed one that jumped above it twice in
 * a row: the floor then stays where it is until a descent ends with nothing updated meanwhile.
 * `deep` is the conversation with more new messages than a call reads (`after`: Graph's token for its
 * next messages; empty once they are read, the descent then goes on after that conversation).
 */
export type ConversationsState = {
  descent: Descent;
  floor: string;
  deep: { conversation: string; after: string } | null;
  head: string | null;
};

/** Graph's tokens hold no space: it separates the parts. A cursor written before the floor reads from its mark. */
export function readConversationsState(cursor: string): ConversationsState {
  const [mark = '', page = '', top = '', floor = '', conversation = '', after = '', head = ''] =
    cursor.split(' ');
  return {
    descent: { mark, page: page || null, top: top || null },
    floor: floor || mark,
    deep: conversation ? { conversation, after } : null,
    head: head || null,
  };
}

export function writeConversationsState({ descent, floor, deep, head }: ConversationsState): string {
  const parts = [
    descent.mark,
    descent.page ?? '',
    descent.top ?? '',
    floor,
    deep?.conversation,
    deep?.after,
    head ?? '',
  ];
  return parts
    .map((part) => part ?? '')
    .join(' ')
    .trimEnd();
}

type Message = z.infer<typeof messageSchema>;

function messageReplies(
  channel: MessagingChannel,
  conversationId: string,
  messages: Message[]
): RemoteReply[] {
  return messages.flatMap((message) => {
    const from = message.from;
    // The account's own messages are not inbox items.
    if (!from || from.id === channel.ownerId) return [];
    const author = channel.author(from);
    return [
      {
        remoteId: privateMessageId(conversationId, from.id, message.id),
        inReplyTo: null,
        author: author.name,
        authorUrl: author.url,
        text: message.message,
        language: null,
        createdAt: new Date(graphMs(message.created_time)).toISOString(),
        url: null,
        private: true,
      },
    ];
  });
}

/**
 * A conversation's messages from `fromMs` on, newest first: `first` (the nested page, or the page after
 * a token), then its next pages while they are all new, MORE_MESSAGE_PAGES at most; `after` is the
 * token for the rest when the call stopped before the older messages.
 */
async function newMessages(
  ctx: ProviderContext,
  channel: MessagingChannel,
  conversationId: string,
  first: z.infer<typeof messagesSchema> | null,
  fromMs: number,
  startAfter: string | null = null
): Promise<{ kept: Message[]; after: string | null }> {
  const kept: Message[] = [];
  const read = async (after: string) => {
    const { data } = await ctx.http.get(
      `${channel.versionPath}/${encodeURIComponent(conversationId)}/messages`,
      {
        headers: channel.headers,
        params: { fields: MESSAGE_FIELDS, limit: MESSAGES_PER_CONVERSATION, after },
      }
    );
    return messagesSchema.parse(data ?? {});
  };
  let current = first ?? (await read(startAfter!));
  for (let extra = 0; ; extra++) {
    const fresh = current.data.filter((m) => graphMs(m.created_time) >= fromMs);
    kept.push(...fresh);
    const after = nextAfter(current.paging);
    if (fresh.length < current.data.length || !after) return { kept, after: null };
    if (extra >= MORE_MESSAGE_PAGES) return { kept, after };
    current = await read(after);
  }
}

/**
 * One page of conversations updated since the last descent started (or since `since` on the first
 * read), with their messages from the floor on; a conversation with more new messages than a call
 * reads is read on in the next calls before the descent goes on.
 */
export async function readConversations(
  ctx: ProviderContext,
  channel: MessagingChannel,
  since: Date,
  cursor: string
): Promise<{ replies: RemoteReply[]; cursor: string; more: boolean }> {
  const state = readConversationsState(cursor);
  const { descent } = state;
  // Graph's times are whole seconds: `since` is too. A message written in the very second of the
  // floor is read again rather than lost (the inbox keeps it once).
  const markMs = descent.mark ? Number(descent.mark) * 1000 : Math.floor(since.getTime() / 1000) * 1000;
  const fromMs = state.floor ? Number(state.floor) * 1000 : markMs;
  if (state.deep?.after) {
    const { conversation, after } = state.deep;
    const read = await newMessages(ctx, channel, conversation, null, fromMs, after);
    const deep = { conversation, after: read.after ?? '' };
    return {
      replies: messageReplies(channel, conversation, read.kept),
      cursor: writeConversationsState({ ...state, deep }),
      more: true,
    };
  }
  const { data } = await ctx.http.get(
    `${channel.versionPath}/${encodeURIComponent(channel.ownerId)}/conversations`,
    {
      headers: channel.headers,
      params: {
        platform: channel.platform,
        fields: `updated_time,messages.limit(${MESSAGES_PER_CONVERSATION}){${MESSAGE_FIELDS}}`,
        limit: CONVERSATIONS_PER_PAGE,
        ...(descent.page && { after: descent.page }),
      },
    }
  );
  const answer = conversationsSchema.parse(data ?? {});
  const newest = answer.data[0] ? String(Math.floor(graphMs(answer.data[0].updated_time) / 1000)) : null;
  // The conversation on top as this descent started (its first call), to tell at its end whether any moved.
  const head = descent.top === null ? (answer.data[0]?.id ?? null) : state.head;
  // Back from a conversation read in several calls: the page goes on after it (all of it when it left the page).
  const resumeAt = state.deep ? answer.data.findIndex((c) => c.id === state.deep!.conversation) + 1 : 0;
  let reachedMark = false;
  const replies: RemoteReply[] = [];
  for (const conversation of answer.data.slice(resumeAt)) {
    if (graphMs(conversation.updated_time) < markMs) {
      reachedMark = true;
      break;
    }
    const read = await newMessages(ctx, channel, conversation.id, conversation.messages ?? null, fromMs);
    replies.push(...messageReplies(channel, conversation.id, read.kept));
    if (read.after) {
      const deep = { conversation: conversation.id, after: read.after };
      const standing = { ...descent, top: descent.top ?? newest };
      const cursor = writeConversationsState({ ...state, descent: standing, deep, head });
      return { replies, cursor, more: true };
    }
  }
  const next = descend(descent, { newest, next: nextAfter(answer.paging), reachedMark }, newerTime);
  const done = readDescent(next.cursor, '');
  // A descent over: the next one reads messages from this one's mark, unless conversations moved while
  // it went down over several calls (one read at once cannot miss any).
  const settled =
    next.more || descent.top === null || (await nothingUpdated(ctx, channel, descent.top, head));
  const floor = next.more || !settled ? state.floor : descent.mark || String(Math.floor(markMs / 1000));
  return {
    replies: replies.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    cursor: writeConversationsState({ descent: done, floor, deep: null, head: next.more ? head : null }),
    more: next.more,
  };
}

/** Whether the conversation on top is still `head`, updated at `top` (epoch seconds) as the descent started. */
async function nothingUpdated(
  ctx: ProviderContext,
  channel: MessagingChannel,
  top: string,
  head: string | null
): Promise<boolean> {
  const { data } = await ctx.http.get(
    `${channel.versionPath}/${encodeURIComponent(channel.ownerId)}/conversations`,
    { headers: channel.headers, params: { platform: channel.platform, fields: 'updated_time', limit: 1 } }
  );
  const first = conversationsSchema.parse(data ?? {}).data[0];
  if (!first) return true;
  return first.id === head && String(Math.floor(graphMs(first.updated_time) / 1000)) === top;
}

/**
 * Answers a private message with the Send API, to the person who wrote it. Graph keeps no
 * idempotency key: an uncertain send is looked up (`findPrivateAnswer`) by the answers service,
 * never sent again blindly.
 */
export async function answerPrivateMessage(
  ctx: ProviderContext,
  channel: MessagingChannel,
  answer: { text: string; inReplyTo: string }
): Promise<PublishResult> {
  const { conversationId, psid } = parsePrivateMessageId(answer.inReplyTo);
  if ([...answer.text].length > channel.maxCharacters)
    throw new ProviderError(`${channel.name} allows ${channel.maxCharacters} characters in a message.`);
  const { data } = await ctx.http.post(
    `${channel.versionPath}/${encodeURIComponent(channel.ownerId)}/messages`,
    { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: answer.text } },
    { headers: channel.headers }
  );
  const messageId = String(data?.message_id ?? '');
  if (!messageId) throw new ProviderError(`${channel.name} answered the message without its id.`, 'unknown');
  return { remoteId: privateMessageId(conversationId, psid, messageId), url: null };
}

/** The account's message with this text in the conversation since a time (`GET /{conversation-id}/messages`). */
export async function findPrivateAnswer(
  ctx: ProviderContext,
  channel: MessagingChannel,
  { inReplyTo, since, text }: { inReplyTo: string; since: Date; text: string }
): Promise<RemotePost | null> {
  const { conversationId, psid } = parsePrivateMessageId(inReplyTo);
  const { data } = await ctx.http.get(
    `${channel.versionPath}/${encodeURIComponent(conversationId)}/messages`,
    {
      headers: channel.headers,
      params: { fields: MESSAGE_FIELDS, limit: MESSAGES_PER_CONVERSATION },
    }
  );
  const ours = messagesSchema
    .parse(data ?? {})
    .data.find(
      (m) =>
        m.from?.id === channel.ownerId &&
        sameText(m.message, text) &&
        graphMs(m.created_time) >= since.getTime() - CLOCK_MARGIN_MS
    );
  return ours
    ? { remoteId: privateMessageId(conversationId, psid, ours.id), url: null, text: ours.message ?? '' }
    : null;
}

/** Hiding, liking and deleting work on comments: a private message is refused clearly, before any request. */
export function notAPrivateMessage(channel: { name: string }, remoteId: string, what: string) {
  if (isPrivateMessageId(remoteId))
    throw new ProviderError(`A ${channel.name} message cannot be ${what} through the API.`);
}

/**
 * One read of the inbox of an account with comments and conversations: the comment sweep one page at
 * a time (`readComments`), then the conversations (streams.ts); while the messaging permission is
 * refused, the source says so and they are tried again a day later.
 */
export function readCommentsThenConversations(
  ctx: ProviderContext,
  channel: MessagingChannel,
  { since, cursor }: { since: Date; cursor?: string | null },
  readComments: (sweepCursor: string) => Promise<{ replies: RemoteReply[]; cursor: string; more: boolean }>
): Promise<{ replies: RemoteReply[]; cursor: string; more: boolean; notices: InboxNotice[] }> {
  return readSweepThenConversations(cursor, {
    sweep: readComments,
    conversations: (conversations) => readConversations(ctx, channel, since, conversations),
    refused: messagesRefused,
    withoutConversations: channel.withoutMessages,
  });
}
