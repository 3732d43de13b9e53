/**
 * Telegram Bot API: /bot<token>/<method>, `{ok:…}` bodies whose error_code is the HTTP status,
 * retry_after in seconds. getUpdates as Telegram serves it: the oldest unconfirmed updates first, at
 * most 100, kept 24 h; calling with `offset` confirms (drops) every update before it. A reader who
 * starts a private chat with the bot writes in a chat whose id is their user id (type `private`);
 * the bot may write there only once they have, as Telegram refuses a bot starting a conversation.
 */
import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

const failure = (code: number, description: string, parameters?: Record<string, unknown>): Reply => ({
  status: code,
  body: { ok: false, error_code: code, description, ...(parameters && { parameters }) },
});

export class TelegramFake extends FakeNetwork {
  readonly network = 'telegram';
  readonly invalidTokens = new Set<string>();
  /**
   * Answer the next send with a 404 whose description quotes the request path (token included), as a
   * self-hosted Bot API server or a proxy in front of it may: what we store must never repeat it.
   */
  quotePathInNextError = false;
  private nextMessageId = 1;
  /** Messages deleted through deleteMessage, as `chat:message`. */
  readonly deleted: string[] = [];
  /** The bot's reactions through setMessageReaction, by `chat:message`. */
  readonly reactions = new Map<string, string[]>();
  private nextUpdateId = 500_000_000;
  /** Unconfirmed updates per bot token, oldest first. */
  private updates = new Map<string, { update_id: number; at: number; message: any }[]>();
  /** The private chats readers opened with each bot (`token` → chat id → the chat). */
  private privateChats = new Map<string, Map<string, any>>();
  private nextUserId = 7_000_000;

  protected resetState(): void {
    this.invalidTokens.clear();
    this.quotePathInNextError = false;
    this.nextMessageId = 1;
    this.updates.clear();
    this.privateChats.clear();
    this.deleted.length = 0;
    this.reactions.clear();
  }

  /** A reader's reply to a message of the chat, delivered to the bot as an update. */
  addReply(botToken: string, reply: { toMessageId: number; text: string; from?: string }): number {
    const queue = this.updates.get(botToken) ?? [];
    const updateId = this.nextUpdateId++;
    const chat = { id: -1001234567890, title: 'Fake discussion', type: 'supergroup' };
    queue.push({
      update_id: updateId,
      at: this.now(),
      message: {
        message_id: this.nextMessageId++,
        from: { id: 4242, is_bot: false, first_name: 'Lecteur', username: reply.from ?? 'lecteur' },
        chat,
        date: Math.floor(this.now() / 1000),
        text: reply.text,
        reply_to_message: { message_id: reply.toMessageId, chat, date: Math.floor(this.now() / 1000) - 60 },
      },
    });
    this.updates.set(botToken, queue);
    return updateId;
  }

  /**
   * A message to the bot in its private chat with a reader (or, with `inGroup`, a group message
   * that answers nothing), delivered as an update: its chat and message ids.
   */
  addDirectMessage(
    botToken: string,
    message: { text: string; from?: string; userId?: number; inGroup?: boolean }
  ): { updateId: number; chatId: number; messageId: number } {
    const userId = message.userId ?? this.nextUserId++;
    const username = message.from ?? 'lectrice';
    const from = { id: userId, is_bot: false, first_name: 'Lectrice', username, language_code: 'fr' };
    const chat = message.inGroup
      ? { id: -1001234567890, title: 'Fake discussion', type: 'supergroup' }
      : { id: userId, first_name: 'Lectrice', username, type: 'private' };
    if (!message.inGroup) {
      const chats = this.privateChats.get(botToken) ?? new Map<string, any>();
      chats.set(String(userId), chat);
      this.privateChats.set(botToken, chats);
    }
    const queue = this.updates.get(botToken) ?? [];
    const updateId = this.nextUpdateId++;
    const messageId = this.nextMessageId++;
    queue.push({
      update_id: updateId,
      at: this.now(),
      message: { message_id: messageId, from, chat, date: Math.floor(this.now() / 1000), text: message.text },
    });
    this.updates.set(botToken, queue);
    return { updateId, chatId: chat.id, messageId };
  }

  /** Updates still kept for the bot (not confirmed by an offset yet). */
  pendingUpdates(botToken: string): number {
    return (this.updates.get(botToken) ?? []).length;
  }

  private getUpdates(ctx: RequestContext): Reply {
    const token = ctx.params[0];
    if (this.invalidTokens.has(token)) return failure(401, 'Unauthorized');
    const offset = ctx.url.searchParams.get('offset');
    const limit = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('limit') ?? 100) || 100));
    // Telegram keeps updates 24 hours; an offset confirms everything before it.
    const kept = (this.updates.get(token) ?? []).filter(
      (u) => this.now() - u.at < 86_400_000 && (offset === null || u.update_id >= Number(offset))
    );
    this.updates.set(token, kept);
    return {
      status: 200,
      body: {
        ok: true,
        result: kept.slice(0, limit).map(({ update_id, message }) => ({ update_id, message })),
      },
    };
  }

  protected accountOf(ctx: RequestContext) {
    return ctx.params[0];
  }

  protected rateLimited(waitMs: number): Reply {
    const seconds = Math.ceil(waitMs / 1000);
    return failure(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
  }

  protected serverError(): Reply {
    return failure(502, 'Bad Gateway');
  }

  private send(ctx: RequestContext, kind: 'text' | 'photo'): Reply {
    if (this.quotePathInNextError) {
      this.quotePathInNextError = false;
      return failure(404, `Not Found: no route for POST ${ctx.url.pathname}`);
    }
    if (this.invalidTokens.has(ctx.params[0])) return failure(401, 'Unauthorized');
    const fields = ctx.fields();
    const chatId = fields.chat_id;
    if (!chatId) return failure(400, 'Bad Request: chat_id is empty');
    const text: string = kind === 'text' ? (fields.text ?? '') : (fields.caption ?? '');
    if (kind === 'text' && !text) return failure(400, 'Bad Request: message text is empty');
    if (kind === 'text' && text.length > 4096) return failure(400, 'Bad Request: message is too long');
    if (kind === 'photo' && text.length > 1024)
      return failure(400, 'Bad Request: message caption is too long');
    const username = String(chatId).startsWith('@') ? String(chatId).slice(1) : undefined;
    // A positive id is a user's private chat: only one the reader opened with this bot.
    const privateChat = this.privateChats.get(ctx.params[0])?.get(String(chatId));
    if (/^\d+$/.test(String(chatId)) && !privateChat)
      return failure(403, "Forbidden: bot can't initiate conversation with a user");
    const message = {
      message_id: this.nextMessageId++,
      ...(privateChat
        ? { from: { id: 1, is_bot: true, first_name: 'Porte-voix', username: 'porte_voix_bot' } }
        : { sender_chat: { id: -1001234567890, title: 'Fake channel', type: 'channel' } }),
      chat: privateChat ?? {
        id: -1001234567890,
        title: 'Fake channel',
        type: 'channel',
        ...(username && { username }),
      },
      date: Math.floor(Date.now() / 1000),
      ...(kind === 'text' ? { text } : { caption: text, photo: [{ file_id: 'fake', width: 1, height: 1 }] }),
    };
    const replyTo = fields.reply_parameters?.message_id ?? fields.reply_to_message_id;
    this.record({
      id: String(message.message_id),
      account: ctx.params[0],
      text,
      ...(replyTo && { inReplyTo: `${chatId}:${replyTo}` }),
    });
    return { status: 200, body: { ok: true, result: message } };
  }

  protected routes(): Route[] {
    return [
      {
        method: 'POST',
        path: /^\/bot([^/]+)\/sendMessage$/,
        publish: true,
        handle: (ctx) => this.send(ctx, 'text'),
      },
      {
        method: 'POST',
        path: /^\/bot([^/]+)\/sendPhoto$/,
        publish: true,
        handle: (ctx) => this.send(ctx, 'photo'),
      },
      {
        // setMessageReaction: a bot may set at most one reaction, from the standard emoji.
        method: 'POST',
        path: /^\/bot([^/]+)\/setMessageReaction$/,
        handle: (ctx) => {
          if (this.invalidTokens.has(ctx.params[0])) return failure(401, 'Unauthorized');
          const { chat_id: chatId, message_id: messageId, reaction } = ctx.fields();
          if (!chatId || !messageId) return failure(400, 'Bad Request: message identifier is not specified');
          const emoji = (Array.isArray(reaction) ? reaction : []).map((r: any) => r?.emoji);
          if (emoji.length > 1) return failure(400, 'Bad Request: REACTIONS_TOO_MANY');
          this.reactions.set(`${chatId}:${messageId}`, emoji);
          return { status: 200, body: { ok: true, result: true } };
        },
      },
      {
        // deleteMessage: the bot's own messages, or anyone's in a group where it is an administrator.
        method: 'POST',
        path: /^\/bot([^/]+)\/deleteMessage$/,
        handle: (ctx) => {
          if (this.invalidTokens.has(ctx.params[0])) return failure(401, 'Unauthorized');
          const { chat_id: chatId, message_id: messageId } = ctx.fields();
          if (!chatId || !messageId) return failure(400, 'Bad Request: message identifier is not specified');
          const key = `${chatId}:${messageId}`;
          if (this.deleted.includes(key)) return failure(400, 'Bad Request: message to delete not found');
          this.deleted.push(key);
          return { status: 200, body: { ok: true, result: true } };
        },
      },
      {
        method: 'GET',
        path: /^\/bot([^/]+)\/getUpdates$/,
        metrics: true,
        handle: (ctx) => this.getUpdates(ctx),
      },
      {
        method: 'GET',
        path: /^\/bot([^/]+)\/getChatMemberCount$/,
        metrics: true,
        handle: (ctx) => {
          if (this.invalidTokens.has(ctx.params[0])) return failure(401, 'Unauthorized');
          const chatId = ctx.url.searchParams.get('chat_id');
          if (!chatId) return failure(400, 'Bad Request: chat_id is empty');
          const demo = this.demoCredentials();
          const members = this.followersFor(
            `${ctx.params[0]}:${chatId}`,
            ctx.params[0] === demo.botToken && chatId === demo.chatId
          );
          return { status: 200, body: { ok: true, result: members } };
        },
      },
      {
        method: 'GET',
        path: /^\/bot([^/]+)\/getMe$/,
        handle: () => ({
          status: 200,
          body: {
            ok: true,
            result: { id: 1, is_bot: true, first_name: 'Porte-voix', username: 'porte_voix_bot' },
          },
        }),
      },
    ];
  }
}
