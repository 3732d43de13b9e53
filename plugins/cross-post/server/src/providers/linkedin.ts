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
import { checkBatch, count, inOrder, ok } from './metrics';
import { codePointLength, sameText } from './text';
import { currentPost, emptySweep, readSweep, sweepOn } from './per-post';
import { ProviderError, type DeliveryMetrics, type Provider, type ProviderContext } from './types';

const MAX_CHARACTERS = 3000;
const MAX_IMAGES = 20;
const VERSION = '202601';
/**
 * Posts per statistics request. LinkedIn documents no maximum for `shares=List(…)`; 20 keeps the URL
 * short (each encoded URN is about 40 characters).
 */
const BATCH_SIZE = 20;

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

/** The comments API answers 10 a page by default, 100 at most. */
const COMMENTS_PER_PAGE = 100;

/** `urn:li:comment:(urn:li:activity:1,2)`: the post (activity or share) and the comment's own id. */
function commentParts(urn: string): { object: string; id: string } {
  const match = /^urn:li:comment:\((urn:li:[a-zA-Z]+:[^,]+),([^)]+)\)$/.exec(urn);
  if (!match) throw new ProviderError(`Not a LinkedIn comment: ${urn}.`);
  return { object: match[1], id: match[2] };
}

function msUntilNextUtcMidnight(now = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return midnight - now.getTime();
}

/** Rest.li 2.0 list syntax: `List(urn%3Ali%3Ashare%3A1,…)`, each URN encoded, the syntax not. */
const restliList = (urns: string[]) => `List(${urns.map(encodeURIComponent).join(',')})`;

/**
 * An organization's posts: lifetime share statistics, asked with `shares=` or `ugcPosts=` by URN type.
 * Posts missing from the answer are looked up: deleted (gone), or outside what LinkedIn reports.
 */
async function organizationPostMetrics(ctx: ProviderContext, urns: string[]): Promise<DeliveryMetrics[]> {
  const { author, headers } = api(ctx);
  const found = new Map<string, DeliveryMetrics>();
  const groups: [string, string[]][] = [
    ['shares', urns.filter((u) => u.startsWith('urn:li:share:'))],
    ['ugcPosts', urns.filter((u) => u.startsWith('urn:li:ugcPost:'))],
  ];
  for (const [parameter, group] of groups) {
    if (group.length === 0) continue;
    const response = await ctx.http.get(
      `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeURIComponent(author)}&${parameter}=${restliList(group)}`,
      { headers, validateStatus: (s) => s < 300 || s === 403 }
    );
    if (response.status === 403) {
      const reason = `LinkedIn refused the statistics (${response.data?.message ?? 'access denied'}): the account must be an ADMINISTRATOR of the page, connected with rw_organization_admin.`;
      for (const urn of group) found.set(urn, { remoteId: urn, state: 'unavailable', reason });
      continue;
    }
    for (const element of (response.data?.elements ?? []) as any[]) {
      const urn = String(element.share ?? element.ugcPost ?? '');
      const stats = element.totalShareStatistics ?? {};
      found.set(
        urn,
        ok(urn, {
          impressions: stats.impressionCount,
          reach: stats.uniqueImpressionsCount,
          // Clicks on the post, its company name or its logo.
          linkClicks: stats.clickCount,
          reactions: stats.likeCount,
          comments: stats.commentCount,
          shares: stats.shareCount,
        })
      );
    }
  }
  const unanswered = urns.filter((urn) => !found.has(urn));
  if (unanswered.length > 0) {
    const existing = await existingPosts(ctx, unanswered);
    for (const urn of unanswered) {
      if (existing.has(urn)) {
        found.set(urn, {
          remoteId: urn,
          state: 'unavailable',
          reason:
            'LinkedIn reports no statistics for this post (older than 12 months, or not published by the organization).',
        });
      }
    }
  }
  return inOrder(urns, found);
}

/** Which of these posts still exist (Posts API batch get). */
async function existingPosts(ctx: ProviderContext, urns: string[]): Promise<Set<string>> {
  const { headers } = api(ctx);
  const { data } = await ctx.http.get(`/rest/posts?ids=${restliList(urns)}`, {
    headers: { ...headers, 'X-RestLi-Method': 'BATCH_GET' },
  });
  return new Set(Object.keys(data?.results ?? {}));
}

/** A member's posts: reactions and first-level comments (social actions, batch get); no impressions. */
async function memberPostMetrics(ctx: ProviderContext, urns: string[]): Promise<DeliveryMetrics[]> {
  const { headers } = api(ctx);
  const { data } = await ctx.http.get(`/rest/socialActions?ids=${restliList(urns)}`, {
    headers: { ...headers, 'X-RestLi-Method': 'BATCH_GET' },
  });
  const found = new Map<string, DeliveryMetrics>();
  for (const [urn, actions] of Object.entries((data?.results ?? {}) as Record<string, any>)) {
    found.set(
      urn,
      ok(urn, {
        reactions: actions?.likesSummary?.totalLikes,
        comments: actions?.commentsSummary?.totalFirstLevelComments,
      })
    );
  }
  for (const [urn, error] of Object.entries((data?.errors ?? {}) as Record<string, any>)) {
    if (Number(error?.status) !== 404 && !found.has(urn)) {
      found.set(urn, {
        remoteId: urn,
        state: 'unavailable',
        reason: `LinkedIn refused this post's social actions (${error?.message ?? error?.status}).`,
      });
    }
  }
  return inOrder(urns, found);
}

const linkedin: Provider = {
  network: 'linkedin',
  displayName: 'LinkedIn',
  defaultBaseUrl: 'https://api.linkedin.com',
  selfHosted: false,
  demo: {
    name: 'LinkedIn (démo)',
    language: 'fr',
    credentials: { accessToken: 'demo-linkedin-token', author: 'urn:li:organization:4242' },
  },
  credentialFields: [
    { name: 'accessToken', secret: true, required: true },
    { name: 'author', secret: false, required: true },
  ],
  limits: { textLength: MAX_CHARACTERS, images: MAX_IMAGES },
  idempotencyWindowMs: 0,
  metrics: {
    batchSize: BATCH_SIZE,
    measures: ['impressions', 'reach', 'reactions', 'comments', 'shares', 'linkClicks'],
    // Share statistics are computed about once a day.
    freshness: 'daily',
    // organizationalEntityShareStatistics covers a rolling 12 months.
    windowDays: 365,
    polled: true,
  },
  // Limits are per endpoint, per day: reading statistics spends nothing of the posting budget.
  readsSharePublishingLimit: false,
  metricsNote:
    'Organization pages: lifetime share statistics (impressions, unique impressions as reach, clicks on the post, company name or logo, reactions, comments, reshares) for 12 months, with rw_organization_admin. Member profiles: reactions and first-level comments only.',

  async validate(post) {
    const validation = lengthValidation(codePointLength(post.text), MAX_CHARACTERS, 'LinkedIn');
    validation.problems.push(
      ...emptyTextProblem(post, 'LinkedIn'),
      ...imageCountProblem(post, MAX_IMAGES, 'LinkedIn')
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
    checkBatch(remoteIds, BATCH_SIZE, 'LinkedIn');
    const { author } = api(ctx);
    return author.startsWith('urn:li:organization:')
      ? organizationPostMetrics(ctx, remoteIds)
      : memberPostMetrics(ctx, remoteIds);
  },

  async fetchAccountMetrics(ctx) {
    const { author, headers } = api(ctx);
    if (author.startsWith('urn:li:organization:')) {
      const { data } = await ctx.http.get(`/rest/networkSizes/${encodeURIComponent(author)}`, {
        headers,
        params: { edgeType: 'COMPANY_FOLLOWED_BY_MEMBER' },
      });
      return { followers: count(data?.firstDegreeSize) };
    }
    // A member's follower count needs r_member_profileAnalytics: without it, not measured.
    const response = await ctx.http.get('/rest/memberFollowersCount', {
      headers,
      params: { q: 'me' },
      validateStatus: (s) => s < 300 || s === 403,
    });
    return {
      followers: response.status === 403 ? null : count(response.data?.elements?.[0]?.memberFollowersCount),
    };
  },

  // LinkedIn's daily quotas are per member and application: one read per post every 10 minutes over
  // the posts of the last 30 days (at most 50), 10 pages a round.
  inbox: { pollEveryMs: 10 * 60_000, pagesPerRound: 10, perPost: { days: 30, limit: 50 } },

  /**
   * Comments on our posts, one post at a time (per-post.ts), newest first, 100 a page (`start`,
   * `count`): a page that reaches a comment older than the sweep's time ends that post, so a post's
   * older comments are not read again. Comments on comments carry their `parentComment`.
   */
  async fetchReplies({ since, remoteIds, cursor }, ctx) {
    const { headers, author } = api(ctx);
    const sweep = readSweep(cursor, since);
    const post = currentPost(sweep, remoteIds);
    if (!post) return { replies: [], ...emptySweep(sweep) };
    const start = sweep.post === post && sweep.page ? Number(sweep.page) || 0 : 0;
    const { data } = await ctx.http.get(`/rest/socialActions/${encodeURIComponent(post)}/comments`, {
      headers,
      params: { start, count: COMMENTS_PER_PAGE },
    });
    const elements = (Array.isArray(data?.elements) ? data.elements : []) as any[];
    const fresh = elements.filter((c) => Number(c.created?.time ?? 0) >= sweep.since);
    // The organization's own comments are our answers, not readers'.
    const replies = fresh
      .filter((c) => String(c.actor ?? c.created?.actor ?? '') !== author)
      .map((c) => ({
        remoteId: String(c.$URN ?? c.commentUrn ?? `urn:li:comment:(${post},${c.id})`),
        inReplyTo: c.parentComment ? String(c.parentComment) : post,
        author: String(c.actor ?? c.created?.actor ?? 'unknown'),
        authorUrl: null,
        text: c.message?.text ?? '',
        language: null,
        createdAt: new Date(Number(c.created?.time ?? Date.now())).toISOString(),
        url: postUrl(post),
      }));
    const end = start + elements.length;
    const total = Number(data?.paging?.total);
    const below =
      elements.length > 0 &&
      fresh.length === elements.length &&
      (Number.isFinite(total) ? end < total : elements.length === COMMENTS_PER_PAGE);
    return { replies, ...sweepOn(sweep, remoteIds, post, below ? String(end) : null) };
  },

  /**
   * A comment as the organization under the reader's. LinkedIn nests comments one level: an answer to
   * a reply goes under the comment that reply belongs to. No idempotency key: never re-sent blindly.
   */
  async reply({ text, inReplyTo }, _idempotencyKey, ctx) {
    const { author, headers } = api(ctx);
    const { object, id } = commentParts(inReplyTo);
    const { data: target } = await ctx.http.get(
      `/rest/socialActions/${encodeURIComponent(object)}/comments/${encodeURIComponent(id)}`,
      { headers }
    );
    const parentComment = target?.parentComment ? String(target.parentComment) : inReplyTo;
    const response = await ctx.http.post(
      `/rest/socialActions/${encodeURIComponent(object)}/comments`,
      { actor: author, object, message: { text }, parentComment },
      { headers }
    );
    const created = String(
      response.data?.$URN ?? response.data?.commentUrn ?? response.headers?.['x-restli-id'] ?? ''
    );
    return { remoteId: created, url: postUrl(object) };
  },

  async like(remoteId, ctx) {
    const { author, headers } = api(ctx);
    await ctx.http.post(
      '/rest/reactions',
      { root: remoteId, reactionType: 'LIKE' },
      { headers, params: { actor: author } }
    );
  },

  /** Only the organization's own comments: our answers. */
  async deleteOwn(remoteId, ctx) {
    const { author, headers } = api(ctx);
    const { object, id } = commentParts(remoteId);
    await ctx.http.delete(
      `/rest/socialActions/${encodeURIComponent(object)}/comments/${encodeURIComponent(id)}`,
      { headers, params: { actor: author } }
    );
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
        credentials: true,
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
