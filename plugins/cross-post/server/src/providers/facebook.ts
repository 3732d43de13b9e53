/** Facebook Pages (Graph API): page token, errors keyed on error.code, waits in minutes in a JSON header. */
import {
  emptyTextProblem,
  headerValue,
  httpStatus,
  imageCountProblem,
  lengthValidation,
  requireCredentials,
  responseBody,
  transportVerdict,
} from './common';
import {
  answerPrivateMessage,
  findPrivateAnswer,
  isPrivateMessageId,
  notAPrivateMessage,
  outsideWindow,
  outsideWindowReason,
  readCommentsThenConversations,
  type MessagingChannel,
} from './meta-conversations';
import { checkBatch, count, counters, ok } from './metrics';
import { currentPost, emptySweep, readSweep, sweepOn } from './per-post';
import { codePointLength, sameText } from './text';
import { ProviderError, type DeliveryMetrics, type Provider, type ProviderContext } from './types';

const MAX_CHARACTERS = 63_206;
const MAX_IMAGES = 10;
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 341]);
const TRANSIENT_CODES = new Set([1, 2]);
/** A Graph batch carries at most 50 requests; each post takes two (its fields, its insights). */
const BATCH_SIZE = 25;
const POST_FIELDS = 'reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares';
/** Views, reach (unique views) and clicks by type: the media-view metrics that replaced impressions (v23). */
const INSIGHTS = ['post_media_view', 'post_total_media_view_unique', 'post_clicks_by_type'];
/** The object does not exist (any more): subcode 33 on code 100, or code 803 for an unknown alias. */
const isMissingObject = (error: any) =>
  (Number(error?.code) === 100 && Number(error?.error_subcode) === 33) || Number(error?.code) === 803;
/** Permission refused (read_insights, the ANALYZE task) or insights this page does not have. */
const isRefused = (error: any) => {
  const code = Number(error?.code);
  return code === 10 || (code >= 200 && code < 300) || (code === 100 && !isMissingObject(error));
};

function page(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['pageId', 'pageAccessToken']);
  const { pageId, pageAccessToken } = ctx.account.credentials;
  return { pageId: pageId!, headers: { Authorization: `Bearer ${pageAccessToken}` } };
}

const postUrl = (id: string) => `https://www.facebook.com/${id}`;

/** Comments a page: Graph's edges take `limit` up to 100. */
const COMMENTS_PER_PAGE = 100;

/** Graph writes times as `2026-01-05T10:00:00+0000`: ISO with a colon-less offset. */
const graphTime = (value: string) => {
  const ms = Date.parse(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : new Date().toISOString();
};

/** The longest `estimated_time_to_regain_access` (minutes) in X-Business-Use-Case-Usage, in ms. */
function businessUseCaseWait(error: unknown): number | undefined {
  const raw = headerValue(error, 'X-Business-Use-Case-Usage');
  if (!raw) return undefined;
  try {
    const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Object.values(usage)
      .flat()
      .map((entry) => Number(entry.estimated_time_to_regain_access) || 0);
    return minutes.length > 0 ? Math.max(...minutes) * 60_000 : undefined;
  } catch {
    return undefined;
  }
}

type BatchAnswer = { code: number; body: any } | null;

/**
 * One Graph batch request (`POST /` with `batch`): each request answers on its own, so a deleted post
 * does not fail the others (`GET /?ids=` fails whole, and is gone from v26).
 */
async function graphBatch(ctx: ProviderContext, relativeUrls: string[]): Promise<BatchAnswer[]> {
  const { headers } = page(ctx);
  const form = new URLSearchParams({
    batch: JSON.stringify(relativeUrls.map((relative_url) => ({ method: 'GET', relative_url }))),
    include_headers: 'false',
  });
  const { data } = await ctx.http.post('/', form.toString(), {
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  if (!Array.isArray(data))
    throw new ProviderError('Facebook answered the batch with something else.', 'retry');
  return relativeUrls.map((_, i) => {
    const answer = data[i];
    if (!answer) return null;
    let body: any = answer.body;
    try {
      body = typeof body === 'string' ? JSON.parse(body) : body;
    } catch {
      body = {};
    }
    return { code: Number(answer.code), body };
  });
}

/** A failed request inside a batch, thrown as the HTTP error it stands for, so classifyError reads it. */
function batchError(answer: BatchAnswer): Error {
  return Object.assign(new Error(answer?.body?.error?.message ?? 'Facebook batch request failed'), {
    isAxiosError: true,
    response: { status: answer?.code ?? 500, data: answer?.body ?? {}, headers: {} },
  });
}

function postMetrics(remoteId: string, fields: BatchAnswer, insights: BatchAnswer): DeliveryMetrics {
  // A request the batch did not run (it timed out): the whole call is tried again later.
  if (!fields || !insights)
    throw new ProviderError('Facebook did not answer for every post of the batch.', 'retry');
  if (fields.code !== 200) {
    const error = fields.body?.error;
    if (isMissingObject(error)) return { remoteId, state: 'gone' };
    if (isRefused(error))
      return {
        remoteId,
        state: 'unavailable',
        reason: `Facebook refused to show this post (${error?.message}).`,
      };
    throw batchError(fields);
  }
  const post = fields.body ?? {};
  const engagement = {
    reactions: post.reactions?.summary?.total_count,
    comments: post.comments?.summary?.total_count,
    // Graph leaves `shares` out when nobody shared the post.
    shares: post.shares?.count ?? 0,
  };
  if (insights.code !== 200) {
    const error = insights.body?.error;
    if (isMissingObject(error)) return { remoteId, state: 'gone' };
    if (!isRefused(error)) throw batchError(insights);
    return {
      remoteId,
      state: 'unavailable',
      reason: `Facebook refused this page's insights (${error?.message}): views, reach and clicks need the read_insights permission, the ANALYZE task, and a page with at least 100 likes.`,
      counters: counters(engagement),
    };
  }
  const values = new Map<string, any>(
    ((insights.body?.data ?? []) as any[]).map((metric) => [metric.name, metric.values?.[0]?.value])
  );
  const byType = values.get('post_clicks_by_type');
  return ok(remoteId, {
    ...engagement,
    views: values.get('post_media_view'),
    reach: values.get('post_total_media_view_unique'),
    // Types nobody clicked are left out of the breakdown.
    linkClicks: byType && typeof byType === 'object' ? (byType['link clicks'] ?? 0) : undefined,
  });
}

/** One page of the comment sweep over our recent posts. */
async function readComments(
  ctx: ProviderContext,
  { since, remoteIds, cursor }: { since: Date; remoteIds: string[]; cursor: string }
) {
  const { headers, pageId } = page(ctx);
  const sweep = readSweep(cursor || null, since);
  const post = currentPost(sweep, remoteIds);
  if (!post) return { replies: [], swept: emptySweep(sweep) };
  const { data } = await ctx.http.get(`/${post}/comments`, {
    headers,
    params: {
      filter: 'stream',
      order: 'chronological',
      since: Math.floor(sweep.since / 1000),
      limit: COMMENTS_PER_PAGE,
      fields: 'id,message,from{id,name,link},created_time,permalink_url,parent{id}',
      ...(sweep.post === post && sweep.page && { after: sweep.page }),
    },
  });
  const replies = ((data?.data ?? []) as any[])
    // The page's own comments are our answers, not readers'.
    .filter((c) => String(c.from?.id ?? '') !== pageId)
    .map((c) => ({
      remoteId: String(c.id),
      inReplyTo: c.parent?.id ? String(c.parent.id) : post,
      author: c.from?.name ?? 'Facebook user',
      authorUrl: c.from?.link ?? null,
      text: c.message ?? '',
      language: null,
      createdAt: graphTime(c.created_time),
      url: c.permalink_url ?? null,
    }));
  const next = data?.paging?.next ? (data.paging.cursors?.after ?? null) : null;
  return { replies, swept: sweepOn(sweep, remoteIds, post, next) };
}

/** The Page's Messenger conversations (meta-conversations.ts). */
function messenger(ctx: ProviderContext): MessagingChannel {
  const { pageId, headers } = page(ctx);
  return {
    platform: 'messenger',
    name: 'Messenger',
    versionPath: '',
    ownerId: pageId,
    headers,
    maxCharacters: 2000,
    withoutMessages: 'facebook.messagesRefused',
    author: (from) => ({ name: from.name ?? 'Messenger user', url: null }),
  };
}

const facebook: Provider = {
  network: 'facebook',
  displayName: 'Facebook Page',
  defaultBaseUrl: 'https://graph.facebook.com/v23.0',
  selfHosted: false,
  demo: {
    name: 'Page Facebook (démo)',
    language: 'fr',
    credentials: { pageId: '1647395831', pageAccessToken: 'demo-page-token' },
  },
  credentialFields: [
    { name: 'pageId', secret: false, required: true },
    { name: 'pageAccessToken', secret: true, required: true },
  ],
  limits: { textLength: MAX_CHARACTERS, images: MAX_IMAGES },
  idempotencyWindowMs: 0,
  metrics: {
    batchSize: BATCH_SIZE,
    measures: ['views', 'reach', 'reactions', 'comments', 'shares', 'linkClicks'],
    // Page insights are computed about once a day.
    freshness: 'daily',
    // Insights are kept two years.
    windowDays: 730,
    polled: true,
  },
  // The Page's usage budget (BUC) counts every call made with its token.
  readsSharePublishingLimit: true,
  metricsNote:
    'Reactions, comments and shares from the post; views, reach and link clicks from insights (read_insights, the ANALYZE task and a page with at least 100 likes; otherwise the post is unavailable with the counts that could be read). Impressions were retired by Meta.',

  async validate(post) {
    const validation = lengthValidation(codePointLength(post.text), MAX_CHARACTERS, 'Facebook');
    validation.problems.push(
      ...emptyTextProblem(post, 'Facebook'),
      ...imageCountProblem(post, MAX_IMAGES, 'Facebook')
    );
    for (const image of post.images) {
      if (!image.publicUrl) {
        validation.problems.push({
          code: 'image_not_public',
          message: `Facebook downloads images itself: ${image.filename} needs a public URL (set the server's public url).`,
        });
      }
    }
    return validation;
  },

  async publish(post, _idempotencyKey, ctx) {
    const { pageId, headers } = page(ctx);
    const attached = [];
    for (const image of post.images) {
      const { data } = await ctx.http.post(
        `/${pageId}/photos`,
        { url: image.publicUrl, published: false, ...(image.alt && { alt_text_custom: image.alt }) },
        { headers }
      );
      attached.push({ media_fbid: data.id });
    }
    const { data } = await ctx.http.post(
      `/${pageId}/feed`,
      {
        message: post.text,
        published: true,
        ...(post.link && attached.length === 0 && { link: post.link }),
        ...(attached.length > 0 && { attached_media: attached }),
      },
      { headers, params: { fields: 'id,permalink_url' } }
    );
    return { remoteId: data.id, url: data.permalink_url ?? postUrl(data.id) };
  },

  async lookup(remoteId, ctx) {
    const { headers } = page(ctx);
    const response = await ctx.http.get(`/${remoteId}`, {
      headers,
      params: { fields: 'id,message,permalink_url' },
      validateStatus: (s) => s < 300 || s === 404 || s === 400,
    });
    if (response.status !== 200) return null;
    return {
      remoteId: response.data.id,
      url: response.data.permalink_url ?? postUrl(remoteId),
      text: response.data.message,
    };
  },

  async findRecent({ since, text }, ctx) {
    const { pageId, headers } = page(ctx);
    const { data } = await ctx.http.get(`/${pageId}/feed`, {
      headers,
      params: {
        since: Math.floor(since.getTime() / 1000) - 60,
        fields: 'id,message,created_time,permalink_url',
        limit: 100,
      },
    });
    const match = (data.data ?? []).find((p: any) => sameText(p.message, text));
    return match
      ? { remoteId: match.id, url: match.permalink_url ?? postUrl(match.id), text: match.message }
      : null;
  },

  async fetchMetrics(remoteIds, ctx) {
    checkBatch(remoteIds, BATCH_SIZE, 'Facebook');
    const answers = await graphBatch(
      ctx,
      remoteIds.flatMap((id) => [
        `${encodeURIComponent(id)}?fields=${POST_FIELDS}`,
        `${encodeURIComponent(id)}/insights?metric=${INSIGHTS.join(',')}`,
      ])
    );
    return remoteIds.map((remoteId, i) => postMetrics(remoteId, answers[2 * i], answers[2 * i + 1]));
  },

  async fetchAccountMetrics(ctx) {
    const { pageId, headers } = page(ctx);
    const { data } = await ctx.http.get(`/${encodeURIComponent(pageId)}`, {
      headers,
      params: { fields: 'followers_count' },
    });
    return { followers: count(data?.followers_count) };
  },

  // Page reads count against the page's hourly budget shared with publishing: one read per post every
  // 5 minutes, over the posts of the last 30 days (at most 50), 10 pages a round.
  inbox: { pollEveryMs: 5 * 60_000, pagesPerRound: 10, perPost: { days: 30, limit: 50 } },

  /**
   * Comments on our page posts, one post at a time (per-post.ts): `filter=stream` gives the replies
   * to comments too (with their `parent`), `order=chronological` from `since`, 100 a page, the
   * `after` cursor to the next page. Once a sweep is over, the Page's Messenger conversations
   * (meta-conversations.ts; without `pages_messaging` the source says so, and they are tried
   * again a day later). The cursor holds both: `sweep|phase|conversations` (a cursor from before the
   * conversations is the sweep alone: they are then read from `since`).
   */
  async fetchReplies({ since, remoteIds, cursor }, ctx) {
    return readCommentsThenConversations(ctx, messenger(ctx), { since, cursor }, async (sweep) => {
      const read = await readComments(ctx, { since, remoteIds, cursor: sweep });
      return { replies: read.replies, cursor: read.swept.cursor, more: read.swept.more };
    });
  },

  /**
   * A comment under the reader's. Facebook threads comments two deep: an answer to a reply goes under
   * the comment that reply belongs to. No idempotency key: an unknown outcome is never re-sent. A
   * Messenger message is answered privately, to its sender (meta-conversations.ts), looked up
   * in its conversation after an unknown outcome.
   */
  /** A Messenger answer whose outcome was unknown, looked up in its conversation. */
  async findAnswer(query, ctx) {
    if (!isPrivateMessageId(query.inReplyTo)) return null;
    return findPrivateAnswer(ctx, messenger(ctx), query);
  },

  async reply({ text, inReplyTo }, _idempotencyKey, ctx) {
    const { headers } = page(ctx);
    if (isPrivateMessageId(inReplyTo)) return answerPrivateMessage(ctx, messenger(ctx), { text, inReplyTo });
    const { data: target } = await ctx.http.get(`/${encodeURIComponent(inReplyTo)}`, {
      headers,
      params: { fields: 'id,parent{id}' },
    });
    const under = target?.parent?.id ? String(target.parent.id) : inReplyTo;
    const { data } = await ctx.http.post(
      `/${encodeURIComponent(under)}/comments`,
      { message: text },
      { headers }
    );
    return { remoteId: String(data.id), url: null };
  },

  /** Hidden comments stay visible to their author and friends only: the page's own moderation. */
  async hide(remoteId, ctx) {
    notAPrivateMessage(messenger(ctx), remoteId, 'hidden');
    const { headers } = page(ctx);
    await ctx.http.post(`/${encodeURIComponent(remoteId)}`, { is_hidden: true }, { headers });
  },

  async like(remoteId, ctx) {
    notAPrivateMessage(messenger(ctx), remoteId, 'liked');
    const { headers } = page(ctx);
    await ctx.http.post(`/${encodeURIComponent(remoteId)}/likes`, {}, { headers });
  },

  async deleteOwn(remoteId, ctx) {
    notAPrivateMessage(messenger(ctx), remoteId, 'deleted');
    const { headers } = page(ctx);
    await ctx.http.delete(`/${encodeURIComponent(remoteId)}`, { headers });
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const graphError = responseBody(error)?.error ?? {};
    const code = Number(graphError.code);
    const message = graphError.error_user_msg ?? graphError.message ?? `HTTP ${status}`;
    if (RATE_LIMIT_CODES.has(code)) {
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: businessUseCaseWait(error),
        reason: `Facebook rate limit reached (${message}).`,
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    if (TRANSIENT_CODES.has(code) || graphError.is_transient || (status >= 500 && !graphError.code)) {
      return { action: 'retry', reason: `Facebook had a temporary error (${message}).` };
    }
    if (code === 190) {
      return {
        action: 'reject',
        credentials: true,
        reason: `Facebook says the page token is no longer valid (${message}): reconnect the page.`,
      };
    }
    if (outsideWindow(graphError))
      return { action: 'reject', windowClosed: true, reason: outsideWindowReason('Facebook lets a Page') };
    if (code >= 200 && code < 300) {
      return {
        action: 'reject',
        credentials: true,
        reason: `Facebook refused a permission (${message}): reconnect the page with posting rights.`,
      };
    }
    return { action: 'reject', reason: `Facebook rejected the post: ${message}.` };
  },
};

export default facebook;
