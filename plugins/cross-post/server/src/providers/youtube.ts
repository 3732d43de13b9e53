/**
 * YouTube (Data API v3): a post is a video, uploaded with the resumable protocol (a session opened
 * with its metadata, then the bytes in chunks; 308 says how much arrived). The session's address is
 * saved on the delivery (`ctx.progress`) before a byte is sent: an attempt after a crash asks the
 * session how far it got and finishes it, or finds the video it became, never uploading a second one.
 * Title (100), description (5,000 bytes, no angle brackets) and tags (500 characters) checked before;
 * the account's privacy setting, Shorts on accounts set to them. The day's quota is spent in units
 * (an upload 1,600) and counted on the account (`ctx.spendQuota`); an upload that would pass it
 * waits for midnight Pacific time, as does a 403 `quotaExceeded`. OAuth 2 tokens are refreshed.
 * Comments go to the inbox: each recent video's threads and their replies (1 unit a page), answered as
 * the channel, held for review, our answers deleted (50 units each).
 */
import { z } from 'zod';

import {
  headerValue,
  httpStatus,
  requireCredentials,
  responseBody,
  transportVerdict,
  postMedia,
} from './common';
import axios from 'axios';

import { bufferSource } from '../utils/media-source';
import { checkBatch, inOrder, ok } from './metrics';
import { sameText, utf8Length } from './text';
import { containerFingerprint } from './meta-containers';
import { scheduleOnProblems } from './network-scheduling';
import { CLOCK_MARGIN_MS, currentPost, emptySweep, readSweep, sweepOn } from './per-post';
import { ownIdentity } from './own-identity';
import {
  ProviderError,
  type DeliveryMetrics,
  type ErrorVerdict,
  type OutgoingImage,
  type OutgoingPost,
  type Problem,
  type Provider,
  type MediaSource,
  type ProviderContext,
  type PublishResult,
  type QuotaLedger,
} from './types';

const NAME = 'YouTube';
const TITLE_MAX = 100;
const DESCRIPTION_MAX_BYTES = 5_000;
const TAGS_MAX = 500;
/** Comment threads a page, and replies a page: the most YouTube gives. */
const COMMENTS_PER_PAGE = 100;
/** Chunks are multiples of 256 KiB (the last excepted): 8 MiB per request. */
export const UPLOAD = { chunkBytes: 32 * 256 * 1024 };
const VIDEO_BYTES_MAX = 256 * 1024 ** 3;
/** What a project gets per day by default, and what the calls cost (youtube/data/determine_quota_cost). */
export const QUOTA = { daily: 10_000, upload: 1_600, read: 1, delete: 50, comment: 50, moderate: 50 };
const BATCH_SIZE = 50;
const QUOTA_REASONS = new Set([
  'quotaExceeded',
  'dailyLimitExceeded',
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'uploadLimitExceeded',
]);

const videoSchema = z
  .object({
    id: z.string(),
    snippet: z
      .object({
        title: z.string().nullish(),
        description: z.string().nullish(),
        publishedAt: z.string().nullish(),
      })
      .passthrough()
      .nullish(),
    status: z
      .object({
        uploadStatus: z.string().nullish(),
        privacyStatus: z.string().nullish(),
        publishAt: z.string().nullish(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();

const commentSchema = z
  .object({
    id: z.string(),
    snippet: z
      .object({
        videoId: z.string().nullish(),
        parentId: z.string().nullish(),
        textOriginal: z.string().nullish(),
        textDisplay: z.string().nullish(),
        authorDisplayName: z.string().nullish(),
        authorChannelUrl: z.string().nullish(),
        authorChannelId: z.object({ value: z.string() }).partial().nullish(),
        publishedAt: z.string(),
      })
      .passthrough(),
  })
  .passthrough();

const threadsPageSchema = z
  .object({
    nextPageToken: z.string().nullish(),
    items: z
      .array(
        z
          .object({
            id: z.string(),
            snippet: z
              .object({ topLevelComment: commentSchema, totalReplyCount: z.number().int().nullish() })
              .passthrough(),
            replies: z
              .object({ comments: z.array(commentSchema) })
              .passthrough()
              .nullish(),
          })
          .passthrough()
      )
      .default([]),
  })
  .passthrough();

const channelsSchema = z
  .object({ items: z.array(z.object({ id: z.string() }).passthrough()).default([]) })
  .passthrough();

const commentsPageSchema = z
  .object({ nextPageToken: z.string().nullish(), items: z.array(commentSchema).default([]) })
  .passthrough();

const savedSchema = z.object({ sessionUrl: z.string().url(), fingerprint: z.string() });

// ---- the day as YouTube counts it: midnight Pacific time ----

const pacific = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function pacificParts(at: number) {
  const parts = Object.fromEntries(pacific.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The quota's day (YYYY-MM-DD, Pacific time) at `at`. */
export function quotaDay(at = Date.now()): string {
  const p = pacificParts(at);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function pacificOffsetMs(at: number): number {
  const p = pacificParts(at);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/** When the quota resets: the next midnight in Los Angeles (daylight saving included). */
export function nextQuotaReset(now = Date.now()): Date {
  const p = pacificParts(now);
  const wallMidnight = Date.UTC(p.year, p.month - 1, p.day + 1);
  const first = wallMidnight - pacificOffsetMs(now);
  return new Date(wallMidnight - pacificOffsetMs(first));
}

// ---- the account ----

function account(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['accessToken']);
  const { accessToken, privacy, shorts, dailyQuota, categoryId } = ctx.account.credentials;
  const quota = Number(dailyQuota);
  return {
    headers: { Authorization: `Bearer ${accessToken}` },
    privacy: (privacy ?? 'public').trim().toLowerCase(),
    shorts: ['yes', 'true', '1'].includes((shorts ?? '').trim().toLowerCase()),
    dailyQuota: Number.isInteger(quota) && quota > 0 ? quota : QUOTA.daily,
    categoryId: (categoryId ?? '').trim() || '22',
  };
}

/** Units spent today on this account, as the ledger on the account says. */
export function unitsSpentToday(ledger: QuotaLedger | null | undefined, now = Date.now()): number {
  return ledger?.quotaDay === quotaDay(now) ? ledger.unitsSpent : 0;
}

const spend = (ctx: ProviderContext, units: number) => ctx.spendQuota?.(quotaDay(), units);

function checkQuota(ctx: ProviderContext, units: number, what = 'an upload'): void {
  const { dailyQuota } = account(ctx);
  const spent = unitsSpentToday(ctx.account.quota);
  if (spent + units <= dailyQuota) return;
  const reset = nextQuotaReset();
  throw new ProviderError(
    `YouTube's daily quota would be exceeded: ${spent} of ${dailyQuota} units spent today and ${what} costs ${units}; it can be done again after midnight Pacific time (${reset.toISOString()}).`,
    'retry',
    { rateLimited: true, waitMs: Math.max(0, reset.getTime() - Date.now()) }
  );
}

// ---- the video ----

const HASHTAG = /(^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;

/** The video's title: the post's, else its first line; with #Shorts on an account set to Shorts. */
export function videoTitle(post: OutgoingPost, shorts: boolean): string {
  const base = (post.title ?? '').trim() || (post.text.split('\n')[0] ?? '').replace(HASHTAG, '$1').trim();
  return shorts && !/#shorts\b/i.test(base) ? `${base} #Shorts`.trim() : base;
}

/** The post's hashtags as tags, without their #. */
export function videoTags(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(HASHTAG), (m) => m[2]))];
}

/** YouTube's count of the tags: their characters, a comma between two, quotes around one with a space. */
const tagsLength = (tags: string[]) =>
  tags.reduce((sum, tag) => sum + Array.from(tag).length + (tag.includes(' ') ? 2 : 0), 0) +
  Math.max(0, tags.length - 1);

const videoOf = (post: OutgoingPost): OutgoingImage | undefined =>
  postMedia(post).find((media) => media.mimeType.startsWith('video/'));

function metadata(post: OutgoingPost, ctx: ProviderContext) {
  const { privacy, shorts, categoryId } = account(ctx);
  return {
    snippet: {
      title: videoTitle(post, shorts),
      description: post.text,
      tags: videoTags(post.text),
      categoryId,
      ...(post.language && { defaultLanguage: post.language }),
    },
    // Scheduled on YouTube: private until `publishAt`, when YouTube makes it public.
    status: post.publishAt
      ? { privacyStatus: 'private', publishAt: post.publishAt.toISOString(), selfDeclaredMadeForKids: false }
      : { privacyStatus: privacy, selfDeclaredMadeForKids: false },
  };
}

/** The time YouTube still holds the video until (private with `publishAt` ahead), if it does. */
function heldUntil(video: z.infer<typeof videoSchema>): string | undefined {
  const at = video.status?.publishAt;
  return video.status?.privacyStatus === 'private' && at && Date.parse(at) > Date.now()
    ? new Date(at).toISOString()
    : undefined;
}

const watchUrl = (id: string, shorts: boolean) =>
  shorts ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`;

function uploadedResult(video: z.infer<typeof videoSchema>, shorts: boolean) {
  const held = heldUntil(video);
  return {
    remoteId: video.id,
    url: watchUrl(video.id, shorts),
    ...(held && { scheduledFor: new Date(held) }),
  };
}

/** A session address on the account's API host only: the token goes nowhere else. */
function sessionUrlOf(location: string | undefined, ctx: ProviderContext): string {
  const base = new URL(ctx.account.baseUrl);
  const url = location ? new URL(location, base) : null;
  if (!url || url.origin !== base.origin) {
    throw new ProviderError(
      `YouTube answered no upload session on ${base.origin} (${location ?? 'none'}).`,
      'retry'
    );
  }
  return url.toString();
}

/** `video` once the upload is complete; else how many bytes YouTube has. */
type SessionAnswer = { video: z.infer<typeof videoSchema> | null; received: number };

/** Reads a PUT's answer: 200/201 the video, 308 how many bytes arrived (`Range: bytes=0-N`). */
function sessionAnswer(response: { status: number; data: unknown; headers: any }): SessionAnswer {
  if (response.status === 200 || response.status === 201)
    return { video: videoSchema.parse(response.data), received: 0 };
  const range = /bytes=0-(\d+)/.exec(headerValue({ response }, 'Range') ?? '');
  return { video: null, received: range ? Number(range[1]) + 1 : 0 };
}

/** How many times one attempt asks the session where it stopped after a chunk was cut (5xx, reset). */
export const CHUNK_RESUMES = 3;

/** A chunk that may have been cut on its way: a 5xx, or the connection ended without an answer. */
function chunkInterrupted(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== undefined) return status >= 500;
  return axios.isAxiosError(error) && !error.response;
}

/**
 * Sends the bytes from `from`, one chunk read from the file at a time (never the whole video in
 * memory). A chunk cut on its way (a 5xx, a reset connection) is not sent blindly again: the session
 * says what it kept (`308` + `Range`), and the upload goes on from the next byte, a few times per
 * attempt; beyond that the attempt fails and the next one resumes the same session.
 */
async function putBytes(
  ctx: ProviderContext,
  sessionUrl: string,
  source: MediaSource,
  from: number
): Promise<SessionAnswer> {
  const { headers } = account(ctx);
  const total = source.size;
  let received = from;
  for (let resumes = 0; ;) {
    const end = Math.min(total, received + UPLOAD.chunkBytes);
    let answer: SessionAnswer;
    try {
      const response = await ctx.http.put(sessionUrl, await source.read(received, end), {
        headers: {
          ...headers,
          'Content-Type': 'application/octet-stream',
          'Content-Range': `bytes ${received}-${end - 1}/${total}`,
        },
        maxBodyLength: Infinity,
        validateStatus: (s) => s < 300 || s === 308,
      });
      answer = sessionAnswer(response);
    } catch (error) {
      if (!chunkInterrupted(error) || resumes >= CHUNK_RESUMES) throw error;
      resumes++;
      const state = await probe(ctx, sessionUrl, total);
      if (!state) throw new ProviderError('The YouTube upload session expired while uploading.', 'retry');
      if (state.video) return state;
      received = state.received;
      continue;
    }
    if (answer.video) return answer;
    if (answer.received <= received && end < total) {
      throw new ProviderError(
        'YouTube took none of the last chunk; the upload resumes on the next attempt.',
        'retry'
      );
    }
    received = answer.received;
    if (received >= total) {
      throw new ProviderError(
        'YouTube has every byte but did not answer the video yet; it is asked again.',
        'unknown'
      );
    }
  }
}

/** Asks a saved session how far it got: the video when it is complete, the bytes received, or null when it expired. */
async function probe(ctx: ProviderContext, sessionUrl: string, total: number): Promise<SessionAnswer | null> {
  const { headers } = account(ctx);
  const response = await ctx.http.put(sessionUrl, null, {
    headers: { ...headers, 'Content-Range': `bytes */${total}` },
    validateStatus: (s) => s < 300 || s === 308 || s === 404 || s === 410,
  });
  if (response.status === 404 || response.status === 410) return null;
  return sessionAnswer(response);
}

function validation(post: OutgoingPost, ctx: ProviderContext): { length: number; problems: Problem[] } {
  const { shorts, privacy } = account(ctx);
  const problems: Problem[] = [];
  const title = videoTitle(post, shorts);
  const length = utf8Length(post.text);
  if (!title)
    problems.push({ code: 'title_required', message: 'A YouTube video needs a title: give the post one.' });
  if (Array.from(title).length > TITLE_MAX) {
    problems.push({
      code: 'title_too_long',
      message: `YouTube allows ${TITLE_MAX} characters in a title; this one has ${Array.from(title).length}. Shorten the post's title.`,
    });
  }
  if (length > DESCRIPTION_MAX_BYTES) {
    problems.push({
      code: 'too_long',
      message: `YouTube allows ${DESCRIPTION_MAX_BYTES} bytes in a description; this text has ${length}. Shorten it or write a YouTube variant.`,
    });
  }
  if (/[<>]/.test(post.text) || /[<>]/.test(title)) {
    problems.push({
      code: 'forbidden_characters',
      message: 'YouTube refuses < and > in a title or description: remove them.',
    });
  }
  const tags = tagsLength(videoTags(post.text));
  if (tags > TAGS_MAX) {
    problems.push({
      code: 'too_many_tags',
      message: `YouTube allows ${TAGS_MAX} characters of tags (the post's hashtags); these take ${tags}. Use fewer hashtags.`,
    });
  }
  const video = videoOf(post);
  if (!video) {
    problems.push({
      code: 'media_required',
      message: 'YouTube publishes videos: add one video to the post.',
    });
  } else if (video.size && video.size > VIDEO_BYTES_MAX) {
    problems.push({
      code: 'media_too_large',
      message: `YouTube takes videos up to 256 GB; ${video.filename} is larger.`,
    });
  }
  if (postMedia(post).length > 1) {
    problems.push({
      code: 'too_many_images',
      message: `A YouTube post is one video; this post has ${postMedia(post).length} media. Keep the video only.`,
    });
  }
  problems.push(...scheduleOnProblems(ctx.account.credentials));
  if (post.publishAt && privacy !== 'public') {
    problems.push({
      code: 'schedule_needs_public',
      message: `YouTube makes a scheduled video public at its time; this account publishes ${privacy} videos: schedule it through the dispatcher (scheduleOn: dispatcher) or make the account public.`,
    });
  }
  if (!['public', 'unlisted', 'private'].includes(privacy)) {
    problems.push({
      code: 'invalid_privacy',
      message: `The account's privacy must be public, unlisted or private, not "${privacy}": edit the account.`,
    });
  }
  return { length, problems };
}

/** Opens the session (or resumes the saved one) and sends the bytes: the video uploaded, exactly once. */
async function upload(
  ctx: ProviderContext,
  {
    meta,
    fingerprint,
    source,
    mimeType,
    shorts,
    headers,
  }: {
    meta: ReturnType<typeof metadata>;
    fingerprint: string;
    source: MediaSource;
    mimeType: string;
    shorts: boolean;
    headers: Record<string, string>;
  }
): Promise<PublishResult> {
  const saved = savedSchema.safeParse(ctx.progress?.saved ?? null);
  let sessionUrl = saved.success && saved.data.fingerprint === fingerprint ? saved.data.sessionUrl : null;
  let from = 0;
  if (sessionUrl) {
    const state = await probe(ctx, sessionUrl, source.size);
    if (state?.video) return uploadedResult(state.video, shorts);
    if (state) from = state.received;
    else {
      // The session expired: the bytes never made a video, so a new upload is safe.
      sessionUrl = null;
    }
  }
  if (!sessionUrl) {
    checkQuota(ctx, QUOTA.upload);
    const response = await ctx.http.post('/upload/youtube/v3/videos', meta, {
      params: { uploadType: 'resumable', part: 'snippet,status' },
      headers: {
        ...headers,
        'Content-Type': 'application/json; charset=UTF-8',
        'X-Upload-Content-Length': String(source.size),
        'X-Upload-Content-Type': mimeType,
      },
    });
    // The insert is counted once its session is open, even if no byte follows.
    await spend(ctx, QUOTA.upload);
    sessionUrl = sessionUrlOf(headerValue({ response }, 'Location'), ctx);
    await ctx.progress?.save({ sessionUrl, fingerprint });
  }
  const { video: uploaded } = await putBytes(ctx, sessionUrl, source, from);
  if (!uploaded) throw new ProviderError('YouTube did not answer the video.', 'unknown');
  return uploadedResult(uploaded, shorts);
}

// ---- comments ----

type YouTubeComment = z.infer<typeof commentSchema>;

const commentUrl = (videoId: string, commentId: string) =>
  `https://www.youtube.com/watch?v=${videoId}&lc=${commentId}`;

function remoteReply(comment: YouTubeComment, video: string) {
  return {
    remoteId: comment.id,
    // A top-level comment answers the video; a reply, its thread's top-level comment.
    inReplyTo: comment.snippet.parentId ?? video,
    author: comment.snippet.authorDisplayName ?? 'YouTube viewer',
    authorUrl: comment.snippet.authorChannelUrl ?? null,
    text: comment.snippet.textOriginal ?? comment.snippet.textDisplay ?? '',
    language: null,
    createdAt: new Date(comment.snippet.publishedAt).toISOString(),
    url: commentUrl(video, comment.id),
  };
}

/** The reason in Google's error envelope, when the error is one. */
const googleReason = (error: unknown): string | undefined => responseBody(error)?.error?.errors?.[0]?.reason;

/** A video that has no comments to read: turned off, or deleted since. */
const NO_COMMENTS = new Set(['commentsDisabled', 'videoNotFound']);

/** Counts the quota units of the calls made, whatever their outcome: YouTube counts a refused call too. */
function unitMeter() {
  let units = 0;
  return {
    async call<T>(cost: number, request: () => Promise<T>): Promise<T> {
      units += cost;
      return request();
    },
    spendOn: async (ctx: ProviderContext) => {
      if (units > 0) await spend(ctx, units);
    },
  };
}

type UnitMeter = ReturnType<typeof unitMeter>;

/**
 * A call that costs `units` of the day's quota: refused before any request when they would pass it,
 * and the units of the requests it made spent whatever its outcome.
 */
async function metered<T>(
  ctx: ProviderContext,
  units: number,
  what: string,
  call: (meter: UnitMeter) => Promise<T>
): Promise<T> {
  checkQuota(ctx, units, what);
  const meter = unitMeter();
  try {
    return await call(meter);
  } finally {
    await meter.spendOn(ctx);
  }
}

/** The channel's id (`channels?mine=true`, a unit), asked once a few hours (own-identity.ts). */
async function ownChannelId(ctx: ProviderContext, meter: UnitMeter, headers: Record<string, string>) {
  return ownIdentity(ctx, 'channel', async () => {
    const { data } = await meter.call(QUOTA.read, () =>
      ctx.http.get('/youtube/v3/channels', { headers, params: { part: 'id', mine: 'true' } })
    );
    return channelsSchema.parse(data ?? {}).items[0]?.id;
  });
}

/** Every reply of a thread beyond those it carries (`comments?parentId=`, 100 a page). */
async function allReplies(
  ctx: ProviderContext,
  meter: UnitMeter,
  parentId: string
): Promise<YouTubeComment[]> {
  const { headers } = account(ctx);
  const replies: YouTubeComment[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await meter.call(QUOTA.read, () =>
      ctx.http.get('/youtube/v3/comments', {
        headers,
        params: {
          part: 'snippet',
          parentId,
          maxResults: COMMENTS_PER_PAGE,
          textFormat: 'plainText',
          ...(pageToken && { pageToken }),
        },
      })
    );
    const page = commentsPageSchema.parse(data ?? {});
    replies.push(...page.items);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return replies;
}

const youtube: Provider = {
  network: 'youtube',
  displayName: 'YouTube',
  defaultBaseUrl: 'https://www.googleapis.com',
  selfHosted: false,
  demo: {
    name: 'YouTube (demo)',
    language: 'fr',
    credentials: {
      accessToken: 'demo-youtube-token',
      refreshToken: 'demo-youtube-refresh',
      clientId: 'demo-youtube-client.apps.googleusercontent.com',
      clientSecret: 'demo-youtube-secret',
      privacy: 'public',
    },
  },
  credentialFields: [
    { name: 'accessToken', secret: true, required: true },
    { name: 'refreshToken', secret: true, required: false },
    { name: 'clientId', secret: false, required: false },
    { name: 'clientSecret', secret: true, required: false },
    { name: 'privacy', secret: false, required: false },
    { name: 'shorts', secret: false, required: false },
    { name: 'dailyQuota', secret: false, required: false },
    { name: 'scheduleOn', secret: false, required: false },
  ],
  // `publishAt` must be ahead when the upload ends: a margin for uploading and processing.
  schedulesOnNetwork: { minLeadMs: 15 * 60_000 },
  limits: { textLength: DESCRIPTION_MAX_BYTES, images: 1 },
  idempotencyWindowMs: 0,
  metrics: {
    batchSize: BATCH_SIZE,
    measures: ['views', 'reactions', 'comments'],
    freshness: 'live',
    polled: true,
  },
  readsSharePublishingLimit: true,
  metricsNote:
    'Video statistics: views, likes (as reactions) and comments, 50 videos per request (1 quota unit, from the same daily quota as uploads). No impressions, reach or shares; followers are the channel’s subscribers, null when it hides them.',

  dailyUsage(ledger, settings) {
    const quota = Number(settings.dailyQuota);
    return {
      used: unitsSpentToday(ledger),
      limit: Number.isInteger(quota) && quota > 0 ? quota : QUOTA.daily,
      resetsAt: nextQuotaReset().toISOString(),
    };
  },

  async validate(post, ctx) {
    const { length, problems } = validation(post, ctx);
    return { length, limit: DESCRIPTION_MAX_BYTES, problems };
  },

  async publish(post, _idempotencyKey, ctx) {
    const { problems } = validation(post, ctx);
    if (problems.length > 0) throw new ProviderError(problems.map((p) => p.message).join(' '));
    const { shorts, headers } = account(ctx);
    const video = videoOf(post)!;
    const meta = metadata(post, ctx);
    const fingerprint = containerFingerprint([meta, video.filename, video.size ?? null]);
    const source = video.open ? await video.open() : bufferSource(await video.load());
    try {
      return await upload(ctx, { meta, fingerprint, source, mimeType: video.mimeType, shorts, headers });
    } finally {
      await source.close();
    }
  },

  async withdraw(remoteId, ctx) {
    const { headers } = account(ctx);
    // Already deleted on the channel (404 videoNotFound): it is not held any more, which is what was asked.
    await ctx.http.delete('/youtube/v3/videos', {
      headers,
      params: { id: remoteId },
      validateStatus: (status) => status < 300 || status === 404,
    });
    await spend(ctx, QUOTA.delete);
  },

  async lookup(remoteId, ctx) {
    const { headers, shorts } = account(ctx);
    const { data } = await ctx.http.get('/youtube/v3/videos', {
      headers,
      params: { part: 'snippet,status', id: remoteId },
    });
    const [found] = z.array(videoSchema).parse(data?.items ?? []);
    return found
      ? {
          remoteId: found.id,
          url: watchUrl(found.id, shorts),
          text: found.snippet?.description ?? undefined,
          createdAt: found.snippet?.publishedAt ?? undefined,
          ...(heldUntil(found) && { scheduledFor: heldUntil(found) }),
        }
      : null;
  },

  async findRecent({ since, text }, ctx) {
    const { headers, shorts } = account(ctx);
    const channels = await ctx.http.get('/youtube/v3/channels', {
      headers,
      params: { part: 'contentDetails', mine: 'true' },
    });
    const uploads = channels.data?.items?.[0]?.contentDetails?.relatedPlaylists?.uploads;
    if (typeof uploads !== 'string') return null;
    const { data } = await ctx.http.get('/youtube/v3/playlistItems', {
      headers,
      params: { part: 'snippet', playlistId: uploads, maxResults: 25 },
    });
    const items = z
      .array(
        z
          .object({
            snippet: z
              .object({
                description: z.string().nullish(),
                publishedAt: z.string().nullish(),
                resourceId: z.object({ videoId: z.string() }).passthrough(),
              })
              .passthrough(),
          })
          .passthrough()
      )
      .parse(data?.items ?? []);
    const match = items.find(
      (item) =>
        (!item.snippet.publishedAt || Date.parse(item.snippet.publishedAt) >= since.getTime() - 60_000) &&
        sameText(item.snippet.description, text)
    );
    if (!match) return null;
    const id = match.snippet.resourceId.videoId;
    return { remoteId: id, url: watchUrl(id, shorts), text: match.snippet.description ?? undefined };
  },

  async fetchMetrics(remoteIds, ctx) {
    checkBatch(remoteIds, BATCH_SIZE, NAME);
    const { headers } = account(ctx);
    const { data } = await ctx.http.get('/youtube/v3/videos', {
      headers,
      params: { part: 'statistics', id: remoteIds.join(','), maxResults: BATCH_SIZE },
    });
    const found = new Map<string, DeliveryMetrics>();
    for (const item of (data?.items ?? []) as any[]) {
      if (typeof item?.id !== 'string') continue;
      const stats = item.statistics ?? {};
      found.set(
        item.id,
        ok(item.id, { views: stats.viewCount, reactions: stats.likeCount, comments: stats.commentCount })
      );
    }
    return inOrder(remoteIds, found);
  },

  async fetchAccountMetrics(ctx) {
    const { headers } = account(ctx);
    const { data } = await ctx.http.get('/youtube/v3/channels', {
      headers,
      params: { part: 'statistics', mine: 'true' },
    });
    const stats = data?.items?.[0]?.statistics ?? {};
    const followers = Number(stats.subscriberCount);
    return { followers: !stats.hiddenSubscriberCount && Number.isFinite(followers) ? followers : null };
  },

  // Every read costs a unit of the day's quota shared with uploads: the videos of the last 30 days
  // (at most 20) every 30 minutes, a thread page each and a call for a long thread's replies.
  inbox: { pollEveryMs: 30 * 60_000, pagesPerRound: 10, perPost: { days: 30, limit: 20 } },

  /**
   * Comments on our videos, one video at a time (per-post.ts), 100 threads a page newest first, every
   * page: a reply may come late in an old thread, and nothing tells which threads have one. A thread
   * carries a few of its replies; a longer one is read whole (`comments?parentId=`). Only comments
   * written since the sweep's time are given. A video with comments turned off, or deleted, has none.
   */
  async fetchReplies({ since, remoteIds, cursor }, ctx) {
    const { headers } = account(ctx);
    const sweep = readSweep(cursor, since);
    const video = currentPost(sweep, remoteIds);
    if (!video) return { replies: [], ...emptySweep(sweep) };
    const meter = unitMeter();
    try {
      const response = await meter
        .call(QUOTA.read, () =>
          ctx.http.get('/youtube/v3/commentThreads', {
            headers,
            params: {
              part: 'snippet,replies',
              videoId: video,
              order: 'time',
              maxResults: COMMENTS_PER_PAGE,
              textFormat: 'plainText',
              ...(sweep.post === video && sweep.page && { pageToken: sweep.page }),
            },
          })
        )
        .catch((error) => {
          if (NO_COMMENTS.has(googleReason(error) ?? '')) return null;
          throw error;
        });
      if (!response) return { replies: [], ...sweepOn(sweep, remoteIds, video, null) };
      const page = threadsPageSchema.parse(response.data ?? {});
      const comments: YouTubeComment[] = [];
      for (const thread of page.items) {
        const embedded = thread.replies?.comments ?? [];
        const total = thread.snippet.totalReplyCount ?? embedded.length;
        const replies = total > embedded.length ? await allReplies(ctx, meter, thread.id) : embedded;
        comments.push(thread.snippet.topLevelComment, ...replies);
      }
      // The channel's own comments (our answers, found or not, and the team's in YouTube Studio) are not readers'.
      const mine = await ownChannelId(ctx, meter, headers);
      const fresh = comments.filter(
        (c) => Date.parse(c.snippet.publishedAt) >= sweep.since && c.snippet.authorChannelId?.value !== mine
      );
      return {
        replies: fresh.map((comment) => remoteReply(comment, video)),
        ...sweepOn(sweep, remoteIds, video, page.nextPageToken ?? null),
      };
    } finally {
      await meter.spendOn(ctx);
    }
  },

  /**
   * A reply as the channel. YouTube threads one level deep: an answer to a reply goes under the
   * thread's top-level comment. No idempotency key: an unknown outcome is looked for (`findAnswer`),
   * never re-sent.
   */
  async reply({ text, inReplyTo }, _idempotencyKey, ctx) {
    const { headers } = account(ctx);
    return metered(ctx, QUOTA.read + QUOTA.comment, 'an answer', async (meter) => {
      const { data: found } = await meter.call(QUOTA.read, () =>
        ctx.http.get('/youtube/v3/comments', {
          headers,
          params: { part: 'snippet', id: inReplyTo, textFormat: 'plainText' },
        })
      );
      const [target] = commentsPageSchema.parse(found ?? {}).items;
      if (!target)
        throw new ProviderError(
          'The comment to answer is no longer on YouTube (deleted or held): nothing was sent.'
        );
      const parentId = target.snippet.parentId ?? target.id;
      const { data } = await meter.call(QUOTA.comment, () =>
        ctx.http.post(
          '/youtube/v3/comments',
          { snippet: { parentId, textOriginal: text } },
          { headers, params: { part: 'snippet' } }
        )
      );
      const created = commentSchema.parse(data);
      const video = created.snippet.videoId ?? target.snippet.videoId;
      return { remoteId: created.id, url: video ? commentUrl(video, created.id) : null };
    });
  },

  /**
   * The channel's reply with this text in the reader's thread since a time (the channel's id from
   * `channels?mine=true`, each reply's `authorChannelId`): an answer whose outcome was unknown is
   * looked for, never sent again blindly. A few quota units: the comment, the thread (and the
   * channel's id, when it is not known yet).
   */
  async findAnswer({ inReplyTo, since, text }, ctx) {
    const { headers } = account(ctx);
    return metered(ctx, QUOTA.read * 3, 'looking for an answer', async (meter) => {
      const channelId = await ownChannelId(ctx, meter, headers);
      const { data: found } = await meter.call(QUOTA.read, () =>
        ctx.http.get('/youtube/v3/comments', {
          headers,
          params: { part: 'snippet', id: inReplyTo, textFormat: 'plainText' },
        })
      );
      const [target] = commentsPageSchema.parse(found ?? {}).items;
      if (!target || !channelId) return null;
      const thread = await allReplies(ctx, meter, target.snippet.parentId ?? target.id);
      const ours = thread.find(
        (c) =>
          c.snippet.authorChannelId?.value === channelId &&
          Date.parse(c.snippet.publishedAt) >= since.getTime() - CLOCK_MARGIN_MS &&
          sameText(c.snippet.textOriginal ?? c.snippet.textDisplay, text)
      );
      const video = ours?.snippet.videoId ?? target.snippet.videoId;
      return ours ? { remoteId: ours.id, url: video ? commentUrl(video, ours.id) : null, text } : null;
    });
  },

  /** Held for review: out of view until the channel publishes it again in YouTube Studio. */
  async hide(remoteId, ctx) {
    const { headers } = account(ctx);
    await metered(ctx, QUOTA.moderate, 'holding a comment', (meter) =>
      meter.call(QUOTA.moderate, () =>
        ctx.http.post('/youtube/v3/comments/setModerationStatus', null, {
          headers,
          params: { id: remoteId, moderationStatus: 'heldForReview' },
        })
      )
    );
  },

  /** Only the channel's own comments: our answers. One already gone counts as deleted. */
  async deleteOwn(remoteId, ctx) {
    const { headers } = account(ctx);
    await metered(ctx, QUOTA.delete, 'deleting an answer', (meter) =>
      meter.call(QUOTA.delete, () =>
        ctx.http.delete('/youtube/v3/comments', {
          headers,
          params: { id: remoteId },
          validateStatus: (status) => status < 300 || status === 404,
        })
      )
    );
  },

  classifyError(error): ErrorVerdict {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const body = responseBody(error);
    const reason =
      body?.error?.errors?.[0]?.reason ?? (typeof body?.error === 'string' ? body.error : undefined);
    const message = body?.error?.message ?? body?.error_description ?? `HTTP ${status}`;
    if ((status === 403 || status === 429) && QUOTA_REASONS.has(reason)) {
      const reset = nextQuotaReset();
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: Math.max(1, reset.getTime() - Date.now()),
        // Google's message (an HTML link) is left out: the reason is kept on the account, 255 characters at most.
        reason: `YouTube's quota is used up for today (${reason}); uploads and comment reads resume after midnight Pacific time (${reset.toISOString()}).`,
      };
    }
    if (status >= 500)
      return { action: 'retry', reason: `YouTube answered ${status}; it will be tried again.` };
    if (reason === 'invalid_grant') {
      return {
        action: 'reject',
        credentials: true,
        reason: `Google refused the refresh token (${message}): reconnect the YouTube account.`,
      };
    }
    if (status === 401) return { action: 'refresh', reason: `YouTube access token expired (${message}).` };
    if (
      status === 403 &&
      ['forbidden', 'insufficientPermissions', 'youtubeSignupRequired'].includes(reason)
    ) {
      return {
        action: 'reject',
        credentials: true,
        reason: `YouTube refused this account (${reason}: ${message}): reconnect it with a channel and the youtube.upload scope (youtube.force-ssl too for comments in the inbox).`,
      };
    }
    return {
      action: 'reject',
      reason: `YouTube refused the request: ${message}${reason ? ` (${reason})` : ''}.`,
    };
  },

  async refresh(ctx) {
    const { refreshToken, clientId, clientSecret } = ctx.account.credentials;
    requireCredentials(ctx.account.credentials, ['refreshToken', 'clientId', 'clientSecret']);
    const { data } = await ctx.http.post(
      '/oauth2/v4/token',
      new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken!,
        client_id: clientId!,
        client_secret: clientSecret!,
      }).toString(),
      { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }
    );
    const token = z
      .object({ access_token: z.string().min(1) })
      .passthrough()
      .parse(data);
    return { ...ctx.account.credentials, accessToken: token.access_token };
  },
};

export default youtube;
