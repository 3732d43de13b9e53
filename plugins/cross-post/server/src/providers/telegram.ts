/** Telegram Bot API: the token is in the path; every answer is {ok, …}; waits in seconds in the body. */
import {
  emptyTextProblem,
  httpStatus,
  imageBlob,
  imageCountProblem,
  lengthValidation,
  requireCredentials,
  responseBody,
  serverErrorVerdict,
  transportVerdict,
  waitSeconds,
} from './common';
import { count } from './metrics';
import { utf16Length } from './text';
import { ProviderError, type Provider, type ProviderContext } from './types';

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_IMAGES = 1;
/** getUpdates answers at most 100 updates per call. */
const UPDATES_PER_CALL = 100;

function bot(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['botToken', 'chatId']);
  return { path: `/bot${ctx.account.credentials.botToken}`, chatId: ctx.account.credentials.chatId! };
}

/**
 * A reader writing to the bot in its private chat: a direct message. Its answer goes to that chat
 * (the remote id names it), which only the reader sees.
 */
const isDirectMessage = (message: any) => message.chat?.type === 'private';

function messageUrl(message: any): string | null {
  return message.chat?.username ? `https://t.me/${message.chat.username}/${message.message_id}` : null;
}

async function deleteMessage(remoteId: string, ctx: ProviderContext): Promise<void> {
  const { path } = bot(ctx);
  const cut = remoteId.lastIndexOf(':');
  const [chatId, messageId] = [remoteId.slice(0, cut), remoteId.slice(cut + 1)];
  if (cut <= 0 || !/^\d+$/.test(messageId)) throw new ProviderError(`Not a Telegram message: ${remoteId}.`);
  await ctx.http.post(`${path}/deleteMessage`, { chat_id: chatId, message_id: Number(messageId) });
}

const telegram: Provider = {
  network: 'telegram',
  displayName: 'Telegram',
  defaultBaseUrl: 'https://api.telegram.org',
  selfHosted: false,
  demo: {
    name: 'Telegram (démo)',
    language: 'fr',
    credentials: { botToken: '123456:DEMO', chatId: '@porte_voix_demo' },
  },
  credentialFields: [
    { name: 'botToken', secret: true, required: true },
    { name: 'chatId', secret: false, required: true },
  ],
  limits: { textLength: MAX_TEXT, captionLength: MAX_CAPTION, images: MAX_IMAGES },
  idempotencyWindowMs: 0,
  metrics: { batchSize: 100, measures: [], freshness: 'live', polled: false },
  readsSharePublishingLimit: false,
  metricsNote:
    "Not polled: the Bot API gives bots no view counts, and reactions only as pushed updates. Followers are the chat's member count.",

  async validate(post) {
    const limit = post.images.length > 0 ? MAX_CAPTION : MAX_TEXT;
    const validation = lengthValidation(utf16Length(post.text), limit, 'Telegram');
    validation.problems.push(
      ...emptyTextProblem(post, 'Telegram'),
      ...imageCountProblem(post, MAX_IMAGES, 'Telegram')
    );
    return validation;
  },

  async publish(post, _idempotencyKey, ctx) {
    const { path, chatId } = bot(ctx);
    let response;
    if (post.images.length > 0) {
      const [image] = post.images;
      const form = new FormData();
      form.append('chat_id', chatId);
      form.append('caption', post.text);
      form.append('photo', imageBlob(await image.load(), image.mimeType), image.filename);
      response = await ctx.http.post(`${path}/sendPhoto`, form);
    } else {
      response = await ctx.http.post(`${path}/sendMessage`, {
        chat_id: chatId,
        text: post.text,
        ...(post.link && { link_preview_options: { url: post.link } }),
      });
    }
    const message = response.data.result;
    return { remoteId: `${message.chat.id}:${message.message_id}`, url: messageUrl(message) };
  },

  // The Bot API cannot read a message back: what we stored is all there is.
  /**
   * A message in the reader's chat, in reply to theirs (`reply_parameters`): a group's for a reply,
   * the private chat with the bot for a direct message (only the reader sees it). Telegram has no
   * idempotency key: an unknown outcome is never sent again blindly.
   */
  async reply({ text, inReplyTo }, _idempotencyKey, ctx) {
    const { path } = bot(ctx);
    const [chatId, messageId] = [inReplyTo.slice(0, inReplyTo.lastIndexOf(':')), inReplyTo.split(':').pop()];
    if (!chatId || !messageId || !/^\d+$/.test(messageId))
      throw new ProviderError(`Not a Telegram message to answer: ${inReplyTo}.`);
    const { data } = await ctx.http.post(`${path}/sendMessage`, {
      chat_id: chatId,
      text,
      reply_parameters: { message_id: Number(messageId) },
    });
    const message = data.result;
    return { remoteId: `${message.chat.id}:${message.message_id}`, url: messageUrl(message) };
  },

  /** A 👍 from the bot (`setMessageReaction`: a bot sets at most one reaction per message). */
  async like(remoteId, ctx) {
    const { path } = bot(ctx);
    const cut = remoteId.lastIndexOf(':');
    const [chatId, messageId] = [remoteId.slice(0, cut), remoteId.slice(cut + 1)];
    if (cut <= 0 || !/^\d+$/.test(messageId)) throw new ProviderError(`Not a Telegram message: ${remoteId}.`);
    await ctx.http.post(`${path}/setMessageReaction`, {
      chat_id: chatId,
      message_id: Number(messageId),
      reaction: [{ type: 'emoji', emoji: '👍' }],
    });
  },

  /** deleteMessage: a reader's message in a group where the bot is an administrator. */
  async hide(remoteId, ctx) {
    await deleteMessage(remoteId, ctx);
  },

  async deleteOwn(remoteId, ctx) {
    await deleteMessage(remoteId, ctx);
  },

  async lookup(remoteId) {
    return { remoteId, url: null };
  },

  // The Bot API has no view counts; reactions reach a bot only as pushed updates, never by asking.
  async fetchMetrics(remoteIds) {
    return remoteIds.map((remoteId) => ({
      remoteId,
      state: 'unavailable' as const,
      reason: 'Telegram does not let bots read the views or reactions of a message.',
    }));
  },

  async fetchAccountMetrics(ctx) {
    const { path, chatId } = bot(ctx);
    const { data } = await ctx.http.get(`${path}/getChatMemberCount`, { params: { chat_id: chatId } });
    return { followers: count(data?.result) };
  },

  /**
   * Telegram keeps unconfirmed updates 24 h and answers the oldest first: without an offset, the same
   * 100 come back and newer ones are never seen. The answer's cursor is the next offset; passing it
   * confirms (drops) everything before it.
   */
  // getUpdates is not counted against sending; 100 updates a call, kept 24 h by Telegram.
  inbox: { pollEveryMs: 30_000, pagesPerRound: 5 },
  async fetchReplies({ since, cursor }, ctx) {
    const { path } = bot(ctx);
    const offset = cursor && /^-?\d+$/.test(cursor) ? Number(cursor) : undefined;
    const { data } = await ctx.http.get(`${path}/getUpdates`, {
      params: {
        ...(offset !== undefined && { offset }),
        limit: UPDATES_PER_CALL,
        timeout: 0,
        allowed_updates: JSON.stringify(['message']),
      },
    });
    const updates = (data?.result ?? []) as any[];
    const lastId = updates.reduce((max, u) => Math.max(max, Number(u.update_id) || 0), -Infinity);
    const replies = updates
      .map((u) => u.message)
      // Telegram dates are in whole seconds: a reply in the second of publishing is not older than it.
      .filter((m) => m?.chat && m.date >= Math.floor(since.getTime() / 1000))
      // A reply in a chat, or a reader writing to the bot in private; other group talk is not for us.
      .filter((m) => m.reply_to_message || isDirectMessage(m))
      .map((m) => ({
        remoteId: `${m.chat.id}:${m.message_id}`,
        inReplyTo: m.reply_to_message ? `${m.chat.id}:${m.reply_to_message.message_id}` : null,
        author: m.from?.username ? `@${m.from.username}` : String(m.from?.id ?? 'unknown'),
        authorUrl: m.from?.username ? `https://t.me/${m.from.username}` : null,
        text: m.text ?? m.caption ?? '',
        language: m.from?.language_code ?? null,
        createdAt: new Date(m.date * 1000).toISOString(),
        url: messageUrl(m),
        ...(isDirectMessage(m) && { private: true }),
      }));
    return {
      replies,
      cursor: Number.isFinite(lastId) ? String(lastId + 1) : (cursor ?? null),
      more: updates.length >= UPDATES_PER_CALL,
    };
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const body = responseBody(error);
    const description = body.description ?? `HTTP ${status}`;
    if (status === 429) {
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: waitSeconds(body.parameters?.retry_after),
        reason: `Telegram rate limit reached (${description}).`,
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const server = serverErrorVerdict(status, 'Telegram');
    if (server) return server;
    if (status === 401)
      return {
        action: 'reject',
        credentials: true,
        reason: 'Telegram refused the bot token: edit the account.',
      };
    if (body.parameters?.migrate_to_chat_id) {
      return {
        action: 'reject',
        reason: `The group moved: set the chat id to ${body.parameters.migrate_to_chat_id}.`,
      };
    }
    return { action: 'reject', reason: `Telegram rejected the message: ${description}.` };
  },
};

export default telegram;
