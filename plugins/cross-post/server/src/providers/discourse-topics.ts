/**
 * Reading the replies in the Discourse topics our posts are in, as the per-post sweep does elsewhere
 * (per-post.ts): our recent posts one by one, each topic page by page, the cursor saying where the
 * sweep stands. Discourse reads have no time filter, but post ids grow with time across the whole
 * forum: a sweep reads, in each topic's `post_stream.stream`, only the ids above the forum's newest
 * post when the sweep before it started (a post written on a topic already swept has a higher id), so
 * nothing kept is read again. Posts are fetched 20 at a time (Discourse's chunk) with `post_ids[]`.
 */
import type { AxiosInstance } from 'axios';
import { z } from 'zod';

import { CLOCK_MARGIN_MS, currentPost } from './per-post';
import { sameText } from './text';
import type { RemotePost, RemoteReply, RepliesPage } from './types';

/** Discourse's `chunk_size`: the posts `/t/{id}.json` carries, and the most one `post_ids[]` read asks. */
export const POSTS_PER_READ = 20;
const SEPARATOR = ' ';
/** `post_type` 1 is a post someone wrote; 2–4 are moderator notes, small actions and whispers. */
const REGULAR_POST = 1;

const topicPostSchema = z
  .object({
    id: z.number(),
    post_number: z.number(),
    username: z.string(),
    raw: z.string().nullish(),
    cooked: z.string().nullish(),
    created_at: z.string(),
    reply_to_post_number: z.number().nullish(),
    post_type: z.number().nullish(),
    deleted_at: z.string().nullish(),
  })
  .passthrough();
export type TopicPost = z.infer<typeof topicPostSchema>;

const topicSchema = z
  .object({
    id: z.number(),
    slug: z.string(),
    post_stream: z.object({ posts: z.array(topicPostSchema), stream: z.array(z.number()) }).passthrough(),
  })
  .passthrough();
export type Topic = z.infer<typeof topicSchema>;

const postsSchema = z
  .object({ post_stream: z.object({ posts: z.array(topicPostSchema) }).passthrough() })
  .passthrough();
const ourPostSchema = z.object({ id: z.number(), topic_id: z.number() }).passthrough();
const latestSchema = z
  .object({ latest_posts: z.array(z.object({ id: z.number() }).passthrough()) })
  .passthrough();

/**
 * Where a sweep stands: it reads posts above `after` (a post id), at our post `post`, in its topic
 * `topic` above `read` (the highest id read there so far); `newest` is the forum's newest post id
 * when this sweep started, where the next sweep reads from.
 */
export type TopicSweep = {
  after: number;
  newest: number | null;
  post: string | null;
  topic: number | null;
  read: number | null;
};

export function readTopicSweep(cursor: string | null | undefined): TopicSweep {
  const [after = '', newest = '', post = '', topic = '', read = ''] = (cursor ?? '').split(SEPARATOR);
  const id = (value: string) => (/^\d+$/.test(value) ? Number(value) : null);
  return { after: id(after) ?? 0, newest: id(newest), post: post || null, topic: id(topic), read: id(read) };
}

export function writeTopicSweep(sweep: TopicSweep): string {
  return [sweep.after, sweep.newest ?? '', sweep.post ?? '', sweep.topic ?? '', sweep.read ?? '']
    .join(SEPARATOR)
    .trimEnd();
}

export type TopicReader = {
  http: AxiosInstance;
  headers: Record<string, string>;
  /** The forum's address, without a trailing slash, for links to posts and profiles. */
  baseUrl: string;
  /** Our account: its posts are ours, not replies to collect. */
  username: string;
};

/** Posts of a topic by id, `post_ids[]` as Discourse reads them (at most POSTS_PER_READ). */
export async function postsById(reader: TopicReader, topicId: number, ids: number[]): Promise<TopicPost[]> {
  if (ids.length === 0) return [];
  const query = new URLSearchParams(ids.map((id): [string, string] => ['post_ids[]', String(id)])).toString();
  const { data } = await reader.http.get(`/t/${topicId}/posts.json?${query}`, { headers: reader.headers });
  return postsSchema.parse(data).post_stream.posts;
}

/**
 * The posts of `ids` (POSTS_PER_READ at most) in that order: those the topic's first chunk carries,
 * the others read with `post_ids[]`; a post deleted meanwhile is left out.
 */
export async function postsOf(reader: TopicReader, topic: Topic, ids: number[]): Promise<TopicPost[]> {
  const carried = new Map(topic.post_stream.posts.map((p) => [p.id, p]));
  const missing = ids.filter((id) => !carried.has(id));
  for (const post of await postsById(reader, topic.id, missing)) carried.set(post.id, post);
  return ids.map((id) => carried.get(id)).filter((p): p is TopicPost => !!p);
}

/** Our post's topic, or null when the post (or its topic) is gone from the forum. */
async function topicOf(reader: TopicReader, postId: string): Promise<number | null> {
  const response = await reader.http.get(`/posts/${encodeURIComponent(postId)}.json`, {
    headers: reader.headers,
    validateStatus: (s) => s < 300 || s === 404,
  });
  return response.status === 404 ? null : ourPostSchema.parse(response.data).topic_id;
}

/** A topic with its post ids and first chunk of posts, or null when it is gone from the forum. */
export async function readTopic(reader: TopicReader, topicId: number): Promise<Topic | null> {
  const response = await reader.http.get(`/t/${topicId}.json`, {
    headers: reader.headers,
    validateStatus: (s) => s < 300 || s === 404,
  });
  return response.status === 404 ? null : topicSchema.parse(response.data);
}

/** The forum's newest post id now (`/posts.json`, newest first), or `fallback` when it lists none. */
async function newestPostId(reader: TopicReader, fallback: number): Promise<number> {
  const { data } = await reader.http.get('/posts.json', { headers: reader.headers });
  return Math.max(fallback, latestSchema.parse(data).latest_posts[0]?.id ?? 0);
}

/**
 * Ids of the posts the batch answers (`reply_to_post_number`) that it does not carry: the stream is
 * in post-number order, so number n is at n - 1 unless posts before it were deleted; the read checks.
 */
async function addAnsweredPosts(
  reader: TopicReader,
  topic: Topic,
  batch: TopicPost[],
  byNumber: Map<number, number>
): Promise<void> {
  const wanted = [...new Set(batch.map((p) => p.reply_to_post_number).filter((n): n is number => !!n))];
  const guesses = wanted
    .filter((n) => !byNumber.has(n))
    .map((n) => topic.post_stream.stream[n - 1])
    .filter((id): id is number => id !== undefined)
    .slice(0, POSTS_PER_READ);
  for (const post of await postsById(reader, topic.id, guesses)) byNumber.set(post.post_number, post.id);
}

/** A post a reader wrote: not the account's, not a moderator's note or small action, not deleted. */
export const isReaderPost = (reader: TopicReader, post: TopicPost) =>
  post.username.toLowerCase() !== reader.username.toLowerCase() &&
  (post.post_type ?? REGULAR_POST) === REGULAR_POST &&
  !post.deleted_at;

/** A reader's post as the inbox keeps it, under the post it answers (null: a private message's post). */
export function replyOf(
  reader: TopicReader,
  topic: Topic,
  post: TopicPost,
  inReplyTo: number | null
): RemoteReply {
  return {
    remoteId: String(post.id),
    inReplyTo: inReplyTo === null ? null : String(inReplyTo),
    author: post.username,
    authorUrl: `${reader.baseUrl}/u/${encodeURIComponent(post.username)}`,
    text: post.raw ?? post.cooked ?? '',
    language: null,
    createdAt: post.created_at,
    url: `${reader.baseUrl}/t/${topic.slug}/${topic.id}/${post.post_number}`,
  };
}

/**
 * One page of the sweep: the next posts (20 at most) of the current topic, then the next topic. Each
 * reply hangs under the post it answers (`reply_to_post_number`), or under our post it follows.
 */
export async function sweepTopics(
  reader: TopicReader,
  remoteIds: string[],
  cursor: string | null | undefined
): Promise<RepliesPage> {
  const sweep = readTopicSweep(cursor);
  const post = currentPost(sweep, remoteIds);
  if (!post) {
    const after = Math.max(sweep.after, sweep.newest ?? 0);
    return {
      replies: [],
      cursor: writeTopicSweep({ after, newest: null, post: null, topic: null, read: null }),
      more: false,
    };
  }
  const newest = sweep.newest ?? (await newestPostId(reader, sweep.after));
  const topicId = sweep.post === post && sweep.topic ? sweep.topic : await topicOf(reader, post);
  const topic = topicId === null ? null : await readTopic(reader, topicId);
  const stream = topic?.post_stream.stream ?? [];
  // Ours in this topic (several when the account answers in one topic): read once, from the first.
  const ours = new Set(remoteIds.filter((id) => stream.includes(Number(id))).map(Number));
  // Nothing written before our first post in the topic is read (a topic the account answers in).
  const firstOurs = Math.min(Number(post), ...ours);
  const from = Math.max(
    sweep.after,
    firstOurs,
    sweep.post === post && sweep.topic === topicId ? (sweep.read ?? 0) : 0
  );
  const pending = stream.filter((id) => id > from);
  const batchIds = pending.slice(0, POSTS_PER_READ);

  let replies: RemoteReply[] = [];
  if (topic && batchIds.length > 0) {
    const batch = await postsOf(reader, topic, batchIds);
    const byNumber = new Map(
      [...topic.post_stream.posts, ...batch].map((p): [number, number] => [p.post_number, p.id])
    );
    await addAnsweredPosts(reader, topic, batch, byNumber);
    replies = batch
      .filter((p) => isReaderPost(reader, p))
      .map((p) => {
        // Our post it follows in the topic: the thread's root when it answers nothing we know.
        const before = [...ours].filter((id) => id < p.id);
        const root = before.length > 0 ? Math.max(...before) : Number(post);
        const answered = p.reply_to_post_number ? byNumber.get(p.reply_to_post_number) : undefined;
        // A post from before ours was never collected: the reply stays in our part of the topic.
        return replyOf(reader, topic, p, answered !== undefined && answered >= firstOurs ? answered : root);
      });
  }

  if (topicId !== null && pending.length > batchIds.length) {
    const next = { after: sweep.after, newest, post, topic: topicId, read: batchIds[batchIds.length - 1] };
    return { replies, cursor: writeTopicSweep(next), more: true };
  }
  // The next of our posts in another topic; when none is left, the next sweep reads from `newest`.
  const following = remoteIds.slice(remoteIds.indexOf(post) + 1).find((id) => !ours.has(Number(id)));
  if (following) {
    const next = { after: sweep.after, newest, post: following, topic: null, read: null };
    return { replies, cursor: writeTopicSweep(next), more: true };
  }
  const after = Math.max(sweep.after, newest);
  return {
    replies,
    cursor: writeTopicSweep({ after, newest: null, post: null, topic: null, read: null }),
    more: false,
  };
}

/**
 * The account's post with this text written since a time after the post `inReplyTo` in its topic (a
 * public topic or a private message), among the 20 newest there: Discourse keeps no key for replies,
 * so an answer whose outcome was unknown is looked for by author and text, never sent again blindly.
 */
export async function findOwnAnswer(
  reader: TopicReader,
  { inReplyTo, since, text }: { inReplyTo: string; since: Date; text: string }
): Promise<RemotePost | null> {
  const topicId = await topicOf(reader, inReplyTo);
  const topic = topicId === null ? null : await readTopic(reader, topicId);
  if (!topic) return null;
  const after = topic.post_stream.stream.filter((id) => id > Number(inReplyTo)).slice(-POSTS_PER_READ);
  const me = reader.username.toLowerCase();
  const ours = (await postsOf(reader, topic, after)).find(
    (p) =>
      p.username.toLowerCase() === me &&
      Date.parse(p.created_at) >= since.getTime() - CLOCK_MARGIN_MS &&
      sameText(p.raw ?? p.cooked, text)
  );
  if (!ours) return null;
  return {
    remoteId: String(ours.id),
    url: `${reader.baseUrl}/t/${topic.slug}/${topic.id}/${ours.post_number}`,
    text: ours.raw ?? ours.cooked ?? '',
  };
}
