/**
 * Threads (Meta's Threads API on graph.threads.net): a post is a container (TEXT, IMAGE, VIDEO, or a
 * CAROUSEL of 2 to 20 items) created from public URLs, polled until FINISHED, then published
 * (meta-containers.ts keeps that exactly once). 500 characters, an emoji counting its UTF-8 bytes;
 * the rolling 24-hour limit (`threads_publishing_limit`, 250 posts) is read before each container and
 * honoured; the long-lived token is refreshed (`th_refresh_token`) when the API calls it expired.
 */
import { z } from 'zod';

import { httpStatus, requireCredentials, responseBody, postMedia } from './common';
import {
  classifyGraphError,
  containerFingerprint,
  parsePublishingLimit,
  publishContainerOnce,
  windowFreesAt,
  type ContainerStatus,
  type ContainerSteps,
} from './meta-containers';
import { checkBatch, ok } from './metrics';
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

function isMissing(error: unknown): boolean {
  const body = responseBody(error)?.error ?? {};
  return httpStatus(error) === 404 || (Number(body.code) === 100 && Number(body.error_subcode) === 33);
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

async function checkPublishingLimit(ctx: ProviderContext): Promise<PublishResult['quota']> {
  const { userId, headers } = account(ctx);
  const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(userId)}/threads_publishing_limit`, {
    headers,
    params: { fields: 'quota_usage,config' },
  });
  const limit = parsePublishingLimit(data);
  if (limit.used + 1 < limit.total) return undefined;
  const recent = await latestPosts(ctx, Math.min(limit.total, 100));
  const freesAt = windowFreesAt(
    limit,
    recent.flatMap((p) => p.timestamp ?? [])
  );
  // This post takes the last place: the account waits for the window, not for a refusal.
  if (limit.used < limit.total) return { remaining: 0, resetAt: freesAt };
  throw new ProviderError(
    `Threads allows ${limit.total} posts per 24 hours on this profile and they are used; the next place frees at ${freesAt.toISOString()}.`,
    'retry',
    { rateLimited: true, waitMs: Math.max(0, freesAt.getTime() - Date.now()) }
  );
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
  const status = async (containerId: string) => {
    const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(containerId)}`, {
      headers,
      params: { fields: 'status,error_message' },
    });
    const container = containerSchema.parse(data);
    return { status: container.status as ContainerStatus, detail: container.error_message };
  };
  const text: Record<string, string> = post.text.trim() ? { text: post.text } : {};
  const result: ContainerSteps & { quota?: PublishResult['quota'] } = {
    networkName: NAME,
    async create() {
      // Every new container is counted against the 24-hour limit first; a resumed one already was.
      result.quota = await checkPublishingLimit(ctx);
      if (postMedia(post).length === 0) return create({ media_type: 'TEXT', ...text });
      if (postMedia(post).length === 1) return create({ ...mediaFields(postMedia(post)[0]), ...text });
      const children: string[] = [];
      for (const media of postMedia(post))
        children.push(await create({ is_carousel_item: 'true', ...mediaFields(media) }));
      for (const child of children) await waitItem(child);
      return create({ media_type: 'CAROUSEL', children: children.join(','), ...text });
    },
    status,
    async publish(containerId) {
      const { data } = await ctx.http.post(`${base}/threads_publish`, null, {
        headers,
        params: { creation_id: containerId },
      });
      return z.object({ id: z.string() }).passthrough().parse(data).id;
    },
    async findPublished() {
      return threads.findRecent!(
        { since: new Date(post.createdAt.getTime() - 60_000), text: post.text },
        ctx
      );
    },
  };
  return result;

  async function waitItem(childId: string) {
    for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
      const { status: state, detail } = await status(childId);
      if (state === 'FINISHED') return;
      if (state === 'ERROR' || state === 'EXPIRED') {
        throw new ProviderError(
          `Threads could not process a carousel item (${detail || state}): check its format and size.`
        );
      }
      if (wait >= 4_000)
        throw new ProviderError(
          'Threads is still processing a carousel item; it will be tried again.',
          'retry'
        );
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
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
      if (isMissing(error)) return null;
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
    checkBatch(remoteIds, 1, NAME);
    const [id] = remoteIds;
    const { headers } = account(ctx);
    try {
      const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(id)}/insights`, {
        headers,
        params: { metric: 'views,likes,replies,reposts,quotes' },
      });
      const values = new Map<string, unknown>(
        ((data?.data ?? []) as any[]).map((metric) => [metric.name, metric.values?.[0]?.value])
      );
      return [
        ok(id, {
          views: values.get('views'),
          reactions: values.get('likes'),
          comments: values.get('replies'),
          shares: values.get('reposts'),
          quotes: values.get('quotes'),
        }),
      ];
    } catch (error) {
      if (isMissing(error)) return [{ remoteId: id, state: 'gone' }];
      const code = Number(responseBody(error)?.error?.code);
      if (code === 10 || (code >= 200 && code < 300)) {
        return [
          {
            remoteId: id,
            state: 'unavailable',
            reason: `Threads shows no insights for this post (${responseBody(error)?.error?.message}): the profile lacks threads_manage_insights.`,
          },
        ];
      }
      throw error;
    }
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

  async fetchReplies() {
    // Replies are readable (threads_read_replies) but not collected yet: no inbox for Threads.
    return { replies: [], cursor: null, more: false };
  },

  classifyError(error) {
    return classifyGraphError(error, NAME, {
      // ⚠ Meta documents no code for the 24-hour cap on Threads: Graph's code 9 ("limit reached") is read as it.
      isCap: (e) => e.code === 9,
    });
  },

  async refresh(ctx) {
    requireCredentials(ctx.account.credentials, ['accessToken']);
    const { data } = await ctx.http.get('/refresh_access_token', {
      params: { grant_type: 'th_refresh_token', access_token: ctx.account.credentials.accessToken },
    });
    const token = z
      .object({ access_token: z.string().min(1) })
      .passthrough()
      .parse(data);
    return { ...ctx.account.credentials, accessToken: token.access_token };
  },
};

export default threads;
