/** Discord webhooks: the token is in the URL; `?wait=true` returns the message; waits in (float) seconds. */
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
import { codePointLength } from './text';
import type { DeliveryMetrics, Provider, ProviderContext } from './types';

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

const messageUrl = (m: any) => `https://discord.com/channels/${m.guild_id ?? '@me'}/${m.channel_id}/${m.id}`;

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

  // A webhook cannot read its channel: replies are out of reach without a bot.
  async fetchReplies() {
    return { replies: [], cursor: null, more: false };
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
