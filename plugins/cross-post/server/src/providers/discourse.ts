/**
 * Discourse (forums): `Api-Key` + `Api-Username` headers. A post becomes a topic in the account's
 * category, or a reply in the account's topic. Topics carry the delivery's key as `external_id`
 * (unique per forum), so a topic whose answer was lost is found by it; replies have no such id and
 * are found by their text among the user's latest posts. Rate limits answer 429 with
 * `extras.wait_seconds` (and Retry-After); the 403 `invalid_access` is a refused key or username.
 * Readers' posts in our topics go to the inbox (discourse-topics.ts), answered in the topic under the
 * reader's post, and so do private messages to the account (discourse-messages.ts), answered in the
 * message; an answer whose outcome was unknown is looked for by author and text; our answers can be
 * deleted, a reader's post cannot be hidden through the API we use.
 */
import { z } from 'zod';

import {
  emptyTextProblem,
  headerValue,
  httpStatus,
  imageBlob,
  imageCountProblem,
  requireCredentials,
  responseBody,
  serverErrorVerdict,
  transportVerdict,
  waitSeconds,
} from './common';
import { readPrivateMessages } from './discourse-messages';
import { findOwnAnswer, sweepTopics, type TopicReader } from './discourse-topics';
import { readSweepThenConversations } from './streams';
import { checkBatch, ok } from './metrics';
import { codePointLength, sameText } from './text';
import { ProviderError, type OutgoingPost, type Problem, type Provider, type ProviderContext } from './types';

/** Discourse's defaults (site settings): `min_topic_title_length`, `max_topic_title_length`, `min_post_length`, `max_post_length`. */
const TITLE_MIN = 15;
const TITLE_MAX = 255;
const POST_MIN = 20;
const POST_MAX = 32_000;
/** Images per post: no hard cap in core; a forum post with more is better as a gallery link. */
const MAX_IMAGES = 10;

const postSchema = z
  .object({
    id: z.number(),
    topic_id: z.number(),
    topic_slug: z.string().nullish(),
    post_number: z.number().nullish(),
    raw: z.string().nullish(),
    cooked: z.string().nullish(),
    username: z.string().nullish(),
    created_at: z.string().nullish(),
  })
  .passthrough();

function auth(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['apiKey', 'username']);
  return { 'Api-Key': ctx.account.credentials.apiKey!, 'Api-Username': ctx.account.credentials.username! };
}

function topicReader(ctx: ProviderContext): TopicReader {
  return {
    http: ctx.http,
    headers: auth(ctx),
    baseUrl: ctx.account.baseUrl.replace(/\/+$/, ''),
    username: ctx.account.credentials.username!,
  };
}

/** The 403 of a key or username the forum does not accept (the same status as a topic one may not read). */
const refusedKey = (error: unknown) =>
  /API username or key is invalid/i.test(JSON.stringify(responseBody(error)?.errors ?? ''));

function replyTopic(ctx: ProviderContext): number | null {
  const topic = ctx.account.credentials.topicId?.trim();
  return topic ? Number(topic) : null;
}

function postUrl(ctx: ProviderContext, post: z.infer<typeof postSchema>): string {
  const base = ctx.account.baseUrl.replace(/\/+$/, '');
  return `${base}/t/${post.topic_slug ?? '-'}/${post.topic_id}/${post.post_number ?? 1}`;
}

function remotePost(ctx: ProviderContext, data: unknown) {
  const post = postSchema.parse(data);
  return {
    remoteId: String(post.id),
    url: postUrl(ctx, post),
    text: post.raw ?? post.cooked ?? undefined,
    createdAt: post.created_at ?? undefined,
  };
}

/** The topic's title: the post's, or its text's first line. */
export function topicTitle(post: OutgoingPost): string {
  const title = post.title?.trim();
  if (title) return title;
  const firstLine = post.text.split('\n').find((line) => line.trim() !== '') ?? '';
  const plain = firstLine.replace(/^#+\s*/, '').trim();
  return codePointLength(plain) > 100 ? `${Array.from(plain).slice(0, 99).join('')}…` : plain;
}

/** The category id: the account's, given as an id, a slug or a name. */
async function categoryId(ctx: ProviderContext): Promise<number | undefined> {
  const wanted = ctx.account.credentials.category?.trim();
  if (!wanted) return undefined;
  if (/^\d+$/.test(wanted)) return Number(wanted);
  const categories = await listCategories(ctx);
  const found = categories.find(
    (c) => c.name.toLowerCase() === wanted.toLowerCase() || c.slug?.toLowerCase() === wanted.toLowerCase()
  );
  if (!found) {
    throw new ProviderError(
      `The forum has no category "${wanted}": choose one of ${categories.map((c) => c.name).join(', ') || 'its categories'}.`
    );
  }
  return found.id;
}

async function listCategories(ctx: ProviderContext) {
  const { data } = await ctx.http.get('/categories.json', { headers: auth(ctx) });
  return z
    .array(z.object({ id: z.number(), name: z.string(), slug: z.string().nullish() }).passthrough())
    .parse(data?.category_list?.categories ?? []);
}

async function uploadImage(ctx: ProviderContext, image: OutgoingPost['images'][number]): Promise<string> {
  const form = new FormData();
  form.append('type', 'composer');
  form.append('synchronous', 'true');
  form.append('file', imageBlob(await image.load(), image.mimeType), image.filename);
  const { data } = await ctx.http.post('/uploads.json', form, { headers: auth(ctx) });
  const upload = z
    .object({
      short_url: z.string().nullish(),
      url: z.string(),
      width: z.number().nullish(),
      height: z.number().nullish(),
    })
    .passthrough()
    .parse(data);
  const alt = (image.alt || image.filename).replace(/[[\]|]/g, ' ');
  const size = upload.width && upload.height ? `|${upload.width}x${upload.height}` : '';
  return `![${alt}${size}](${upload.short_url ?? upload.url})`;
}

const discourse: Provider = {
  network: 'discourse',
  displayName: 'Discourse',
  defaultBaseUrl: '',
  selfHosted: true,
  demo: {
    name: 'Forum Discourse (demo)',
    language: 'en',
    credentials: { apiKey: 'demo-discourse-api-key', username: 'porte-voix', category: 'Announcements' },
  },
  credentialFields: [
    { name: 'apiKey', secret: true, required: true },
    { name: 'username', secret: false, required: true },
    { name: 'category', secret: false, required: false },
    { name: 'topicId', secret: false, required: false },
  ],
  limits: { textLength: POST_MAX, images: MAX_IMAGES },
  idempotencyWindowMs: 0,
  metrics: {
    batchSize: 1,
    measures: ['reach', 'reactions', 'comments', 'quotes'],
    freshness: 'live',
    polled: true,
  },
  // The admin API's 60 requests a minute are shared by every admin key, reads and posts alike.
  readsSharePublishingLimit: true,
  metricsNote:
    "Per post: readers (reach), likes, direct replies and quotes. The topic's view count and the forum's members are not read; followers are null.",

  async validate(post, ctx) {
    const length = codePointLength(post.text);
    const problems: Problem[] = [
      ...emptyTextProblem(post, 'Discourse'),
      ...imageCountProblem(post, MAX_IMAGES, 'Discourse'),
    ];
    if (length > POST_MAX) {
      problems.push({
        code: 'too_long',
        message: `Discourse allows ${POST_MAX} characters; this text has ${length}. Shorten it or write a Discourse variant.`,
      });
    } else if (length < POST_MIN) {
      problems.push({
        code: 'too_short',
        message: `Discourse needs at least ${POST_MIN} characters in a post; this text has ${length}.`,
      });
    }
    if (replyTopic(ctx) === null) {
      const titleLength = codePointLength(topicTitle(post));
      if (titleLength < TITLE_MIN || titleLength > TITLE_MAX) {
        problems.push({
          code: 'title_length',
          message: `A Discourse topic title has ${TITLE_MIN} to ${TITLE_MAX} characters; this one has ${titleLength}.`,
        });
      }
    }
    return { length, limit: POST_MAX, problems };
  },

  async publish(post, idempotencyKey, ctx) {
    const topic = replyTopic(ctx);
    const category = topic === null ? await categoryId(ctx) : undefined;
    const images = [];
    for (const image of post.images) images.push(await uploadImage(ctx, image));
    const raw = [post.text, ...images].join('\n\n');
    const body =
      topic === null
        ? {
            title: topicTitle(post),
            raw,
            ...(category !== undefined && { category }),
            // Unique per forum: the topic is found by it when the answer is lost.
            external_id: idempotencyKey,
          }
        : { topic_id: topic, raw };
    const { data } = await ctx.http.post('/posts.json', body, { headers: auth(ctx) });
    if (data?.action === 'enqueued') {
      throw new ProviderError(
        'The forum queued the post for its moderators: approve it in Discourse (Review); do not retry this delivery, it would post twice.'
      );
    }
    const created = remotePost(ctx, data);
    return { remoteId: created.remoteId, url: created.url };
  },

  async lookup(remoteId, ctx) {
    const response = await ctx.http.get(`/posts/${encodeURIComponent(remoteId)}.json`, {
      headers: auth(ctx),
      validateStatus: (s) => s < 300 || s === 404,
    });
    return response.status === 404 ? null : remotePost(ctx, response.data);
  },

  async findRecent({ since, text, idempotencyKey }, ctx) {
    if (replyTopic(ctx) === null && idempotencyKey) {
      // `/t/external_id/{id}.json` redirects to the topic (301); its first post is ours.
      const found = await ctx.http.get(`/t/external_id/${encodeURIComponent(idempotencyKey)}.json`, {
        headers: auth(ctx),
        validateStatus: (s) => s < 400 || s === 404,
      });
      if (found.status === 404) return null;
      const location = found.headers?.location as string | undefined;
      const topic =
        found.status >= 300 && location
          ? (await ctx.http.get(new URL(location, 'http://forum').pathname, { headers: auth(ctx) })).data
          : found.data;
      const first = topic?.post_stream?.posts?.[0];
      return first ? remotePost(ctx, { ...first, topic_id: topic.id, topic_slug: topic.slug }) : null;
    }
    // Replies have no external id: the user's latest posts, matched by text.
    const { data } = await ctx.http.get('/posts.json', { headers: auth(ctx) });
    const username = ctx.account.credentials.username?.toLowerCase();
    const match = z
      .array(postSchema)
      .parse(data?.latest_posts ?? [])
      .find(
        (p) =>
          p.username?.toLowerCase() === username &&
          (!p.created_at || Date.parse(p.created_at) >= since.getTime() - 60_000) &&
          sameText(p.raw ?? p.cooked, text)
      );
    return match ? remotePost(ctx, match) : null;
  },

  async fetchMetrics(remoteIds, ctx) {
    checkBatch(remoteIds, 1, 'Discourse');
    const [id] = remoteIds;
    const response = await ctx.http.get(`/posts/${encodeURIComponent(id)}.json`, {
      headers: auth(ctx),
      validateStatus: (s) => s < 300 || s === 404,
    });
    if (response.status === 404) return [{ remoteId: id, state: 'gone' }];
    const post = response.data ?? {};
    const likes = (post.actions_summary ?? []).find((a: any) => a.id === 2)?.count ?? post.like_count ?? 0;
    return [
      ok(id, { reach: post.reads, reactions: likes, comments: post.reply_count, quotes: post.quote_count }),
    ];
  },

  async fetchAccountMetrics() {
    // A forum has members, not followers of one account.
    return { followers: null };
  },

  // A page costs up to five requests: five pages every five minutes stay far inside the admin API's
  // 60 a minute, which publishing shares.
  inbox: { pollEveryMs: 5 * 60_000, pagesPerRound: 5, perPost: { days: 30, limit: 30 } },

  /**
   * Readers' posts in the topics our posts are in, read on from the last sweep (discourse-topics.ts),
   * then, once a sweep is over, the private messages to the account (discourse-messages.ts).
   */
  async fetchReplies({ since, remoteIds, cursor }, ctx) {
    const reader = topicReader(ctx);
    return readSweepThenConversations(cursor, {
      sweep: (sweep) => sweepTopics(reader, remoteIds, sweep),
      conversations: (conversations) => readPrivateMessages(reader, since, conversations),
      // A key scoped without private messages: the topics are still read. A refused key is the account's.
      refused: (error) => httpStatus(error) === 403 && !refusedKey(error),
      withoutConversations: 'discourse.messagesRefused',
    });
  },

  /**
   * A post as the account in the reader's topic, `reply_to_post_number` the reader's. Replies have no
   * idempotency key (`external_id` is for topics): an unknown outcome is looked for (`findAnswer`),
   * never re-sent blindly.
   */
  async reply({ text, inReplyTo }, _idempotencyKey, ctx) {
    const headers = auth(ctx);
    const { data: target } = await ctx.http.get(`/posts/${encodeURIComponent(inReplyTo)}.json`, { headers });
    const reader = postSchema.parse(target);
    const { data } = await ctx.http.post(
      '/posts.json',
      {
        topic_id: reader.topic_id,
        raw: text,
        ...(reader.post_number && { reply_to_post_number: reader.post_number }),
      },
      { headers }
    );
    if (data?.action === 'enqueued') {
      throw new ProviderError(
        'The forum queued the answer for its moderators: approve it in Discourse (Review); do not send it again, it would post twice.'
      );
    }
    const answer = remotePost(ctx, data);
    return { remoteId: answer.remoteId, url: answer.url };
  },

  /** Our post with this text in the topic of `inReplyTo` (a private message too): replies have no key. */
  async findAnswer(query, ctx) {
    return findOwnAnswer(topicReader(ctx), query);
  },

  async deleteOwn(remoteId, ctx) {
    // Already deleted on the forum (404) is what was asked.
    await ctx.http.delete(`/posts/${encodeURIComponent(remoteId)}.json`, {
      headers: auth(ctx),
      validateStatus: (status) => status < 300 || status === 404,
    });
  },

  async listDestinations(ctx) {
    return (await listCategories(ctx)).map((c) => ({ id: String(c.id), name: c.name }));
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const body = responseBody(error);
    const errors: string[] = Array.isArray(body?.errors) ? body.errors.map(String) : [];
    const message = errors.join(' ') || body?.error || 'no message';
    if (status === 429) {
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: waitSeconds(body?.extras?.wait_seconds) ?? waitSeconds(headerValue(error, 'Retry-After')),
        reason: `Discourse rate limit reached (${message}); waiting as it asked.`,
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const server = serverErrorVerdict(status, 'Discourse');
    if (server) return server;
    if (status === 403 && body?.error_type === 'invalid_access') {
      return {
        action: 'reject',
        credentials: true,
        reason: `Discourse refused the API key or username (${message}): reconnect the account with a key an admin created for this user.`,
      };
    }
    if (status === 422) {
      return {
        action: 'reject',
        reason: `Discourse refused the post: ${message} Edit the post, then retry.`,
      };
    }
    return { action: 'reject', reason: `Discourse answered ${status}: ${message}` };
  },
};

export default discourse;
