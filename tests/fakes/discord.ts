/**
 * Discord webhooks: token in the URL, `?wait=true` → 200 Message, 429 with float seconds in the body.
 * Reading a message back (`GET …/messages/:id`) shows its reactions growing with age; a deleted
 * message answers 404 Unknown Message (10008), a deleted webhook 404 Unknown Webhook (10015).
 * Direct messages to a bot: `sendDirectMessage` opens the person's DM channel with the bot (one per
 * pair), stores the message and tells the bot's gateway sessions (discord-gateway.ts); the channel
 * is read and answered like any other, by that bot only (403 Missing Access otherwise, or once the
 * person blocked the bot).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';
import { DIRECT_MESSAGES_INTENT, DiscordGatewayFake } from './discord-gateway';

export class DiscordFake extends FakeNetwork {
  readonly network = 'discord';
  readonly deletedWebhooks = new Set<string>();
  private messages = new Map<string, any>();
  private nextId = 1_200_000_000_000_000_000n;

  /** Bot tokens the fake accepts: any token, unless listed as refused. */
  readonly refusedBotTokens = new Set<string>();
  /** Reader messages deleted by a bot, and reactions it added, by message id. */
  readonly deletedMessages: string[] = [];
  readonly botReactions = new Set<string>();
  /** Nonces a bot sent with `enforce_nonce`, with the message they made, kept a few minutes. */
  private nonces = new Map<string, { id: string; at: number }>();
  readonly gateway = new DiscordGatewayFake(
    () => `${this.baseUrl.replace(/^http/, 'ws')}/gateway`,
    (token) => this.refusedBotTokens.has(token),
    (token) => this.botUserOf(token)
  );
  /** DM channels by id: whose bot, with whom. */
  private dmChannels = new Map<string, { bot: string; userId: string; username: string }>();
  /** DM channels whose person blocked the bot: reading or writing there is refused. */
  readonly blockedChannels = new Set<string>();

  protected resetState(): void {
    this.deletedWebhooks.clear();
    this.messages.clear();
    this.refusedBotTokens.clear();
    this.deletedMessages.length = 0;
    this.botReactions.clear();
    this.nonces.clear();
    this.dmChannels.clear();
    this.blockedChannels.clear();
    this.gateway.reset();
  }

  /** A bot's user (one per token), as `/users/@me`, READY and its messages show it. */
  botUserOf(token: string) {
    const hash = [...token].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    return { id: String(900_000_000 + (hash % 100_000_000)), username: 'porte-voix-bot' };
  }

  protected upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    return this.gateway.upgrade(req, socket, head);
  }

  /** The DM channel of a person with a bot: the same each time for the same pair. */
  dmChannelOf(bot: string, username: string): string {
    const found = [...this.dmChannels].find(([, c]) => c.bot === bot && c.username === username);
    if (found) return found[0];
    const channelId = this.newId();
    const userId = String(500_000 + this.dmChannels.size);
    this.dmChannels.set(channelId, { bot, userId, username });
    return channelId;
  }

  /** A person writes to the bot privately: stored, and pushed to the bot's gateway sessions. */
  sendDirectMessage(
    bot: string,
    message: { from: string; text: string; replyTo?: string }
  ): { channelId: string; messageId: string } {
    const channelId = this.dmChannelOf(bot, message.from);
    const { userId, username } = this.dmChannels.get(channelId)!;
    const id = this.newId();
    const stored = {
      id,
      type: 0,
      channel_id: channelId,
      content: message.text,
      embeds: [],
      attachments: [],
      timestamp: new Date(this.now()).toISOString(),
      author: { id: userId, username, global_name: null, bot: false },
      ...(message.replyTo && {
        type: 19,
        message_reference: { message_id: message.replyTo, channel_id: channelId },
      }),
      reactions: [],
    };
    this.messages.set(id, stored);
    this.gateway.dispatch(bot, DIRECT_MESSAGES_INTENT, 'MESSAGE_CREATE', stored);
    return { channelId, messageId: id };
  }

  /** Reading or writing a DM channel: its bot only, and not once the person blocked it. */
  private dmRefusal(channelId: string, bot: string): Reply | undefined {
    const dm = this.dmChannels.get(channelId);
    if (!dm) return undefined;
    if (dm.bot !== bot || this.blockedChannels.has(channelId))
      return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    return undefined;
  }

  /** A Discord id: milliseconds since 2015 shifted 22 bits (on the fake's clock), always increasing. */
  private newId(): string {
    const at = (BigInt(this.now()) - 1_420_070_400_000n) << 22n;
    this.nextId = this.nextId > at ? this.nextId + 1n : at + 1n;
    return String(this.nextId);
  }

  /** The channel a webhook posts to: the demo's, or one per webhook. */
  channelOf(webhookId: string): string {
    if (webhookId === this.demoCredentials().webhookId) return '1100000000000000001';
    const hash = [...webhookId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    return String(1_150_000_000_000_000_000n + BigInt(hash));
  }

  /** A member's message in the webhook's channel replying to `toMessageId`. Answers its id. */
  addReply(webhookId: string, reply: { toMessageId: string; text: string; username?: string }): string {
    const id = this.newId();
    const username = reply.username ?? 'lectrice';
    this.messages.set(id, {
      id,
      type: 19,
      channel_id: this.channelOf(webhookId),
      content: reply.text,
      embeds: [],
      attachments: [],
      timestamp: new Date(this.now()).toISOString(),
      author: { id: String(400_000 + username.length), username, bot: false },
      message_reference: { message_id: reply.toMessageId, channel_id: this.channelOf(webhookId) },
      reactions: [],
    });
    return id;
  }

  /** A message as stored (its text, what it replies to, its nonce). */
  message(id: string) {
    return this.messages.get(id);
  }

  private botOf(ctx: RequestContext): string | Reply {
    const header = String(ctx.headers.authorization ?? '');
    const token = header.startsWith('Bot ') ? header.slice(4) : '';
    if (!token || this.refusedBotTokens.has(token))
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    return token;
  }

  /**
   * `GET /channels/:id/messages`: `limit` 1–100 (50 by default); `after` answers the messages right
   * after that id (`before` right before it; none: the newest), always newest first; a reply carries
   * its `referenced_message`.
   */
  private channelMessages(ctx: RequestContext): Reply {
    const bot = this.botOf(ctx);
    if (typeof bot !== 'string') return bot;
    const refusal = this.dmRefusal(ctx.params[0], bot);
    if (refusal) return refusal;
    const params = ctx.url.searchParams;
    const limit = Number(params.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return {
        status: 400,
        body: {
          code: 50035,
          message: 'Invalid Form Body',
          errors: {
            limit: {
              _errors: [
                { code: 'NUMBER_TYPE_MAX', message: 'int value should be less than or equal to 100.' },
              ],
            },
          },
        },
      };
    const after = params.get('after') ? BigInt(params.get('after')!) : null;
    const before = params.get('before') ? BigInt(params.get('before')!) : null;
    const inChannel = [...this.messages.values()]
      .filter((m) => m.channel_id === ctx.params[0])
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    let page: any[];
    if (after !== null) page = inChannel.filter((m) => BigInt(m.id) > after).slice(0, limit);
    else page = inChannel.filter((m) => before === null || BigInt(m.id) < before).slice(-limit);
    return {
      status: 200,
      body: page.reverse().map((m) => {
        const referenced = m.message_reference
          ? this.messages.get(m.message_reference.message_id)
          : undefined;
        return { ...m, ...(m.message_reference && { referenced_message: referenced ?? null }) };
      }),
    };
  }

  deletePost(remoteId: string): boolean {
    return this.messages.delete(remoteId) || this.deleteDemoPost(remoteId);
  }

  /** A message of this webhook, or one of the demo's past (its id says when it was sent). */
  private messageOf(id: string, webhookId: string): any {
    const own = this.messages.get(id);
    if (own) return own;
    const at = this.demoPostAt(id);
    if (at === undefined) return undefined;
    return {
      id,
      type: 0,
      channel_id: '1100000000000000001',
      content: '',
      embeds: [],
      attachments: [],
      timestamp: new Date(at).toISOString(),
      webhook_id: webhookId,
      demo: true,
    };
  }

  /** The demo audience's reactions, spread over the three emoji as people react. */
  private demoEmoji(message: any): number[] {
    const total = this.demoCounters(message.id, Date.parse(message.timestamp)).reactions ?? 0;
    const thumbs = Math.ceil(total * 0.55);
    const heart = Math.floor(total * 0.3);
    return [thumbs, heart, total - thumbs - heart];
  }

  private withReactions({ demo, ...message }: any) {
    const created = Date.parse(message.timestamp);
    const [thumbs, heart, party] = demo
      ? this.demoEmoji(message)
      : [
          this.grown(created, `${message.id}:thumbs`, 3),
          this.grown(created, `${message.id}:heart`, 2),
          this.grown(created, `${message.id}:party`, 1),
        ];
    const reactions = [
      { name: '👍', count: thumbs },
      { name: '❤️', count: heart },
      { name: '🎉', count: party },
    ]
      .filter((r) => r.count > 0)
      .map((r) => ({
        emoji: { id: null, name: r.name },
        count: r.count,
        count_details: { burst: 0, normal: r.count },
        burst_colors: [],
        me_burst: false,
        burst_me: false,
        me: false,
        burst_count: 0,
      }));
    return { ...message, reactions };
  }

  protected accountOf(ctx: RequestContext) {
    return ctx.params[0];
  }

  protected rateLimited(waitMs: number): Reply {
    const seconds = waitMs / 1000;
    return {
      status: 429,
      headers: {
        'Retry-After': String(Math.ceil(seconds)),
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': ((Date.now() + waitMs) / 1000).toFixed(3),
        'X-RateLimit-Reset-After': seconds.toFixed(3),
        'X-RateLimit-Bucket': 'fakebucket',
        'X-RateLimit-Scope': 'user',
      },
      body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
    };
  }

  protected serverError(): Reply {
    return { status: 502, body: { message: '502: Bad Gateway', code: 0 } };
  }

  protected quotaHeaders(remaining: number, resetAt: number) {
    return {
      'X-RateLimit-Limit': String(this.options.window?.limit ?? 5),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': (resetAt / 1000).toFixed(3),
      'X-RateLimit-Reset-After': ((resetAt - Date.now()) / 1000).toFixed(3),
      'X-RateLimit-Bucket': 'fakebucket',
    };
  }

  private unknownWebhook(ctx: RequestContext): Reply | undefined {
    return this.deletedWebhooks.has(ctx.params[0])
      ? { status: 404, body: { message: 'Unknown Webhook', code: 10015 } }
      : undefined;
  }

  protected routes(): Route[] {
    return [
      {
        method: 'GET',
        path: /^\/users\/@me$/,
        handle: (ctx) => {
          const bot = this.botOf(ctx);
          if (typeof bot !== 'string') return bot;
          return {
            status: 200,
            body: { ...this.botUserOf(bot), bot: true, discriminator: '0', global_name: null },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/gateway\/bot$/,
        handle: (ctx) => {
          const bot = this.botOf(ctx);
          if (typeof bot !== 'string') return bot;
          return {
            status: 200,
            body: {
              url: `${this.baseUrl.replace(/^http/, 'ws')}/gateway`,
              shards: 1,
              session_start_limit: {
                total: 1000,
                remaining: 1000 - this.gateway.identifies,
                reset_after: 86_400_000,
                max_concurrency: 1,
              },
            },
          };
        },
      },
      {
        method: 'POST',
        path: /^\/webhooks\/([^/]+)\/([^/]+)$/,
        publish: true,
        handle: (ctx) => {
          const unknown = this.unknownWebhook(ctx);
          if (unknown) return unknown;
          const isMultipart = String(ctx.headers['content-type']).startsWith('multipart/');
          const payload = isMultipart ? JSON.parse(ctx.multipart().fields.payload_json ?? '{}') : ctx.json();
          const content: string = payload.content ?? '';
          if (Array.from(content).length > 2000) {
            return {
              status: 400,
              body: {
                code: 50035,
                message: 'Invalid Form Body',
                errors: {
                  content: {
                    _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }],
                  },
                },
              },
            };
          }
          const id = this.newId();
          const message = {
            id,
            type: 0,
            channel_id: this.channelOf(ctx.params[0]),
            content,
            embeds: payload.embeds ?? [],
            attachments: isMultipart
              ? ctx.multipart().files.map((f, i) => ({ id: String(i), filename: f.filename }))
              : [],
            timestamp: new Date().toISOString(),
            webhook_id: ctx.params[0],
            reactions: [],
          };
          this.messages.set(id, message);
          this.record({ id, account: ctx.params[0], text: content });
          return ctx.url.searchParams.get('wait') === 'true'
            ? { status: 200, body: message }
            : { status: 204 };
        },
      },
      {
        method: 'GET',
        path: /^\/webhooks\/([^/]+)\/([^/]+)$/,
        handle: (ctx) =>
          this.unknownWebhook(ctx) ?? {
            status: 200,
            body: {
              id: ctx.params[0],
              type: 1,
              channel_id: this.channelOf(ctx.params[0]),
              name: 'Porte-voix',
              token: ctx.params[1],
            },
          },
      },
      {
        method: 'GET',
        path: /^\/channels\/([^/]+)\/messages$/,
        metrics: true,
        handle: (ctx) => this.channelMessages(ctx),
      },
      {
        method: 'POST',
        path: /^\/channels\/([^/]+)\/messages$/,
        publish: true,
        handle: (ctx) => {
          const bot = this.botOf(ctx);
          if (typeof bot !== 'string') return bot;
          const refusal = this.dmRefusal(ctx.params[0], bot);
          if (refusal) return refusal;
          const payload = ctx.json();
          const reference = payload.message_reference?.message_id;
          if (
            reference &&
            !this.messages.get(reference) &&
            payload.message_reference.fail_if_not_exists !== false
          )
            return { status: 400, body: { code: 50035, message: 'Invalid Form Body' } };
          const nonceKey = payload.nonce && payload.enforce_nonce ? `${bot}:${payload.nonce}` : null;
          const seen = nonceKey ? this.nonces.get(nonceKey) : undefined;
          // enforce_nonce: the same nonce from the same author within a few minutes answers the first message.
          if (seen && Date.now() - seen.at < 5 * 60_000)
            return { status: 200, body: this.messages.get(seen.id) };
          const id = this.newId();
          const message = {
            id,
            type: reference ? 19 : 0,
            channel_id: ctx.params[0],
            content: String(payload.content ?? ''),
            embeds: [],
            attachments: [],
            timestamp: new Date().toISOString(),
            author: { ...this.botUserOf(bot), bot: true },
            ...(reference && { message_reference: { message_id: reference, channel_id: ctx.params[0] } }),
            ...(payload.nonce && { nonce: payload.nonce }),
            reactions: [],
          };
          this.messages.set(id, message);
          if (nonceKey) this.nonces.set(nonceKey, { id, at: Date.now() });
          // The bot's own message comes back on its gateway too, as on Discord.
          if (this.dmChannels.has(ctx.params[0]))
            this.gateway.dispatch(bot, DIRECT_MESSAGES_INTENT, 'MESSAGE_CREATE', message);
          this.record({
            id,
            account: `bot:${bot}`,
            text: message.content,
            ...(reference && { inReplyTo: reference }),
          });
          return { status: 200, body: message };
        },
      },
      {
        method: 'DELETE',
        path: /^\/channels\/([^/]+)\/messages\/([^/]+)$/,
        handle: (ctx) => {
          const bot = this.botOf(ctx);
          if (typeof bot !== 'string') return bot;
          const message = this.messages.get(ctx.params[1]);
          if (!message || message.channel_id !== ctx.params[0])
            return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
          this.messages.delete(message.id);
          this.deletedMessages.push(message.id);
          return { status: 204 };
        },
      },
      {
        method: 'PUT',
        path: /^\/channels\/([^/]+)\/messages\/([^/]+)\/reactions\/([^/]+)\/@me$/,
        handle: (ctx) => {
          const bot = this.botOf(ctx);
          if (typeof bot !== 'string') return bot;
          if (!this.messages.get(ctx.params[1]))
            return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
          this.botReactions.add(ctx.params[1]);
          return { status: 204 };
        },
      },
      {
        method: 'GET',
        path: /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/,
        metrics: true,
        handle: (ctx) => {
          const unknown = this.unknownWebhook(ctx);
          if (unknown) return unknown;
          const message = this.messageOf(ctx.params[2], ctx.params[0]);
          return message
            ? { status: 200, body: this.withReactions(message) }
            : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
        },
      },
    ];
  }
}
