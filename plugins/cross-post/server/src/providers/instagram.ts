/**
 * Instagram (Graph API, professional accounts, Instagram Login on graph.instagram.com): a post is a
 * media container created from public URLs (Instagram downloads the media itself), polled until
 * FINISHED, then published (meta-containers.ts keeps that exactly once). One image, one video (a
 * reel), several (a carousel, up to 10), or, on an account set to publish stories, one story. The
 * rolling 24-hour publishing limit is read from the API before each container and honoured; the
 * long-lived token is refreshed (`ig_refresh_token`) when the API calls it expired.
 */
import { z } from 'zod';

import { requireCredentials, postMedia, responseBody } from './common';
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
  findGraphAnswer,
  graphObjectId,
  fetchInsights,
  isGraphMissing,
  refreshLongLivedToken,
  waitCarouselItem,
} from './meta-graph';
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
import { URL_PATTERN, codePointLength, sameText } from './text';
import {
  ProviderError,
  type OutgoingImage,
  type OutgoingPost,
  type Problem,
  type Provider,
  type ProviderContext,
  type PublishResult,
} from './types';

const VERSION = 'v23.0';
const CAPTION_MAX = 2_200;
const HASHTAGS_MAX = 30;
const MENTIONS_MAX = 20;
const CAROUSEL_MAX = 10;
const IMAGE_BYTES_MAX = 8 * 1024 * 1024;
const VIDEO_BYTES_MAX = 300 * 1024 * 1024;
const VIDEO_TYPES = new Set(['video/mp4', 'video/quicktime']);
const MEDIA_FIELDS = 'id,caption,permalink,timestamp,media_type';

const NAME = 'Instagram';

const mediaSchema = z
  .object({
    id: z.string(),
    caption: z.string().nullish(),
    permalink: z.string().nullish(),
    timestamp: z.string().nullish(),
  })
  .passthrough();

const containerSchema = z
  .object({
    id: z.string().optional(),
    status_code: z.enum(['IN_PROGRESS', 'FINISHED', 'ERROR', 'EXPIRED', 'PUBLISHED']),
    status: z.string().nullish(),
  })
  .passthrough();

/** Hashtags as Instagram counts them: a # after a space or punctuation, not inside a word or a link. */
export const hashtagCount = (text: string) =>
  (text.replace(URL_PATTERN, ' ').match(/(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu) ?? []).length;
/** @mentions, not e-mail addresses nor links. */
export const mentionCount = (text: string) =>
  (text.replace(URL_PATTERN, ' ').match(/(^|[^\p{L}\p{N}_.])@[\p{L}\p{N}_.]+/gu) ?? []).length;

const isVideo = (media: OutgoingImage) => media.mimeType.startsWith('video/');

function account(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['userId', 'accessToken']);
  const { userId, accessToken, publishAs } = ctx.account.credentials;
  return {
    userId: userId!.trim(),
    headers: { Authorization: `Bearer ${accessToken}` },
    story: (publishAs ?? '').trim().toLowerCase() === 'story',
  };
}

/** The account's Instagram direct messages (meta-conversations.ts): 1,000 characters a message. */
function directMessages(ctx: ProviderContext): MessagingChannel {
  const { userId, headers } = account(ctx);
  return {
    platform: 'instagram',
    name: 'Instagram',
    versionPath: `/${VERSION}`,
    ownerId: userId,
    headers,
    maxCharacters: 1000,
    withoutMessages: 'instagram.messagesRefused',
    author: (from) => ({
      name: from.username ?? from.name ?? 'Instagram user',
      url: from.username ? `https://www.instagram.com/${from.username}/` : null,
    }),
  };
}

function remoteMedia(data: unknown) {
  const media = mediaSchema.parse(data);
  return {
    remoteId: media.id,
    url: media.permalink ?? null,
    text: media.caption ?? undefined,
    createdAt: media.timestamp ?? undefined,
  };
}

/** The container fields for one medium: an image or a video, as a post, a carousel item or a story. */
function mediaFields(media: OutgoingImage, role: 'single' | 'item' | 'story'): Record<string, string> {
  const url = media.publicUrl!;
  if (role === 'story') return { media_type: 'STORIES', [isVideo(media) ? 'video_url' : 'image_url']: url };
  if (isVideo(media)) return { media_type: role === 'item' ? 'VIDEO' : 'REELS', video_url: url };
  return { image_url: url, ...(media.alt && role === 'single' && { alt_text: media.alt }) };
}

function mediaProblems(post: OutgoingPost, story: boolean): Problem[] {
  const problems: Problem[] = [];
  if (postMedia(post).length === 0) {
    problems.push({
      code: 'media_required',
      message: 'Instagram publishes nothing without an image or a video: add one to the post.',
    });
  }
  const most = story ? 1 : CAROUSEL_MAX;
  if (postMedia(post).length > most) {
    problems.push({
      code: 'too_many_images',
      message: story
        ? `An Instagram story carries one image or video; this post has ${postMedia(post).length}.`
        : `An Instagram carousel carries at most ${CAROUSEL_MAX} images or videos; this post has ${postMedia(post).length}.`,
    });
  }
  for (const media of postMedia(post)) {
    if (!media.publicUrl) {
      problems.push({
        code: 'media_not_public',
        message: `Instagram downloads ${media.filename} itself, so it needs a public address: set the app's public URL (server.url, or the cross-post publicUrl setting).`,
      });
    }
    if (isVideo(media)) {
      if (!VIDEO_TYPES.has(media.mimeType)) {
        problems.push({
          code: 'media_format',
          message: `Instagram takes MP4 or MOV videos; ${media.filename} is ${media.mimeType}.`,
        });
      }
      if (media.size && media.size > VIDEO_BYTES_MAX) {
        problems.push({
          code: 'media_too_large',
          message: `Instagram takes videos up to 300 MB; ${media.filename} is larger.`,
        });
      }
    } else {
      if (media.mimeType !== 'image/jpeg') {
        problems.push({
          code: 'media_format',
          message: `Instagram takes JPEG images only; ${media.filename} is ${media.mimeType}: export it as JPEG.`,
        });
      }
      if (media.size && media.size > IMAGE_BYTES_MAX) {
        problems.push({
          code: 'media_too_large',
          message: `Instagram takes images up to 8 MB; ${media.filename} is larger.`,
        });
      }
    }
  }
  return problems;
}

/** The account's latest posts (captions and times), for reconciliation and the limit's window. */
async function latestMedia(ctx: ProviderContext, limit = 25) {
  const { userId, headers } = account(ctx);
  const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(userId)}/media`, {
    headers,
    params: { fields: MEDIA_FIELDS, limit },
  });
  return z.array(mediaSchema).parse(data?.data ?? []);
}

/** Every new container is counted against the 24-hour limit first. */
const publishingLimit = (ctx: ProviderContext) => {
  const { userId, headers } = account(ctx);
  return checkPublishingLimit(
    {
      networkName: NAME,
      owner: 'account',
      limitPath: `/${VERSION}/${encodeURIComponent(userId)}/content_publishing_limit`,
      headers,
      latestTimestamps: async (count) => (await latestMedia(ctx, count)).flatMap((m) => m.timestamp ?? []),
    },
    ctx
  );
};

/** The steps of one post; `quota`: what the limit said before its container was created (none when resumed). */
function steps(
  post: OutgoingPost,
  ctx: ProviderContext
): ContainerSteps & { quota?: PublishResult['quota'] } {
  const { userId, headers, story } = account(ctx);
  const base = `/${VERSION}/${encodeURIComponent(userId)}`;
  const create = async (fields: Record<string, string>) => {
    const { data } = await ctx.http.post(`${base}/media`, new URLSearchParams(fields).toString(), {
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    return z.object({ id: z.string() }).passthrough().parse(data).id;
  };
  const status = async (containerId: string) => {
    const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(containerId)}`, {
      headers,
      params: { fields: 'status_code,status' },
    });
    const container = containerSchema.parse(data);
    return { status: container.status_code as ContainerStatus, detail: container.status };
  };
  const result: ContainerSteps & { quota?: PublishResult['quota'] } = {
    networkName: NAME,
    async create() {
      // Every new container is counted against the 24-hour limit first; a resumed one already was.
      result.quota = await publishingLimit(ctx);
      if (story) return create(mediaFields(postMedia(post)[0], 'story'));
      if (postMedia(post).length === 1)
        return create({ caption: post.text, ...mediaFields(postMedia(post)[0], 'single') });
      // A carousel: its items first (each ready before the carousel is), then the carousel itself.
      const children: string[] = [];
      for (const media of postMedia(post)) {
        const child = await create({ is_carousel_item: 'true', ...mediaFields(media, 'item') });
        children.push(child);
      }
      for (const child of children) await waitCarouselItem(NAME, status, child);
      return create({ media_type: 'CAROUSEL', children: children.join(','), caption: post.text });
    },
    status,
    async publish(containerId) {
      const { data } = await ctx.http.post(`${base}/media_publish`, null, {
        headers,
        params: { creation_id: containerId },
      });
      return z.object({ id: z.string() }).passthrough().parse(data).id;
    },
    async findPublished() {
      return instagram.findRecent!(
        { since: new Date(post.createdAt.getTime() - 60_000), text: post.text },
        ctx
      );
    },
  };
  return result;
}

const instagram: Provider = {
  network: 'instagram',
  displayName: 'Instagram',
  defaultBaseUrl: 'https://graph.instagram.com',
  selfHosted: false,
  demo: {
    name: 'Instagram (demo)',
    language: 'fr',
    credentials: { userId: '17841400008460056', accessToken: 'demo-instagram-token', publishAs: 'feed' },
  },
  credentialFields: [
    { name: 'userId', secret: false, required: true },
    { name: 'accessToken', secret: true, required: true },
    { name: 'publishAs', secret: false, required: false },
  ],
  limits: { textLength: CAPTION_MAX, images: CAROUSEL_MAX },
  idempotencyWindowMs: 0,
  metrics: {
    batchSize: 1,
    measures: ['views', 'reach', 'reactions', 'comments', 'shares', 'bookmarks'],
    // Insights lag up to 48 hours behind.
    freshness: 'daily',
    polled: true,
  },
  readsSharePublishingLimit: false,
  metricsNote:
    'Media insights (instagram_business_manage_insights): views, reach, likes (as reactions), comments, shares and saves (as bookmarks), up to 48 hours late; a post with too few viewers is unavailable. No impressions (retired), link or profile clicks.',

  async validate(post, ctx) {
    const length = codePointLength(post.text);
    const problems: Problem[] = [];
    if (length > CAPTION_MAX) {
      problems.push({
        code: 'too_long',
        message: `Instagram allows ${CAPTION_MAX} characters in a caption; this text has ${length}. Shorten it or write an Instagram variant.`,
      });
    }
    const hashtags = hashtagCount(post.text);
    if (hashtags > HASHTAGS_MAX) {
      problems.push({
        code: 'too_many_hashtags',
        message: `Instagram allows ${HASHTAGS_MAX} hashtags in a caption; this text has ${hashtags}.`,
      });
    }
    const mentions = mentionCount(post.text);
    if (mentions > MENTIONS_MAX) {
      problems.push({
        code: 'too_many_mentions',
        message: `Instagram allows ${MENTIONS_MAX} @mentions in a caption; this text has ${mentions}.`,
      });
    }
    const story = (ctx.account.credentials.publishAs ?? '').trim().toLowerCase() === 'story';
    problems.push(...mediaProblems(post, story));
    return { length, limit: CAPTION_MAX, problems };
  },

  async publish(post, _idempotencyKey, ctx) {
    const problems = (await instagram.validate(post, ctx)).problems;
    if (problems.length > 0) throw new ProviderError(problems.map((p) => p.message).join(' '));
    const { story } = account(ctx);
    const fingerprint = containerFingerprint([story, post.text, postMedia(post).map((m) => m.publicUrl)]);
    const container = steps(post, ctx);
    const outcome = await publishContainerOnce(container, fingerprint, ctx);
    const { quota } = container;
    if ('found' in outcome) return { remoteId: outcome.found.remoteId, url: outcome.found.url, quota };
    const found = await instagram.lookup(outcome.mediaId, ctx).catch(() => null);
    return { remoteId: outcome.mediaId, url: found?.url ?? null, quota };
  },

  async lookup(remoteId, ctx) {
    const { headers } = account(ctx);
    try {
      const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(remoteId)}`, {
        headers,
        params: { fields: MEDIA_FIELDS },
      });
      return remoteMedia(data);
    } catch (error) {
      if (isGraphMissing(error)) return null;
      throw error;
    }
  },

  async findRecent({ since, text }, ctx) {
    const match = (await latestMedia(ctx)).find(
      (media) =>
        (!media.timestamp || Date.parse(media.timestamp) >= since.getTime() - 60_000) &&
        sameText(media.caption, text)
    );
    return match ? remoteMedia(match) : null;
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
          reach: 'reach',
          likes: 'reactions',
          comments: 'comments',
          shares: 'shares',
          saved: 'bookmarks',
        },
        unavailableHint: 'too few viewers, or the account lacks instagram_business_manage_insights',
      },
      ctx
    );
  },

  async fetchAccountMetrics(ctx) {
    const { userId, headers } = account(ctx);
    const { data } = await ctx.http.get(`/${VERSION}/${encodeURIComponent(userId)}`, {
      headers,
      params: { fields: 'followers_count' },
    });
    const followers = Number(data?.followers_count);
    return { followers: Number.isFinite(followers) ? followers : null };
  },

  inbox: { pollEveryMs: 10 * 60_000, pagesPerRound: 10, perPost: { days: 30, limit: 50 } },

  /**
   * Comments on our posts, one post at a time (meta-graph.ts), then, once a sweep is over, the
   * account's direct messages (meta-conversations.ts). The cursor holds both,
   * `sweep|phase|conversations`; one stored before the messages is the sweep alone.
   */
  fetchReplies({ since, remoteIds, cursor }, ctx) {
    return readCommentsThenConversations(ctx, directMessages(ctx), { since, cursor }, async (sweep) => {
      const read = await fetchGraphReplies(
        {
          versionPath: `/${VERSION}`,
          edge: 'comments',
          ...account(ctx),
          profileUrl: (username) => `https://www.instagram.com/${username}/`,
        },
        { since, remoteIds, cursor: sweep || null },
        ctx
      );
      return { replies: read.replies, cursor: read.cursor ?? '', more: read.more };
    });
  },

  /**
   * An answer with an unknown outcome, looked up: a direct message in its conversation, a comment's
   * answer in its thread by the account's username.
   */
  async findAnswer(query, ctx) {
    if (isPrivateMessageId(query.inReplyTo)) return findPrivateAnswer(ctx, directMessages(ctx), query);
    const { userId, headers } = account(ctx);
    return findGraphAnswer({ versionPath: `/${VERSION}`, headers, userId }, query, ctx);
  },

  /**
   * A reply under the reader's comment (`instagram_business_manage_comments`). Instagram threads one
   * level deep: an answer to a reply is placed under its top-level comment by Instagram itself. No
   * idempotency key: an unknown outcome is looked for (`findAnswer`), never re-sent.
   */
  async reply({ text, inReplyTo }, _idempotencyKey, ctx) {
    if (isPrivateMessageId(inReplyTo))
      return answerPrivateMessage(ctx, directMessages(ctx), { text, inReplyTo });
    const { headers } = account(ctx);
    const { data } = await ctx.http.post(`/${VERSION}/${encodeURIComponent(inReplyTo)}/replies`, null, {
      headers,
      params: { message: text },
    });
    return { remoteId: graphObjectId(data), url: null };
  },

  /** Hidden comments stay visible to their author only, and can be shown again in the app. */
  async hide(remoteId, ctx) {
    notAPrivateMessage(directMessages(ctx), remoteId, 'hidden');
    const { headers } = account(ctx);
    const { data } = await ctx.http.post(`/${VERSION}/${encodeURIComponent(remoteId)}`, null, {
      headers,
      params: { hide: true },
    });
    expectSuccess(data, NAME);
  },

  async deleteOwn(remoteId, ctx) {
    notAPrivateMessage(directMessages(ctx), remoteId, 'deleted');
    const { headers } = account(ctx);
    const { data } = await ctx.http.delete(`/${VERSION}/${encodeURIComponent(remoteId)}`, { headers });
    expectSuccess(data, NAME);
  },

  classifyError(error) {
    if (outsideWindow(responseBody(error)?.error))
      return {
        action: 'reject',
        windowClosed: true,
        reason: outsideWindowReason('Instagram lets an account'),
      };
    return classifyGraphError(error, NAME, {
      // HTTP 400, code 9, subcode 2207042: the 24-hour publishing limit.
      isCap: (e) => e.code === 9 && e.subcode === 2207042,
    });
  },

  async refresh(ctx) {
    requireCredentials(ctx.account.credentials, ['accessToken']);
    return refreshLongLivedToken('ig_refresh_token', ctx);
  },
};

export default instagram;
