/**
 * Pinterest (API v5): OAuth 2 user token that expires and refreshes (continuous refresh tokens,
 * HTTP Basic with the app id and secret). A post becomes a pin on the account's board: its first
 * image (sent as base64: Pinterest needs an image), the post's title, the text as description and
 * the link as destination. No idempotency key: a pin whose answer was lost is found on the board by
 * its link and title (`findRecent`).
 */
import { z } from 'zod';

import {
  headerValue,
  httpStatus,
  requireCredentials,
  responseBody,
  serverErrorVerdict,
  transportVerdict,
  waitSeconds,
} from './common';
import { checkBatch, ok } from './metrics';
import { codePointLength, sameText } from './text';
import { ProviderError, type OutgoingPost, type Problem, type Provider, type ProviderContext } from './types';

const TITLE_MAX = 100;
const DESCRIPTION_MAX = 800;
const LINK_MAX = 2048;
const ALT_MAX = 500;
const IMAGE_BYTES_MAX = 20 * 1024 * 1024;

const pinSchema = z
  .object({
    id: z.string(),
    title: z.string().nullish(),
    description: z.string().nullish(),
    link: z.string().nullish(),
    created_at: z.string().nullish(),
    board_id: z.string().nullish(),
  })
  .passthrough();

function auth(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['accessToken']);
  return { Authorization: `Bearer ${ctx.account.credentials.accessToken}` };
}

function boardId(ctx: ProviderContext): string {
  requireCredentials(ctx.account.credentials, ['boardId']);
  return ctx.account.credentials.boardId!.trim();
}

const pinUrl = (id: string) => `https://www.pinterest.com/pin/${id}/`;

function remotePin(data: unknown) {
  const pin = pinSchema.parse(data);
  return {
    remoteId: pin.id,
    url: pinUrl(pin.id),
    text: pin.description ?? undefined,
    createdAt: pin.created_at ?? undefined,
  };
}

/** The pin's title: the post's, cut to Pinterest's 100 characters. */
function pinTitle(post: OutgoingPost): string {
  const title = (post.title ?? '').trim();
  return codePointLength(title) > TITLE_MAX ? Array.from(title).slice(0, TITLE_MAX).join('') : title;
}

const pinterest: Provider = {
  network: 'pinterest',
  displayName: 'Pinterest',
  defaultBaseUrl: 'https://api.pinterest.com',
  selfHosted: false,
  demo: {
    name: 'Pinterest (demo)',
    language: 'en',
    credentials: {
      accessToken: 'demo-pinterest-token',
      refreshToken: 'demo-pinterest-refresh',
      clientId: 'demo-pinterest-app',
      clientSecret: 'demo-pinterest-secret',
      boardId: '549755885175',
    },
  },
  credentialFields: [
    { name: 'accessToken', secret: true, required: true },
    { name: 'refreshToken', secret: true, required: false },
    { name: 'clientId', secret: false, required: false },
    { name: 'clientSecret', secret: true, required: false },
    { name: 'boardId', secret: false, required: true },
  ],
  limits: { textLength: DESCRIPTION_MAX, images: 1 },
  idempotencyWindowMs: 0,
  metrics: {
    batchSize: 1,
    measures: ['impressions', 'reactions', 'comments', 'bookmarks', 'linkClicks'],
    freshness: 'daily',
    windowDays: 90,
    polled: true,
  },
  readsSharePublishingLimit: false,
  metricsNote:
    'Lifetime pin analytics: impressions, reactions, comments, saves (as bookmarks) and outbound clicks (as link clicks), for pins of the last 90 days. No reach or shares; followers are not read.',

  async validate(post) {
    const length = codePointLength(post.text);
    const problems: Problem[] = [];
    if (length > DESCRIPTION_MAX) {
      problems.push({
        code: 'too_long',
        message: `Pinterest allows ${DESCRIPTION_MAX} characters in a description; this text has ${length}. Shorten it or write a Pinterest variant.`,
      });
    }
    if (post.images.length === 0) {
      problems.push({ code: 'image_required', message: 'A pin needs an image: add one to the post.' });
    }
    const image = post.images[0];
    if (image?.size && image.size > IMAGE_BYTES_MAX) {
      problems.push({ code: 'image_too_large', message: 'Pinterest takes images up to 20 MB.' });
    }
    if (post.link && post.link.length > LINK_MAX) {
      problems.push({
        code: 'link_too_long',
        message: `Pinterest takes links up to ${LINK_MAX} characters.`,
      });
    }
    return { length, limit: DESCRIPTION_MAX, problems };
  },

  async publish(post, _idempotencyKey, ctx) {
    const image = post.images[0];
    if (!image) throw new ProviderError('A pin needs an image: add one to the post.');
    const bytes = await image.load();
    const { data } = await ctx.http.post(
      '/v5/pins',
      {
        board_id: boardId(ctx),
        ...(pinTitle(post) && { title: pinTitle(post) }),
        description: post.text,
        ...(post.link && { link: post.link }),
        ...(image.alt && { alt_text: Array.from(image.alt).slice(0, ALT_MAX).join('') }),
        media_source: {
          source_type: 'image_base64',
          content_type: image.mimeType,
          data: bytes.toString('base64'),
        },
      },
      { headers: auth(ctx) }
    );
    const pin = remotePin(data);
    return { remoteId: pin.remoteId, url: pin.url };
  },

  async lookup(remoteId, ctx) {
    const response = await ctx.http.get(`/v5/pins/${encodeURIComponent(remoteId)}`, {
      headers: auth(ctx),
      validateStatus: (s) => s < 300 || s === 404,
    });
    return response.status === 404 ? null : remotePin(response.data);
  },

  async findRecent({ since, text }, ctx) {
    const { data } = await ctx.http.get(`/v5/boards/${encodeURIComponent(boardId(ctx))}/pins`, {
      headers: auth(ctx),
      params: { page_size: 50 },
    });
    const pins = z.array(pinSchema).parse(data?.items ?? []);
    const match = pins.find(
      (p) =>
        (!p.created_at || Date.parse(p.created_at) >= since.getTime() - 60_000) &&
        sameText(p.description, text)
    );
    return match ? remotePin(match) : null;
  },

  async fetchMetrics(remoteIds, ctx) {
    checkBatch(remoteIds, 1, 'Pinterest');
    const [id] = remoteIds;
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const response = await ctx.http.get(`/v5/pins/${encodeURIComponent(id)}/analytics`, {
      headers: auth(ctx),
      params: {
        start_date: day(Date.now() - 89 * 86_400_000),
        end_date: day(Date.now()),
        metric_types: 'IMPRESSION,OUTBOUND_CLICK,SAVE,TOTAL_COMMENTS,TOTAL_REACTIONS',
      },
      validateStatus: (s) => s < 300 || s === 404,
    });
    if (response.status === 404) return [{ remoteId: id, state: 'gone' }];
    const lifetime = response.data?.all?.lifetime_metrics ?? {};
    return [
      ok(id, {
        impressions: lifetime.IMPRESSION,
        reactions: lifetime.TOTAL_REACTIONS,
        comments: lifetime.TOTAL_COMMENTS,
        bookmarks: lifetime.SAVE,
        linkClicks: lifetime.OUTBOUND_CLICK,
      }),
    ];
  },

  async fetchAccountMetrics(ctx) {
    const { data } = await ctx.http.get('/v5/user_account', { headers: auth(ctx) });
    const followers = Number(data?.follower_count);
    return { followers: Number.isFinite(followers) ? followers : null };
  },

  async fetchReplies() {
    // API v5 has no comments endpoint: only the TOTAL_COMMENTS metric.
    return { replies: [], cursor: null, more: false };
  },

  async listDestinations(ctx) {
    const { data } = await ctx.http.get('/v5/boards', { headers: auth(ctx), params: { page_size: 100 } });
    return z
      .array(z.object({ id: z.string(), name: z.string() }).passthrough())
      .parse(data?.items ?? [])
      .map((board) => ({ id: board.id, name: board.name }));
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const body = responseBody(error);
    const message = body?.message ?? 'no message';
    if (status === 429) {
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: waitSeconds(headerValue(error, 'Retry-After')),
        reason: `Pinterest rate limit reached (${message}).`,
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const server = serverErrorVerdict(status, 'Pinterest');
    if (server) return server;
    if (status === 401) return { action: 'refresh', reason: `Pinterest access token expired (${message}).` };
    return {
      action: 'reject',
      reason: `Pinterest refused the pin: ${message} (code ${body?.code ?? status}).`,
    };
  },

  async refresh(ctx) {
    const { refreshToken, clientId, clientSecret } = ctx.account.credentials;
    requireCredentials(ctx.account.credentials, ['refreshToken', 'clientId', 'clientSecret']);
    const { data } = await ctx.http.post(
      '/v5/oauth/token',
      new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken! }).toString(),
      {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        auth: { username: clientId!, password: clientSecret! },
      }
    );
    return {
      ...ctx.account.credentials,
      accessToken: data.access_token,
      refreshToken: data.refresh_token ?? refreshToken,
    };
  },
};

export default pinterest;
