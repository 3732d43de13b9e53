/** LinkedIn Posts API: versioned REST, little-text escaping, URN in x-restli-id, daily limits reset at 00:00 UTC. */
import {
  emptyTextProblem,
  httpStatus,
  imageCountProblem,
  lengthValidation,
  requireCredentials,
  responseBody,
  serverErrorVerdict,
  transportVerdict,
} from './common';
import { codePointLength, sameText } from './text';
import type { Provider, ProviderContext } from './types';

const MAX_CHARACTERS = 3000;
const VERSION = '202601';

function api(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['accessToken', 'author']);
  return {
    author: ctx.account.credentials.author!,
    headers: {
      Authorization: `Bearer ${ctx.account.credentials.accessToken}`,
      'LinkedIn-Version': VERSION,
      'X-Restli-Protocol-Version': '2.0.0',
    },
  };
}

/** "Little text": these characters are markup unless escaped. */
export function escapeLittleText(text: string): string {
  return text.replace(/[\\|{}@[\]()<>#*_~]/g, (c) => `\\${c}`);
}

const postUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}`;

function msUntilNextUtcMidnight(now = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return midnight - now.getTime();
}

const linkedin: Provider = {
  network: 'linkedin',
  displayName: 'LinkedIn',
  defaultBaseUrl: 'https://api.linkedin.com',
  credentialFields: [
    { name: 'accessToken', secret: true, required: true },
    { name: 'author', secret: false, required: true },
  ],
  idempotencyWindowMs: 0,

  async validate(post) {
    const validation = lengthValidation(codePointLength(post.text), MAX_CHARACTERS, 'LinkedIn');
    validation.problems.push(
      ...emptyTextProblem(post, 'LinkedIn'),
      ...imageCountProblem(post, 20, 'LinkedIn')
    );
    return validation;
  },

  async publish(post, _idempotencyKey, ctx) {
    const { author, headers } = api(ctx);
    const imageUrns: string[] = [];
    for (const image of post.images) {
      const { data } = await ctx.http.post(
        '/rest/images',
        { initializeUploadRequest: { owner: author } },
        { headers, params: { action: 'initializeUpload' } }
      );
      await ctx.http.put(data.value.uploadUrl, await image.load(), {
        headers: { Authorization: headers.Authorization, 'Content-Type': image.mimeType },
      });
      imageUrns.push(data.value.image);
    }
    let content: any;
    if (imageUrns.length === 1) content = { media: { id: imageUrns[0], altText: post.images[0].alt } };
    else if (imageUrns.length > 1)
      content = { multiImage: { images: imageUrns.map((id, i) => ({ id, altText: post.images[i].alt })) } };
    else if (post.link) content = { article: { source: post.link, title: post.link } };
    const response = await ctx.http.post(
      '/rest/posts',
      {
        author,
        commentary: escapeLittleText(post.text),
        visibility: 'PUBLIC',
        distribution: {
          feedDistribution: 'MAIN_FEED',
          targetEntities: [],
          thirdPartyDistributionChannels: [],
        },
        ...(content && { content }),
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
      },
      { headers }
    );
    const urn = String(response.headers['x-restli-id']);
    return { remoteId: urn, url: postUrl(urn) };
  },

  async lookup(remoteId, ctx) {
    const { headers } = api(ctx);
    const response = await ctx.http.get(`/rest/posts/${encodeURIComponent(remoteId)}`, {
      headers,
      validateStatus: (s) => s < 300 || s === 404,
    });
    if (response.status === 404) return null;
    return { remoteId, url: postUrl(remoteId), text: response.data.commentary };
  },

  async findRecent({ since, text }, ctx) {
    const { author, headers } = api(ctx);
    const { data } = await ctx.http.get('/rest/posts', {
      headers,
      params: { q: 'author', author, count: 50 },
    });
    const match = (data.elements ?? []).find(
      (p: any) =>
        (p.createdAt ?? p.publishedAt ?? 0) >= since.getTime() - 60_000 && sameText(p.commentary, text)
    );
    return match ? { remoteId: match.id, url: postUrl(match.id), text: match.commentary } : null;
  },

  async fetchMetrics(remoteIds, ctx) {
    const { headers } = api(ctx);
    const metrics = [];
    for (const urn of remoteIds) {
      const { data } = await ctx.http.get(`/rest/socialActions/${encodeURIComponent(urn)}`, { headers });
      metrics.push({
        remoteId: urn,
        reactions: data.likesSummary?.totalLikes ?? 0,
        comments: data.commentsSummary?.totalFirstLevelComments ?? 0,
      });
    }
    return metrics;
  },

  async fetchReplies({ since, remoteIds }, ctx) {
    const { headers } = api(ctx);
    const replies = [];
    for (const urn of remoteIds) {
      const { data } = await ctx.http.get(`/rest/socialActions/${encodeURIComponent(urn)}/comments`, {
        headers,
      });
      for (const c of data.elements ?? []) {
        const createdAt = c.created?.time ?? 0;
        if (createdAt <= since.getTime()) continue;
        replies.push({
          remoteId: c.id ?? c.$URN,
          inReplyTo: urn,
          author: c.actor ?? 'unknown',
          text: c.message?.text ?? '',
          createdAt: new Date(createdAt).toISOString(),
          url: null,
        });
      }
    }
    return replies;
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const body = responseBody(error);
    const message = body.message ?? body.code ?? `HTTP ${status}`;
    if (status === 429) {
      // LinkedIn sends no wait: its daily limits reset at midnight UTC.
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: msUntilNextUtcMidnight(),
        reason: 'LinkedIn daily limit reached; it resets at midnight UTC.',
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const server = serverErrorVerdict(status, 'LinkedIn');
    if (server) return server;
    if (status === 401)
      return {
        action: 'reject',
        reason: `LinkedIn refused the access token (${message}): reconnect the account.`,
      };
    if (status === 422 && JSON.stringify(body).includes('DUPLICATE_POST')) {
      return {
        action: 'reject',
        reason: 'LinkedIn says this exact post is already online: check the account before retrying.',
      };
    }
    return { action: 'reject', reason: `LinkedIn rejected the post: ${message}.` };
  },
};

export default linkedin;
