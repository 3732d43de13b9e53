/** Mastodon (and compatible servers): REST v1/v2, Bearer token, Idempotency-Key on statuses. */
import { z } from 'zod';

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
  waitUntilIso,
} from './common';
import { checkBatch, count, inOrder, ok } from './metrics';
import { mastodonLength, sameText } from './text';
import { mastodonIdAt, phrase } from './search-query';
import type { Provider, ProviderContext } from './types';

type InstanceLimits = { maxCharacters: number; urlLength: number; maxMedia: number; fetchedAt: number };
const INSTANCE_TTL_MS = 10 * 60_000;
/** What an instance allows when it does not say (Mastodon's own defaults). */
const DEFAULT_LIMITS = { textLength: 500, images: 4 };
const instanceLimits = new Map<string, InstanceLimits>();

/** The instance's own limits (`GET /api/v2/instance`), cached per base URL; 500/23/4 if it does not say. */
async function limitsOf(ctx: ProviderContext): Promise<InstanceLimits> {
  const cached = instanceLimits.get(ctx.account.baseUrl);
  if (cached && Date.now() - cached.fetchedAt < INSTANCE_TTL_MS) return cached;
  const { data } = await ctx.http.get('/api/v2/instance');
  const statuses = data?.configuration?.statuses ?? {};
  const limits = {
    maxCharacters: Number(statuses.max_characters) || DEFAULT_LIMITS.textLength,
    urlLength: Number(statuses.characters_reserved_per_url) || 23,
    maxMedia: Number(statuses.max_media_attachments) || DEFAULT_LIMITS.images,
    fetchedAt: Date.now(),
  };
  instanceLimits.set(ctx.account.baseUrl, limits);
  return limits;
}

/** For tests that change an instance's limits or version. */
export function forgetInstanceLimits(): void {
  instanceLimits.clear();
  withoutBatchStatuses.clear();
}

/** `GET /api/v1/statuses?id[]=` takes at most 20 ids (DEFAULT_STATUSES_LIMIT), from Mastodon 4.3. */
const BATCH_SIZE = 20;
/** Servers that answered 404 to the batch read (before 4.3, or another Fediverse server), remembered a while. */
const withoutBatchStatuses = new Map<string, number>();

/** Statuses of one batch request, or null where the server has no batch read. */
async function statusesInOneRequest(ctx: ProviderContext, ids: string[]): Promise<any[] | null> {
  const knownWithout = withoutBatchStatuses.get(ctx.account.baseUrl);
  if (knownWithout && Date.now() - knownWithout < INSTANCE_TTL_MS) return null;
  const query = new URLSearchParams();
  ids.forEach((id) => query.append('id[]', id));
  const response = await ctx.http.get(`/api/v1/statuses?${query}`, {
    headers: auth(ctx),
    validateStatus: (s) => s < 300 || s === 404,
  });
  if (response.status === 404) {
    withoutBatchStatuses.set(ctx.account.baseUrl, Date.now());
    return null;
  }
  return Array.isArray(response.data) ? response.data : [];
}

/** One request per status, on servers without the batch read; a 404 is a status that is gone. */
async function statusesOneByOne(ctx: ProviderContext, ids: string[]): Promise<any[]> {
  const statuses = [];
  for (const id of ids) {
    const response = await ctx.http.get(`/api/v1/statuses/${encodeURIComponent(id)}`, {
      headers: auth(ctx),
      validateStatus: (s) => s < 300 || s === 404,
    });
    if (response.status !== 404) statuses.push(response.data);
  }
  return statuses;
}

function auth(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['accessToken']);
  return { Authorization: `Bearer ${ctx.account.credentials.accessToken}` };
}

async function waitForMedia(ctx: ProviderContext, id: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const response = await ctx.http.get(`/api/v1/media/${id}`, {
      headers: auth(ctx),
      validateStatus: (s) => s < 300,
    });
    if (response.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** `GET /api/v1/notifications` answers 40 by default, 80 at most. */
const NOTIFICATIONS_PER_PAGE = 80;
/** The largest page of a tag timeline and of `/api/v2/search`. */
const SEARCH_PER_PAGE = 40;

/** Mastodon ids are snowflakes as decimal strings: longer is newer, then by digits. */
const newerId = (a: string, b: string) => (a.length === b.length ? a > b : a.length > b.length);

/** A status's HTML as the plain text a moderator reads (paragraphs and line breaks kept). */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** What an answer needs to know of the reader's status: how public it is, and who wrote it. */
const readerStatusSchema = z.object({
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']).catch('public'),
  account: z.object({ acct: z.string().min(1) }),
});

/**
 * An answer is as private as what it answers: a reader's direct message is answered directly, a
 * followers-only post for followers only (a public answer would publish a private conversation). A
 * direct or followers-only status reaches only those it mentions (and followers), so the reader is
 * named first unless the text already does.
 */
async function answerTo(
  inReplyTo: string,
  text: string,
  ctx: ProviderContext
): Promise<{ text: string; visibility: 'public' | 'unlisted' | 'private' | 'direct' }> {
  const { data } = await ctx.http.get(`/api/v1/statuses/${encodeURIComponent(inReplyTo)}`, {
    headers: auth(ctx),
  });
  const reader = readerStatusSchema.parse(data);
  if (reader.visibility === 'public') return { text, visibility: 'public' };
  const handle = `@${reader.account.acct}`;
  const named = text.toLowerCase().includes(handle.toLowerCase());
  return { text: named ? text : `${handle} ${text}`, visibility: reader.visibility };
}

const mastodon: Provider = {
  network: 'mastodon',
  displayName: 'Mastodon',
  defaultBaseUrl: 'https://mastodon.social',
  selfHosted: true,
  demo: { name: 'Mastodon (démo)', language: 'fr', credentials: { accessToken: 'demo-mastodon-token' } },
  credentialFields: [{ name: 'accessToken', secret: true, required: true }],
  limits: DEFAULT_LIMITS,
  idempotencyWindowMs: 55 * 60_000,
  metrics: {
    batchSize: BATCH_SIZE,
    measures: ['reactions', 'comments', 'shares', 'quotes'],
    freshness: 'live',
    polled: true,
  },
  // 300 requests per 5 minutes per token, reads and posts alike.
  readsSharePublishingLimit: true,
  // One request a minute per account, a few more to catch up: a sliver of the 300 per 5 minutes.
  inbox: { pollEveryMs: 60_000, pagesPerRound: 5 },
  search: { pollEveryMs: 5 * 60_000, pagesPerRound: 3 },

  /**
   * Listening: the hashtags' public timeline (`/api/v1/timelines/tag/:tag` with `any[]`) and the
   * full-text search (`/api/v2/search?type=statuses`, one request per term: Mastodon has no OR),
   * each read forward from `min_id`, 40 a page. The cursor is the newest id read in full: when a
   * stream's page is full, the cursor stays at that stream's newest so that nothing above it is
   * skipped (posts another stream gave above it are read again, and kept once by their id).
   */
  async searchPosts({ terms, since, cursor }, ctx) {
    const floor = cursor ?? mastodonIdAt(since);
    const tags = terms.filter((t) => t.startsWith('#')).map((t) => t.slice(1).toLowerCase());
    const words = terms.filter((t) => !t.startsWith('#'));
    const streams: any[][] = [];
    if (tags.length > 0) {
      const { data } = await ctx.http.get(`/api/v1/timelines/tag/${encodeURIComponent(tags[0])}`, {
        headers: auth(ctx),
        params: { 'any[]': tags.slice(1), limit: SEARCH_PER_PAGE, min_id: floor },
      });
      streams.push(Array.isArray(data) ? data : []);
    }
    for (const word of words) {
      const { data } = await ctx.http.get('/api/v2/search', {
        headers: auth(ctx),
        params: { q: phrase(word), type: 'statuses', limit: SEARCH_PER_PAGE, min_id: floor },
      });
      streams.push(Array.isArray(data?.statuses) ? data.statuses : []);
    }
    const newestOf = (list: any[]) =>
      list.reduce<string | null>(
        (top, s) => (top === null || newerId(String(s.id), top) ? String(s.id) : top),
        null
      );
    const full = streams.filter((list) => list.length >= SEARCH_PER_PAGE);
    const next = full.length
      ? full.map(newestOf).reduce((low, id) => (newerId(low!, id!) ? id : low))!
      : streams.map(newestOf).reduce<string>((top, id) => (id && newerId(id, top) ? id : top), floor);
    const byId = new Map<string, any>();
    for (const status of streams.flat())
      if (!newerId(String(status.id), next) || !full.length) byId.set(String(status.id), status);
    return {
      posts: [...byId.values()]
        .filter((s) => newerId(String(s.id), floor))
        .sort((a, b) => (newerId(String(a.id), String(b.id)) ? 1 : -1))
        .map((s) => ({
          remoteId: String(s.id),
          inReplyTo: s.in_reply_to_id ? String(s.in_reply_to_id) : null,
          author: s.account?.acct ?? 'unknown',
          authorUrl: s.account?.url ?? null,
          text: htmlToText(s.content ?? ''),
          language: s.language ?? null,
          createdAt: s.created_at,
          url: s.url ?? null,
        })),
      cursor: next,
      more: full.length > 0,
    };
  },
  metricsNote:
    'Favourites, boosts, replies; quotes from Mastodon 4.5. No impressions or reach: Mastodon does not count views. Servers older than 4.3 are read one status per request.',

  async validate(post, ctx) {
    const limits = await limitsOf(ctx);
    const validation = lengthValidation(
      mastodonLength(post.text, limits.urlLength),
      limits.maxCharacters,
      'Mastodon'
    );
    validation.problems.push(
      ...emptyTextProblem(post, 'Mastodon'),
      ...imageCountProblem(post, limits.maxMedia, 'Mastodon')
    );
    return validation;
  },

  async publish(post, idempotencyKey, ctx) {
    const mediaIds: string[] = [];
    for (const image of post.images) {
      const form = new FormData();
      form.append('file', imageBlob(await image.load(), image.mimeType), image.filename);
      if (image.alt) form.append('description', image.alt);
      const response = await ctx.http.post('/api/v2/media', form, { headers: auth(ctx) });
      if (response.status === 202) await waitForMedia(ctx, response.data.id);
      mediaIds.push(String(response.data.id));
    }
    const { data, headers } = await ctx.http.post(
      '/api/v1/statuses',
      {
        status: post.text,
        visibility: 'public',
        ...(mediaIds.length > 0 && { media_ids: mediaIds }),
        ...(post.language && { language: post.language }),
      },
      { headers: { ...auth(ctx), 'Idempotency-Key': idempotencyKey } }
    );
    return {
      remoteId: String(data.id),
      url: data.url ?? null,
      quota: quotaFrom(
        headers,
        'X-RateLimit-Remaining',
        (v) => Date.parse(v) || undefined,
        'X-RateLimit-Reset'
      ),
    };
  },

  /** A status in reply to the reader's, with the Idempotency-Key Mastodon keeps an hour. */
  async reply({ text, inReplyTo, language }, idempotencyKey, ctx) {
    const answer = await answerTo(inReplyTo, text, ctx);
    const { data } = await ctx.http.post(
      '/api/v1/statuses',
      {
        status: answer.text,
        in_reply_to_id: inReplyTo,
        visibility: answer.visibility,
        ...(language && { language }),
      },
      { headers: { ...auth(ctx), 'Idempotency-Key': idempotencyKey } }
    );
    return { remoteId: String(data.id), url: data.url ?? null };
  },

  /** A favourite from the account: Mastodon's like. */
  async like(remoteId, ctx) {
    await ctx.http.post(`/api/v1/statuses/${encodeURIComponent(remoteId)}/favourite`, undefined, {
      headers: auth(ctx),
    });
  },

  /** Only the author may delete a status: our answers, never a reader's reply. */
  async deleteOwn(remoteId, ctx) {
    await ctx.http.delete(`/api/v1/statuses/${encodeURIComponent(remoteId)}`, { headers: auth(ctx) });
  },

  async lookup(remoteId, ctx) {
    const response = await ctx.http.get(`/api/v1/statuses/${remoteId}`, {
      headers: auth(ctx),
      validateStatus: (s) => s < 300 || s === 404,
    });
    if (response.status === 404) return null;
    return {
      remoteId: String(response.data.id),
      url: response.data.url ?? null,
      text: response.data.content,
    };
  },

  async findRecent({ since, text }, ctx) {
    const { data: me } = await ctx.http.get('/api/v1/accounts/verify_credentials', { headers: auth(ctx) });
    const { data: statuses } = await ctx.http.get(`/api/v1/accounts/${me.id}/statuses`, {
      headers: auth(ctx),
      params: { limit: 40 },
    });
    const match = (statuses as any[]).find(
      (s) => Date.parse(s.created_at) >= since.getTime() - 60_000 && sameText(s.content, text)
    );
    return match ? { remoteId: String(match.id), url: match.url ?? null, text: match.content } : null;
  },

  async fetchMetrics(remoteIds, ctx) {
    checkBatch(remoteIds, BATCH_SIZE, 'Mastodon');
    const statuses = (await statusesInOneRequest(ctx, remoteIds)) ?? (await statusesOneByOne(ctx, remoteIds));
    const found = new Map(
      statuses.map((s) => [
        String(s.id),
        ok(String(s.id), {
          reactions: s.favourites_count,
          comments: s.replies_count,
          shares: s.reblogs_count,
          // Mastodon 4.5+; older servers do not count quotes.
          quotes: s.quotes_count,
        }),
      ])
    );
    // The batch answer leaves out statuses that no longer exist (or this token cannot see any more).
    return inOrder(remoteIds, found);
  },

  async fetchAccountMetrics(ctx) {
    const { data } = await ctx.http.get('/api/v1/accounts/verify_credentials', { headers: auth(ctx) });
    return { followers: count(data?.followers_count) };
  },

  /**
   * Mentions (replies to our statuses are mentions too), read forward from the last notification
   * kept: `min_id` answers the page right after the cursor, so nothing is read twice. The first read
   * takes the newest page only, from `since` on: the history before the inbox is not read.
   */
  async fetchReplies({ since, cursor }, ctx) {
    const { data } = await ctx.http.get('/api/v1/notifications', {
      headers: auth(ctx),
      params: { 'types[]': 'mention', limit: NOTIFICATIONS_PER_PAGE, ...(cursor && { min_id: cursor }) },
    });
    const notifications = (Array.isArray(data) ? data : []) as any[];
    const replies = notifications
      .filter((n) => n?.status && Date.parse(n.status.created_at) > since.getTime())
      .map((n) => ({
        remoteId: String(n.status.id),
        inReplyTo: n.status.in_reply_to_id ? String(n.status.in_reply_to_id) : null,
        author: n.account?.acct ?? n.status.account?.acct ?? 'unknown',
        authorUrl: n.account?.url ?? n.status.account?.url ?? null,
        text: htmlToText(n.status.content ?? ''),
        language: n.status.language ?? null,
        createdAt: n.status.created_at,
        url: n.status.url ?? null,
        // A direct status reaches only those it mentions: a private message, answered directly.
        ...(n.status.visibility === 'direct' && { private: true }),
      }))
      .reverse();
    const newest = notifications.reduce<string | null>(
      (top, n) => (top === null || newerId(String(n.id), top) ? String(n.id) : top),
      cursor ?? null
    );
    return {
      replies,
      cursor: newest,
      more: Boolean(cursor) && notifications.length >= NOTIFICATIONS_PER_PAGE,
    };
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const message = responseBody(error)?.error ?? 'no message';
    if (status === 429) {
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: waitUntilIso(headerValue(error, 'X-RateLimit-Reset')),
        reason: 'Mastodon rate limit reached; waiting for its reset time.',
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const server = serverErrorVerdict(status, 'Mastodon');
    if (server) return server;
    if (status === 401) {
      return {
        action: 'reject',
        credentials: true,
        reason: `Mastodon refused the access token (${message}): reconnect the account with a new token.`,
      };
    }
    if (status === 422)
      return {
        action: 'reject',
        reason: `Mastodon rejected the post: ${message}. Edit the post, then retry.`,
      };
    return { action: 'reject', reason: `Mastodon answered ${status}: ${message}.` };
  },
};

export default mastodon;
