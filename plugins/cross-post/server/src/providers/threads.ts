/**
 * Threads (Meta's Threads API on graph.threads.net): a post is a container (TEXT, IMAGE, VIDEO, or a
 * CAROUSEL of 2 to 20 items) created from public URLs, polled until FINISHED, then published
 * (meta-containers.ts keeps that exactly once). 500 characters, an emoji counting its UTF-8 bytes;
 * the rolling 24-hour limit (`threads_publishing_limit`, 250 posts) is read before each container and
 * honoured; the long-lived token is refreshed (`th_refresh_token`) when the API calls it expired.
 */
import { z } from 'zod';

import { requireCredentials, postMedia } from './common';
import {
  classifyGraphError,
  containerFingerprint,
  publishContainerOnce,
  type ContainerStatus,
  type ContainerSteps,
} from './meta-containers';
import {
  checkPublishingLimit,
  expectSuccess,
  fetchGraphReplies,
  graphObjectId,
  fetchInsights,
  isGraphMissing,
  refreshLongLivedToken,
  waitCarouselItem,
} from './meta-graph';
import { graphemes, sameText, utf8Length } from './text';
import {
  ProviderError,
  type OutgoingImage,
  type OutgoingPost,
  type Problem,
  type Provider,
  type ProviderContext,
  type PublishResult,
} from './types';

const VERSION = 'v1.0';
const TEXT_MAX = 500;
const CAROUSEL_MAX = 20;
const IMAGE_BYTES_MAX = 8 * 1024 * 1024;
const VIDEO_BYTES_MAX = 1024 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);
const VIDEO_TYPES = new Set(['video/mp4', 'video/quicktime']);
const POST_FIELDS = 'id,text,permalink,timestamp,media_type';
const NAME = 'Threads';

const postSchema = z
  .object({
    id: z.string(),
    text: z.string().nullish(),
    permalink: z.string().nullish(),
    timestamp: z.string().nullish(),
  })
  .passthrough();

const containerSchema = z
  .object({
    status: z.enum(['IN_PROGRESS', 'FINISHED', 'ERROR', 'EXPIRED', 'PUBLISHED']),
    error_message: z.string().nullish(),
  })
  .passthrough();

const EMOJI = /\p{Extended_Pictographic}/u;

/** Threads' count: characters, an emoji as its UTF-8 length. */
export function threadsLength(text: string): number {
  return graphemes(text).reduce(
    (sum, grapheme) => sum + (EMOJI.test(grapheme) ? utf8Length(grapheme) : 1),
    0
  );
}

const isVideo = (media: OutgoingImage) => media.mimeType.startsWith('video/');

function account(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['userId', 'accessToken']);
  const { userId, accessToken } = ctx.account.credentials;
  return { userId: userId!.trim(), headers: { Authorization: `Bearer ${accessToken}` } };
}

function remotePost(data: unknown) {
  const post = postSchema.parse(data);
  return {
    remoteId: post.id,
    url: post.permalink ?? null,
    text: post.text ?? undefined,
    createdAt: post.timestamp ?? undefined,
  };
}

function mediaFields(media: OutgoingImage): Record<string, string> {
  return isVideo(media)
    ? { media_type: 'VIDEO', video_url: media.publicUrl! }
    : { media_type: 'IMAGE', image_url: media.publicUrl! };
}

function mediaProblems(post: OutgoingPost): Problem[] {
  const problems: Problem[] = [];
  if (postMedia(post).length > CAROUSEL_MAX) {
    problems.push({
      code: 'too_many_images',
      message: `A Threads carousel carries at most ${CAROUSEL_MAX} images or videos; this post has ${postMedia(post).length}.`,
    });
  }
  for (const media of postMedia(post)) {
    if (!media.publicUrl) {
      problems.push({
        code: 'media_not_public',
        message: `Threads downloads ${media.filename} itself, so it needs a public address: set the app's public URL (server.url, or the cross-post publicUrl setting).`,
      });
    }
    const video = isVideo(media);
    if (!(video ? VIDEO_TYPES : IMAGE_TYPES).has(media.mimeType)) {
      problems.push({
        code: 'media_format',
        message: video
          ? `Threads takes MP4 or MOV videos; ${media.filename} is ${media.mimeType}.`
          : `Threads takes JPEG or PNG images; ${media.filename} is ${media.mimeType}.`,
      });
    }
    if (media.size && media.size > (video ? VIDEO_BYTES_MAX : IMAGE_BYTES_MAX)) {
      problems.push({
        code: 'media_too_large',
        message: `Threads takes ${video ? 'videos up to 1 GB' : 'images up to 8 MB'}; ${media.filename} is larger.`,
      });
    }
  }
  return problems;
}

async function latestPosts(ctx: ProviderContext, limit = 25) {
  const { userId, headers } = account(ctx);
  const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(userId)}/threads`, {
    headers,
    params: { fields: POST_FIELDS, limit },
  });
  return z.array(postSchema).parse(data?.data ?? []);
}

/** Every new container is counted against the 24-hour limit first. */
const publishingLimit = (ctx: ProviderContext) => {
  const { userId, headers } = account(ctx);
  return checkPublishingLimit(
    {
      networkName: NAME,
      owner: 'profile',
      limitPath: `/${VERSION}/${encodeURIComponent(userId)}/threads_publishing_limit`,
      headers,
      latestTimestamps: async (count) => (await latestPosts(ctx, count)).flatMap((p) => p.timestamp ?? []),
    },
    ctx
  );
};

async function containerStatus(containerId: string, ctx: ProviderContext) {
  const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(containerId)}`, {
    headers: account(ctx).headers,
    params: { fields: 'status,error_message' },
  });
  const container = containerSchema.parse(data);
  return { status: container.status as ContainerStatus, detail: container.error_message };
}

/** Publishes a FINISHED container: the post's (or answer's) id. */
async function publishContainer(containerId: string, ctx: ProviderContext) {
  const { userId, headers } = account(ctx);
  const { data } = await ctx.http.post(`/${VERSION}/${encodeURIComponent(userId)}/threads_publish`, null, {
    headers,
    params: { creation_id: containerId },
  });
  return graphObjectId(data);
}

/** The steps of one post; `quota`: what the limit said before its container was created (none when resumed). */
function steps(
  post: OutgoingPost,
  ctx: ProviderContext
): ContainerSteps & { quota?: PublishResult['quota'] } {
  const { userId, headers } = account(ctx);
  const base = `/${VERSION}/${encodeURIComponent(userId)}`;
  const create = async (fields: Record<string, string>) => {
    const { data } = await ctx.http.post(`${base}/threads`, new URLSearchParams(fields).toString(), {
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    return z.object({ id: z.string() }).passthrough().parse(data).id;
  };
  const status = (containerId: string) => containerStatus(containerId, ctx);
  const text: Record<string, string> = post.text.trim() ? { text: post.text } : {};
  const result: ContainerSteps & { quota?: PublishResult['quota'] } = {
    networkName: NAME,
    async create() {
      // Every new container is counted against the 24-hour limit first; a resumed one already was.
      result.quota = await publishingLimit(ctx);
      if (postMedia(post).length === 0) return create({ media_type: 'TEXT', ...text });
      if (postMedia(post).length === 1) return create({ ...mediaFields(postMedia(post)[0]), ...text });
      const children: string[] = [];
      for (const media of postMedia(post))
        children.push(await create({ is_carousel_item: 'true', ...mediaFields(media) }));
      for (const child of children) await waitCarouselItem(NAME, status, child);
      return create({ media_type: 'CAROUSEL', children: children.join(','), ...text });
    },
    status,
    publish: (containerId) => publishContainer(containerId, ctx),
    async findPublished() {
      return threads.findRecent!(
        { since: new Date(post.createdAt.getTime() - 60_000), text: post.text },
        ctx
      );
    },
  };
  return result;
}

/**
 * An answer's steps: a TEXT container with `reply_to_id`, published like a post (the same polling and
 * single publish). Answers do not count against the 250 posts (Threads keeps 1,000 replies a day apart).
 */
function answerSteps(reply: { text: string; inReplyTo: string }, ctx: ProviderContext): ContainerSteps {
  const { userId, headers } = account(ctx);
  const base = `/${VERSION}/${encodeURIComponent(userId)}`;
  return {
    networkName: NAME,
    async create() {
      const fields = { media_type: 'TEXT', text: reply.text, reply_to_id: reply.inReplyTo };
      const { data } = await ctx.http.post(`${base}/threads`, new URLSearchParams(fields).toString(), {
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      return graphObjectId(data);
    },
    status: (containerId) => containerStatus(containerId, ctx),
    publish: (containerId) => publishContainer(containerId, ctx),
    // A saved container already PUBLISHED: the answer went, but nothing lists it by its container,
    // so it stays unconfirmed (never published a second time).
    findPublished: async () => null,
  };
}

const threads: Provider = {
  network: 'threads',
  displayName: 'Threads',
  defaultBaseUrl: 'https://graph.threads.net',
  selfHosted: false,
  demo: {
    name: 'Threads (demo)',
    language: 'fr',
    credentials: { userId: '25025320001234567', accessToken: 'demo-threads-token' },
  },
  credentialFields: [
    { name: 'userId', secret: false, required: true },
    { name: 'accessToken', secret: true, required: true },
  ],
  limits: { textLength: TEXT_MAX, images: CAROUSEL_MAX },
  idempotencyWindowMs: 0,
  metrics: {
    batchSize: 1,
    measures: ['views', 'reactions', 'comments', 'shares', 'quotes'],
    freshness: 'live',
    polled: true,
  },
  readsSharePublishingLimit: false,
  metricsNote:
    'Post insights (threads_manage_insights): views, likes (as reactions), replies (as comments, nested replies not counted), reposts (as shares) and quotes. No reach, impressions, saves or clicks.',

  async validate(post) {
    const length = threadsLength(post.text);
    const problems: Problem[] = [];
    if (length > TEXT_MAX) {
      problems.push({
        code: 'too_long',
        message: `Threads allows ${TEXT_MAX} characters (an emoji counts several); this text has ${length}. Shorten it or write a Threads variant.`,
      });
    }
    if (post.text.trim() === '' && postMedia(post).length === 0)
      problems.push({ code: 'empty', message: 'Threads needs a text or an image.' });
    problems.push(...mediaProblems(post));
    return { length, limit: TEXT_MAX, problems };
  },

  async publish(post, _idempotencyKey, ctx) {
    const problems = (await threads.validate(post, ctx)).problems;
    if (problems.length > 0) throw new ProviderError(problems.map((p) => p.message).join(' '));
    const fingerprint = containerFingerprint([post.text, postMedia(post).map((m) => m.publicUrl)]);
    const container = steps(post, ctx);
    const outcome = await publishContainerOnce(container, fingerprint, ctx);
    const { quota } = container;
    if ('found' in outcome) return { remoteId: outcome.found.remoteId, url: outcome.found.url, quota };
    const found = await threads.lookup(outcome.mediaId, ctx).catch(() => null);
    return { remoteId: outcome.mediaId, url: found?.url ?? null, quota };
  },

  async lookup(remoteId, ctx) {
    const { headers } = account(ctx);
    try {
      const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(remoteId)}`, {
        headers,
        params: { fields: POST_FIELDS },
      });
      return remotePost(data);
    } catch (error) {
      if (isGraphMissing(error)) return null;
      throw error;
    }
  },

  async findRecent({ since, text }, ctx) {
    const match = (await latestPosts(ctx)).find(
      (p) => (!p.timestamp || Date.parse(p.timestamp) >= since.getTime() - 60_000) && sameText(p.text, text)
    );
    return match ? remotePost(match) : null;
  },

  async fetchMetrics(remoteIds, ctx) {
    return fetchInsights(
      remoteIds,
      {
        networkName: NAME,
        versionPath: `/${VERSION}`,
        headers: account(ctx).headers,
        counters: {
          views: 'views',
          likes: 'reactions',
          replies: 'comments',
          reposts: 'shares',
          quotes: 'quotes',
        },
        unavailableHint: 'the profile lacks threads_manage_insights',
      },
      ctx
    );
  },

  async fetchAccountMetrics(ctx) {
    const { userId, headers } = account(ctx);
    const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(userId)}/threads_insights`, {
      headers,
      params: { metric: 'followers_count' },
    });
    const metric = ((data?.data ?? []) as any[]).find((m) => m.name === 'followers_count');
    const followers = Number(metric?.total_value?.value);
    return { followers: Number.isFinite(followers) ? followers : null };
  },

  inbox: { pollEveryMs: 10 * 60_000, pagesPerRound: 10, perPost: { days: 30, limit: 50 } },

  fetchReplies(query, ctx) {
    return fetchGraphReplies(
      {
        versionPath: `/${VERSION}`,
        edge: 'conversation',
        ...account(ctx),
        profileUrl: (username) => `https://www.threads.net/@${username}`,
      },
      query,
      ctx
    );
  },

  /**
   * A reply under the reader's (`threads_manage_replies`), in two steps like a post. No idempotency
   * key: the container's id is kept on the answer (`ctx.progress`) before it is published, so the next
   * attempt (after a crash or a lost answer) publishes that container, or finds it already PUBLISHED,
   * never a second one.
   */
  async reply({ text, inReplyTo }, _idempotencyKey, ctx) {
    const length = threadsLength(text);
    if (length > TEXT_MAX)
      throw new ProviderError(
        `Threads allows ${TEXT_MAX} characters in an answer (an emoji counts several); this one has ${length}.`
      );
    const outcome = await publishContainerOnce(
      answerSteps({ text, inReplyTo }, ctx),
      containerFingerprint([text, inReplyTo]),
      ctx
    );
    if ('found' in outcome) return { remoteId: outcome.found.remoteId, url: outcome.found.url };
    const found = await threads.lookup(outcome.mediaId, ctx).catch(() => null);
    return { remoteId: outcome.mediaId, url: found?.url ?? null };
  },

  /** Hidden with its own replies; Threads hides top-level replies only (`manage_reply`). */
  async hide(remoteId, ctx) {
    const { headers } = account(ctx);
    const { data } = await ctx.http.post(
      `/${VERSION}/${encodeURIComponent(remoteId)}/manage_reply`,
      new URLSearchParams({ hide: 'true' }).toString(),
      { headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } }
    );
    expectSuccess(data, NAME);
  },

  /** `threads_delete`, at most 100 deletions a day per account. */
  async deleteOwn(remoteId, ctx) {
    const { headers } = account(ctx);
    const { data } = await ctx.http.delete(`/${VERSION}/${encodeURIComponent(remoteId)}`, { headers });
    expectSuccess(data, NAME);
  },

  classifyError(error) {
    return classifyGraphError(error, NAME, {
      // ⚠ Meta documents no code for the 24-hour cap on Threads: Graph's code 9 ("limit reached") is read as it.
      isCap: (e) => e.code === 9,
    });
  },

  async refresh(ctx) {
    requireCredentials(ctx.account.credentials, ['accessToken']);
    return refreshLongLivedToken('th_refresh_token', ctx);
  },
};

export default threads;
