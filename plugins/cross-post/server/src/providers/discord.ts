/** Discord webhooks: the token is in the URL; `?wait=true` returns the message; waits in (float) seconds. */
import { createHash } from 'node:crypto';

import {
  emptyTextProblem,
  headerValue,
  httpStatus,
  imageBlob,
  imageCountProblem,
  lengthValidation,
  quotaFrom,
  requireCredentials,
  responseBody,
  serverErrorVerdict,
  transportVerdict,
  waitSeconds,
} from './common';
import { checkBatch, count, inOrder, ok } from './metrics';
import { MESSAGES_PER_PAGE, newerSnowflake, readPushedConversations, snowflakeAt } from './discord-direct';
import { readSweepThenConversations } from './streams';
import { ownIdentity } from './own-identity';
import { codePointLength, sameText } from './text';
import { ProviderError, type DeliveryMetrics, type Provider, type ProviderContext } from './types';

const MAX_CHARACTERS = 2000;
const MAX_IMAGES = 10;
const BATCH_SIZE = 1;
/** Discord's JSON error code for a message that does not exist (10015 is an unknown webhook). */
const UNKNOWN_MESSAGE = 10008;

function webhookPath(ctx: ProviderContext): string {
  requireCredentials(ctx.account.credentials, ['webhookId', 'webhookToken']);
  const { webhookId, webhookToken } = ctx.account.credentials;
  return `/webhooks/${webhookId}/${webhookToken}`;
}

/** The bot that reads and answers in the webhook's channel (a webhook alone can only post). */
function bot(ctx: ProviderContext) {
  const { botToken, webhookId } = ctx.account.credentials;
  if (!botToken)
    throw new ProviderError(
      'Reading and answering replies on Discord needs a bot in the server: add its token to the account.'
    );
  return { headers: { Authorization: `Bot ${botToken}` }, webhookId: String(webhookId) };
}

/** The channel the webhook posts to (`GET /webhooks/{id}/{token}` needs no other credential). */
async function webhookChannel(ctx: ProviderContext): Promise<string> {
  const { data } = await ctx.http.get(webhookPath(ctx));
  if (!data?.channel_id)
    throw new ProviderError('Discord did not say which channel the webhook posts to.', 'retry');
  return String(data.channel_id);
}

/** A reader's message as the inbox keeps it: `channel:message`. */
function channelMessage(remoteId: string): { channel: string; id: string } {
  const [channel, id] = remoteId.split(':');
  if (!channel || !id || !/^\d+$/.test(id)) throw new ProviderError(`Not a Discord message: ${remoteId}.`);
  return { channel, id };
}

const messageUrl = (m: any) => `https://discord.com/channels/${m.guild_id ?? '@me'}/${m.channel_id}/${m.id}`;

/**
 * The webhook's channel from `after=` the newest message read (the first read starts at `since`, as
 * a Discord id): the readers' replies to our webhook's messages. The cursor also keeps the channel,
 * so it is asked once: `channel after`.
 */
async function readWebhookChannel(
  ctx: ProviderContext,
  {
    since,
    cursor,
    headers,
    webhookId,
  }: { since: Date; cursor: string; headers: Record<string, string>; webhookId: string }
) {
  const [storedChannel, storedAfter] = cursor.split(' ');
  const channel = storedChannel || (await webhookChannel(ctx));
  const after = storedAfter || snowflakeAt(since);
  const { data } = await ctx.http.get(`/channels/${encodeURIComponent(channel)}/messages`, {
    headers,
    params: { after, limit: MESSAGES_PER_PAGE },
  });
  const messages = (Array.isArray(data) ? data : []) as any[];
  const replies = messages
    .filter(
      (m) =>
        m?.message_reference?.message_id &&
        m.referenced_message?.webhook_id === webhookId &&
        m.webhook_id !== webhookId &&
        !m.author?.bot
    )
    .map((m) => ({
      remoteId: `${channel}:${m.id}`,
      inReplyTo: String(m.message_reference.message_id),
      author: m.author?.username ?? 'unknown',
      authorUrl: m.author?.id ? `https://discord.com/users/${m.author.id}` : null,
      text: m.content ?? '',
      language: null,
      createdAt: new Date(Date.parse(m.timestamp) || Date.now()).toISOString(),
      url: messageUrl({ ...m, channel_id: channel }),
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const newest = messages.reduce<string>(
    (top, m) => (newerSnowflake(String(m.id), top) ? String(m.id) : top),
    after
  );
  return { replies, cursor: `${channel} ${newest}`, more: messages.length >= MESSAGES_PER_PAGE };
}

/** What the source says while no gateway session hears the bot (or none was heard from lately). */

/** Discord's codes for a channel the bot can no longer read: Unknown Channel, Missing Access. */
const CHANNEL_GONE = new Set([10003, 50001]);

/** A DM channel's messages right after `after`; 'gone' once the bot may no longer read it. */
async function readDirectChannel(
  ctx: ProviderContext,
  channel: string,
  after: string,
  headers: Record<string, string>
): Promise<any[] | 'gone'> {
  const response = await ctx.http.get(`/channels/${encodeURIComponent(channel)}/messages`, {
    headers,
    params: { after, limit: MESSAGES_PER_PAGE },
    validateStatus: (s) => s < 300 || s === 403 || s === 404,
  });
  if (response.status >= 300) {
    if (CHANNEL_GONE.has(Number(response.data?.code))) return 'gone';
    throw Object.assign(new Error(`Discord answered ${response.status}`), {
      isAxiosError: true,
      response: { status: response.status, data: response.data ?? {}, headers: {} },
    });
  }
  return Array.isArray(response.data) ? response.data : [];
}

const discord: Provider = {
  network: 'discord',
  displayName: 'Discord',
  defaultBaseUrl: 'https://discord.com/api',
  selfHosted: false,
  demo: {
    name: 'Discord (demo)',
    language: 'en',
    credentials: { webhookId: '1100', webhookToken: 'demo-webhook-token' },
  },
  credentialFields: [
    { name: 'webhookId', secret: false, required: true },
    { name: 'webhookToken', secret: true, required: true },
    // Optional: a bot in the server reads the replies to the webhook's messages and answers them.
    { name: 'botToken', secret: true, required: false },
  ],
  limits: { textLength: MAX_CHARACTERS, images: MAX_IMAGES },
  idempotencyWindowMs: 0,
  metrics: {
    // No batch read: one request per message.
    batchSize: BATCH_SIZE,
    measures: ['reactions'],
    freshness: 'live',
    polled: true,
  },
  // Reading a message and executing the webhook are separate rate-limit buckets.
  readsSharePublishingLimit: false,
  metricsNote:
    "Reactions on the webhook's message, one message per request. No views, no followers: a webhook cannot read the server's members.",

  async validate(post) {
    const validation = lengthValidation(codePointLength(post.text), MAX_CHARACTERS, 'Discord');
    validation.problems.push(
      ...emptyTextProblem(post, 'Discord'),
      ...imageCountProblem(post, MAX_IMAGES, 'Discord')
    );
    return validation;
  },

  async publish(post, _idempotencyKey, ctx) {
    const path = webhookPath(ctx);
    let body: any = { content: post.text, allowed_mentions: { parse: [] } };
    if (post.images.length > 0) {
      const form = new FormData();
      form.append(
        'payload_json',
        JSON.stringify({
          ...body,
          attachments: post.images.map((image, id) => ({
            id,
            filename: image.filename,
            description: image.alt,
          })),
        })
      );
      for (const [i, image] of post.images.entries()) {
        form.append(`files[${i}]`, imageBlob(await image.load(), image.mimeType), image.filename);
      }
      body = form;
    }
    const { data, headers } = await ctx.http.post(path, body, { params: { wait: true } });
    return {
      remoteId: String(data.id),
      url: messageUrl(data),
      quota: quotaFrom(
        headers,
        'X-RateLimit-Remaining',
        (v) => Date.now() + Number(v) * 1000,
        'X-RateLimit-Reset-After'
      ),
    };
  },

  async lookup(remoteId, ctx) {
    const response = await ctx.http.get(`${webhookPath(ctx)}/messages/${remoteId}`, {
      validateStatus: (s) => s < 300 || s === 404,
    });
    if (response.status === 404) return null;
    return { remoteId, url: messageUrl(response.data), text: response.data.content };
  },

  async fetchMetrics(remoteIds, ctx) {
    checkBatch(remoteIds, BATCH_SIZE, 'Discord');
    const found = new Map<string, DeliveryMetrics>();
    for (const id of remoteIds) {
      const response = await ctx.http.get(`${webhookPath(ctx)}/messages/${encodeURIComponent(id)}`, {
        validateStatus: (s) => s < 300 || s === 404,
      });
      if (response.status === 404) {
        // Unknown Message: deleted. Unknown Webhook: the whole account is unusable, not this message.
        if (response.data?.code === UNKNOWN_MESSAGE) continue;
        throw Object.assign(new Error('Unknown Webhook'), {
          isAxiosError: true,
          response: { status: 404, data: response.data ?? {}, headers: {} },
        });
      }
      const reactions = ((response.data?.reactions ?? []) as any[]).reduce(
        (sum: number, r: any) => sum + (count(r?.count) ?? 0),
        0
      );
      found.set(id, ok(id, { reactions }));
    }
    return inOrder(remoteIds, found);
  },

  // A webhook reads its own messages and nothing else: the server's member count needs a bot in it.
  async fetchAccountMetrics() {
    return { followers: null };
  },

  // A bot's channel reads are their own bucket (about 5 a few seconds): a read a minute, 5 pages to catch up.
  inbox: { pollEveryMs: 60_000, pagesPerRound: 5, pushed: true },

  /**
   * Replies to our webhook's messages, then the bot's direct messages (discord-direct.ts), in one
   * cursor (streams.ts). Both are read by the account's bot: a webhook cannot read its channel.
   */
  async fetchReplies({ since, cursor, pushed }, ctx) {
    const { headers, webhookId } = bot(ctx);
    const page = await readSweepThenConversations(cursor, {
      sweep: (sweep) => readWebhookChannel(ctx, { since, cursor: sweep, headers, webhookId }),
      conversations: (conversations) =>
        readPushedConversations(
          conversations,
          { since, pushed: pushed ?? { conversations: [], heardSince: null } },
          (channel, after) => readDirectChannel(ctx, channel, after, headers)
        ),
      // A bot reads its own DMs: nothing of them is refused apart from the bot itself.
      refused: () => false,
      withoutConversations: null,
    });
    const away = pushed !== undefined && !pushed.heardSince;
    return { ...page, notices: [...page.notices, ...(away ? (['discord.gatewayAway'] as const) : [])] };
  },

  /**
   * The bot's message in reply to the reader's, with a nonce made from the idempotency key and
   * `enforce_nonce`: Discord answers a repeat within a few minutes with the first message.
   */
  async reply({ text, inReplyTo }, idempotencyKey, ctx) {
    const { headers } = bot(ctx);
    const { channel, id } = channelMessage(inReplyTo);
    const { data } = await ctx.http.post(
      `/channels/${encodeURIComponent(channel)}/messages`,
      {
        content: text,
        message_reference: { message_id: id, fail_if_not_exists: false },
        allowed_mentions: { parse: [], replied_user: true },
        nonce: createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 25),
        enforce_nonce: true,
      },
      { headers }
    );
    return { remoteId: `${channel}:${data.id}`, url: messageUrl({ ...data, channel_id: channel }) };
  },
  replyIdempotencyWindowMs: 2 * 60_000,

  /**
   * Past the nonce's few minutes, an answer whose outcome was unknown is looked for: the bot's message
   * (its user from `/users/@me`) replying to the reader's, with this text, among the channel's 100
   * messages after the reader's. Never sent again blindly.
   */
  async findAnswer({ inReplyTo, text }, ctx) {
    const { headers } = bot(ctx);
    const { channel, id } = channelMessage(inReplyTo);
    const me = await ownIdentity(ctx, 'bot-user', async () => {
      const { data } = await ctx.http.get('/users/@me', { headers });
      return data?.id ? String(data.id) : null;
    });
    if (!me) return null;
    const { data } = await ctx.http.get(`/channels/${encodeURIComponent(channel)}/messages`, {
      headers,
      params: { after: id, limit: MESSAGES_PER_PAGE },
    });
    const ours = ((Array.isArray(data) ? data : []) as any[]).find(
      (m) =>
        String(m?.author?.id) === me &&
        String(m?.message_reference?.message_id) === id &&
        sameText(m.content, text)
    );
    return ours
      ? { remoteId: `${channel}:${ours.id}`, url: messageUrl({ ...ours, channel_id: channel }), text }
      : null;
  },

  /** The bot deletes a reader's message (it needs Manage Messages in the channel). */
  async hide(remoteId, ctx) {
    const { headers } = bot(ctx);
    const { channel, id } = channelMessage(remoteId);
    await ctx.http.delete(`/channels/${encodeURIComponent(channel)}/messages/${encodeURIComponent(id)}`, {
      headers,
    });
  },

  async like(remoteId, ctx) {
    const { headers } = bot(ctx);
    const { channel, id } = channelMessage(remoteId);
    await ctx.http.put(
      `/channels/${encodeURIComponent(channel)}/messages/${encodeURIComponent(id)}/reactions/${encodeURIComponent('👍')}/@me`,
      undefined,
      { headers }
    );
  },

  async deleteOwn(remoteId, ctx) {
    const { headers } = bot(ctx);
    const { channel, id } = channelMessage(remoteId);
    await ctx.http.delete(`/channels/${encodeURIComponent(channel)}/messages/${encodeURIComponent(id)}`, {
      headers,
    });
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const body = responseBody(error);
    if (status === 429) {
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: waitSeconds(body.retry_after) ?? waitSeconds(headerValue(error, 'Retry-After')),
        reason: `Discord rate limit reached${body.global ? ' (global)' : ''}.`,
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const server = serverErrorVerdict(status, 'Discord');
    if (server) return server;
    if (status === 404 || body.code === 10015) {
      return {
        action: 'reject',
        credentials: true,
        reason: 'Discord says the webhook no longer exists: create a new one and edit the account.',
      };
    }
    if (status === 401 || status === 403) {
      return {
        action: 'reject',
        credentials: true,
        reason: 'Discord refused the webhook token: edit the account with a valid webhook.',
      };
    }
    return { action: 'reject', reason: `Discord rejected the message: ${body.message ?? status}.` };
  },
};

export default discord;
