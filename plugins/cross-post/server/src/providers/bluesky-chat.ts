/**
 * Bluesky direct messages: the chat service, reached through the account's PDS with the
 * `atproto-proxy` header. Read forward from the chat log's cursor (the history before the inbox
 * first looked is never read), answered with `sendMessage` in the same conversation. The chat has no
 * idempotency key: an answer whose outcome is unknown is looked up in the conversation, never sent
 * again blindly. An app password made without access to direct messages is refused: replies are
 * still collected, and the inbox says what to do.
 */
import type { InboxNotice } from '@porte-voix/kit/contracts';
import { z } from 'zod';

import { httpStatus, responseBody } from './common';
import { CLOCK_MARGIN_MS } from './per-post';
import { sameText } from './text';
import { ProviderError, type ProviderContext, type RemotePost, type RemoteReply } from './types';

const PROXY = { 'atproto-proxy': 'did:web:api.bsky.chat#bsky_chat' };
const PREFIX = 'chat:';
/** The stored chat cursor of an account that had no conversation yet: its log is read from the start. */
const FROM_START = '-';
/** `getMessages`' largest page: where an uncertain answer is looked for. */
const MESSAGES_PER_PAGE = 100;

/** A chat message's remote id names its conversation: `chat:<convoId>:<messageId>`. */
export const isChatMessage = (remoteId: string) => remoteId.startsWith(PREFIX);

function chatIdOf(remoteId: string): { convoId: string; messageId: string } {
  const [convoId, messageId] = remoteId.slice(PREFIX.length).split(':');
  if (!isChatMessage(remoteId) || !convoId || !messageId)
    throw new ProviderError(`Not a Bluesky chat message: ${remoteId}.`);
  return { convoId, messageId };
}

const messageView = z.object({
  id: z.string().min(1),
  text: z.string(),
  sender: z.object({ did: z.string().min(1) }),
  sentAt: z.string(),
});

/** A new message in the log; deleted messages, reactions and conversations begun or left are not. */
const createdMessage = z.object({
  $type: z.literal('chat.bsky.convo.defs#logCreateMessage'),
  convoId: z.string().min(1),
  message: messageView,
});

const logPage = z.object({ cursor: z.string().nullish(), logs: z.array(z.unknown()) });
const convoList = z.object({ convos: z.array(z.object({ rev: z.string() }).passthrough()) });
const convoMembers = z.object({
  convo: z.object({ members: z.array(z.object({ did: z.string(), handle: z.string().nullish() })) }),
});

/** The PDS refuses the chat to an app password without the direct-messages permission. */
function refusedDirectMessages(error: unknown): boolean {
  const status = httpStatus(error);
  const body = responseBody(error);
  return (
    (status === 400 || status === 401 || status === 403) &&
    /scope|privileged|direct message/i.test(`${body.error ?? ''} ${body.message ?? ''}`)
  );
}

export type ChatPage = {
  messages: RemoteReply[];
  cursor: string | null;
  more: boolean;
  notice: InboxNotice | null;
};

/**
 * One page of the account's chat log after `cursor`: the messages others sent (ours are not readers'),
 * oldest first. Without a cursor, only the position: the newest conversation's revision.
 */
export async function readChat(
  cursor: string | null,
  { headers, did }: { headers: Record<string, string>; did: string },
  ctx: ProviderContext
): Promise<ChatPage> {
  const withProxy = { ...headers, ...PROXY };
  try {
    if (!cursor) {
      const { data } = await ctx.http.get('/xrpc/chat.bsky.convo.listConvos', {
        headers: withProxy,
        params: { limit: 1 },
      });
      const newest = convoList.parse(data).convos[0]?.rev;
      return { messages: [], cursor: newest ?? FROM_START, more: false, notice: null };
    }
    const { data } = await ctx.http.get('/xrpc/chat.bsky.convo.getLog', {
      headers: withProxy,
      params: cursor === FROM_START ? {} : { cursor },
    });
    const page = logPage.parse(data);
    const created = page.logs
      .map((entry) => createdMessage.safeParse(entry))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
      .filter((entry) => entry.message.sender.did !== did);
    const handles = await handlesOf([...new Set(created.map((e) => e.convoId))], withProxy, ctx);
    return {
      messages: created.map(({ convoId, message }) => {
        const handle = handles.get(message.sender.did) ?? message.sender.did;
        return {
          remoteId: `${PREFIX}${convoId}:${message.id}`,
          inReplyTo: null,
          author: handle,
          authorUrl: `https://bsky.app/profile/${handle}`,
          text: message.text,
          createdAt: message.sentAt,
          url: null,
          private: true,
        };
      }),
      cursor: page.cursor || cursor,
      // An empty page is the end of the log for now.
      more: page.logs.length > 0,
      notice: null,
    };
  } catch (error) {
    if (!refusedDirectMessages(error)) throw error;
    return { messages: [], cursor, more: false, notice: 'bluesky.messagesRefused' };
  }
}

/** The members' handles of these conversations, by DID (a DID stays the author where none is known). */
async function handlesOf(
  convoIds: string[],
  headers: Record<string, string>,
  ctx: ProviderContext
): Promise<Map<string, string>> {
  const handles = new Map<string, string>();
  for (const convoId of convoIds) {
    const { data } = await ctx.http.get('/xrpc/chat.bsky.convo.getConvo', { headers, params: { convoId } });
    for (const member of convoMembers.parse(data).convo.members)
      if (member.handle) handles.set(member.did, member.handle);
  }
  return handles;
}

/** Answers a chat message in its conversation: only the reader sees it. */
export async function answerInChat(
  text: string,
  inReplyTo: string,
  { headers }: { headers: Record<string, string> },
  ctx: ProviderContext
): Promise<{ remoteId: string; url: string | null }> {
  const { convoId } = chatIdOf(inReplyTo);
  const { data } = await ctx.http.post(
    '/xrpc/chat.bsky.convo.sendMessage',
    { convoId, message: { text } },
    { headers: { ...headers, ...PROXY } }
  );
  return { remoteId: `${PREFIX}${convoId}:${messageView.parse(data).id}`, url: null };
}

/** Our message with this text in the conversation since a time (an answer whose outcome was unknown). */
export async function findChatAnswer(
  { inReplyTo, since, text }: { inReplyTo: string; since: Date; text: string },
  { headers, did }: { headers: Record<string, string>; did: string },
  ctx: ProviderContext
): Promise<RemotePost | null> {
  const { convoId } = chatIdOf(inReplyTo);
  const { data } = await ctx.http.get('/xrpc/chat.bsky.convo.getMessages', {
    headers: { ...headers, ...PROXY },
    params: { convoId, limit: MESSAGES_PER_PAGE },
  });
  const messages = z.array(z.unknown()).parse(data?.messages ?? []);
  const found = messages
    .map((item) => messageView.safeParse(item))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .find(
      (m) =>
        m.sender.did === did &&
        Date.parse(m.sentAt) >= since.getTime() - CLOCK_MARGIN_MS &&
        sameText(m.text, text)
    );
  return found ? { remoteId: `${PREFIX}${convoId}:${found.id}`, url: null, text: found.text } : null;
}
