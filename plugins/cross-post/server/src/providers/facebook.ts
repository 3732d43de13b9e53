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
import { codePointLength, sameText } from './text';
import type { Provider, ProviderContext } from './types';

const MAX_CHARACTERS = 63_206;
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 341]);
const TRANSIENT_CODES = new Set([1, 2]);

function page(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['pageId', 'pageAccessToken']);
  const { pageId, pageAccessToken } = ctx.account.credentials;
  return { pageId: pageId!, headers: { Authorization: `Bearer ${pageAccessToken}` } };
}

const postUrl = (id: string) => `https://www.facebook.com/${id}`;

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

const facebook: Provider = {
  network: 'facebook',
  displayName: 'Facebook Page',
  defaultBaseUrl: 'https://graph.facebook.com/v23.0',
  credentialFields: [
    { name: 'pageId', secret: false, required: true },
    { name: 'pageAccessToken', secret: true, required: true },
  ],
  idempotencyWindowMs: 0,

  async validate(post) {
    const validation = lengthValidation(codePointLength(post.text), MAX_CHARACTERS, 'Facebook');
    validation.problems.push(
      ...emptyTextProblem(post, 'Facebook'),
      ...imageCountProblem(post, 10, 'Facebook')
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
    const { headers } = page(ctx);
    const metrics = [];
    for (const id of remoteIds) {
      const { data } = await ctx.http.get(`/${id}`, {
        headers,
        params: {
          fields: 'reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares',
        },
      });
      metrics.push({
        remoteId: id,
        reactions: data.reactions?.summary?.total_count ?? 0,
        comments: data.comments?.summary?.total_count ?? 0,
        shares: data.shares?.count ?? 0,
      });
    }
    return metrics;
  },

  async fetchReplies({ since, remoteIds }, ctx) {
    const { headers } = page(ctx);
    const replies = [];
    for (const id of remoteIds) {
      const { data } = await ctx.http.get(`/${id}/comments`, {
        headers,
        params: {
          since: Math.floor(since.getTime() / 1000),
          fields: 'id,message,from,created_time,permalink_url',
        },
      });
      for (const c of data.data ?? []) {
        replies.push({
          remoteId: c.id,
          inReplyTo: id,
          author: c.from?.name ?? 'unknown',
          text: c.message ?? '',
          createdAt: c.created_time,
          url: c.permalink_url ?? null,
        });
      }
    }
    return replies;
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
        reason: `Facebook says the page token is no longer valid (${message}): reconnect the page.`,
      };
    }
    if (code >= 200 && code < 300) {
      return {
        action: 'reject',
        reason: `Facebook refused a permission (${message}): reconnect the page with posting rights.`,
      };
    }
    return { action: 'reject', reason: `Facebook rejected the post: ${message}.` };
  },
};

export default facebook;
