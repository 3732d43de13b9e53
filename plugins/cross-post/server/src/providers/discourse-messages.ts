/**
 * Private messages to a Discourse account, for the inbox. A private message is a topic only its
 * participants read; `GET /topics/private-messages/{username}.json` lists the account's, most recently
 * bumped first (a regular post bumps its topic), 30 a page (`?page=`, `more_topics_url` while more
 * follow). A descent goes down that list, a few topics a call, to the topics bumped before the last
 * descent started, and reads in each, 20 at a time, the posts whose id is above the floor: post ids
 * grow with time across the forum, so the floor says what earlier descents read.
 *
 * The floor lags one descent behind (it is the newest post when the descent before the last one
 * started): a topic bumped while a descent goes down jumps to the top, above where the descent stands,
 * and the next descent, reading it from the older floor, still finds the posts it held before; posts
 * read twice that way are kept once by the inbox. A descent of several calls ends by looking at the top
 * of the list again: when a topic was bumped meanwhile, the floor stays where it is (a topic bumped
 * ahead of two descents in a row keeps its older posts). The list is paged by number: a message
 * archived above where the descent stands moves the others up, so each call finds its place again
 * after the last topic it read (by id, else by when it was bumped), on the page before when needed.
 */
import { z } from 'zod';

import { CLOCK_MARGIN_MS } from './per-post';
import {
  POSTS_PER_READ,
  isReaderPost,
  postsOf,
  readTopic,
  replyOf,
  type TopicReader,
} from './discourse-topics';
import type { RemoteReply } from './types';

/** Topics read in one call: with their posts, at most five requests (the list, two topics, two reads of posts). */
export const TOPICS_PER_CALL = 2;
const SEPARATOR = ' ';

const messageTopicSchema = z
  .object({ id: z.number(), slug: z.string(), bumped_at: z.string() })
  .passthrough();
const messagesListSchema = z
  .object({
    topic_list: z
      .object({ topics: z.array(messageTopicSchema).default([]), more_topics_url: z.string().nullish() })
      .passthrough(),
  })
  .passthrough();

/**
 * Where the descents stand:
 * - `mark`: when the topic on top was bumped as the last descent started (epoch ms, the forum's
 *   clock): the descent stops at topics bumped before it (less CLOCK_MARGIN_MS);
 * - `floor`: the posts above this id are read; `previous`: the newest post when the last descent
 *   started, the next descent's floor;
 * - during a descent: `page` and `index` in the list, `top`, `head` and `newest` (when the topic on top
 *   was bumped, its id, and the newest post id as it started), `topic` and `read` for a topic read in
 *   several calls, and `last`, the last topic read and when it was bumped (where the descent stands
 *   when the list has moved: `index` alone was written before it).
 */
export type MessagesDescent = {
  mark: number;
  floor: number;
  previous: number;
  page: number | null;
  index: number;
  top: number | null;
  newest: number | null;
  topic: number | null;
  read: number | null;
  last: { id: number; bumped: number } | null;
  head: number | null;
};

export function readMessagesDescent(cursor: string | null | undefined, since: Date): MessagesDescent {
  const parts = (cursor ?? '').split(SEPARATOR);
  const number = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : null);
  const lastId = number(parts[9]);
  const lastBumped = number(parts[10]);
  return {
    mark: number(parts[0]) ?? since.getTime(),
    floor: number(parts[1]) ?? 0,
    previous: number(parts[2]) ?? 0,
    page: number(parts[3]),
    index: number(parts[4]) ?? 0,
    top: number(parts[5]),
    newest: number(parts[6]),
    topic: number(parts[7]),
    read: number(parts[8]),
    last: lastId !== null && lastBumped !== null ? { id: lastId, bumped: lastBumped } : null,
    head: number(parts[11]),
  };
}

export function writeMessagesDescent(descent: MessagesDescent): string {
  const { mark, floor, previous, page, index, top, newest, topic, read, last, head } = descent;
  if (page === null) return [mark, floor, previous].join(SEPARATOR);
  const going = [page, index, top, newest, topic, read, last?.id, last?.bumped, head];
  return [mark, floor, previous, ...going.map((part) => part ?? '')].join(SEPARATOR).trimEnd();
}

/**
 * A descent over: the next one stops where this one started and reads from the floor after this
 * one's, unless a topic was bumped while this one went down over several calls (`settled` false).
 */
function finished(descent: MessagesDescent, settled: boolean): MessagesDescent {
  return {
    mark: Math.max(descent.mark, descent.top ?? 0),
    floor: settled ? descent.previous : descent.floor,
    previous: Math.max(descent.previous, descent.newest ?? 0),
    page: null,
    index: 0,
    top: null,
    newest: null,
    topic: null,
    read: null,
    last: null,
    head: null,
  };
}

type MessagesList = z.infer<typeof messagesListSchema>['topic_list'];
type ListedTopic = MessagesList['topics'][number];

async function listPage(reader: TopicReader, page: number): Promise<MessagesList> {
  const { data } = await reader.http.get(
    `/topics/private-messages/${encodeURIComponent(reader.username)}.json`,
    { headers: reader.headers, params: page > 0 ? { page } : {} }
  );
  return messagesListSchema.parse(data).topic_list;
}

const bumpedAt = (topic: ListedTopic) => Date.parse(topic.bumped_at);

/**
 * Where to go on in `topics` after `last`: just after it when it is there as it was, else at the first
 * topic bumped no later than it was (one bumped in that same millisecond may be read again).
 */
function after(topics: ListedTopic[], last: { id: number; bumped: number }): number {
  const at = topics.findIndex((t) => t.id === last.id && bumpedAt(t) === last.bumped);
  if (at >= 0) return at + 1;
  const below = topics.findIndex((t) => t.id !== last.id && bumpedAt(t) <= last.bumped);
  return below === -1 ? topics.length : below;
}

/**
 * Where the descent stands in the list as it is now. A page that starts below the last topic read may
 * have lost to the page before the topics that followed it (messages archived above moved them up):
 * the page before is read, and the one before it while that one is all below too.
 */
async function findPlace(
  reader: TopicReader,
  descent: MessagesDescent,
  page: number,
  list: MessagesList
): Promise<{ page: number; list: MessagesList; index: number }> {
  const last = descent.last;
  if (!last) return { page, list, index: descent.index };
  let place = { page, list, index: after(list.topics, last) };
  while (place.index === 0 && place.page > 0 && !place.list.topics.some((t) => t.id === last.id)) {
    const before = await listPage(reader, place.page - 1);
    const index = after(before.topics, last);
    if (index >= before.topics.length) break;
    place = { page: place.page - 1, list: before, index };
  }
  return place;
}

/** Whether the topic on top is still `head`, bumped at `top`, as when the descent started. */
async function nothingBumped(reader: TopicReader, descent: MessagesDescent): Promise<boolean> {
  const [first] = (await listPage(reader, 0)).topics;
  return !first || (first.id === descent.head && bumpedAt(first) === descent.top);
}

/**
 * The next posts (20 at most) of one private message above `from`: readers' posts, not the account's,
 * written since `since`; `last` is the highest id looked at, `more` says posts above it remain.
 */
async function readMessageTopic(
  reader: TopicReader,
  topicId: number,
  from: number,
  since: Date
): Promise<{ messages: RemoteReply[]; newest: number; last: number | null; more: boolean }> {
  const topic = await readTopic(reader, topicId);
  if (!topic) return { messages: [], newest: 0, last: null, more: false };
  const stream = topic.post_stream.stream;
  const pending = stream.filter((id) => id > from);
  const batchIds = pending.slice(0, POSTS_PER_READ);
  const oldest = since.getTime() - CLOCK_MARGIN_MS;
  const messages = (await postsOf(reader, topic, batchIds))
    .filter((p) => isReaderPost(reader, p) && Date.parse(p.created_at) >= oldest)
    .map((p) => ({ ...replyOf(reader, topic, p, null), private: true }));
  return {
    messages,
    newest: Math.max(0, ...stream),
    last: batchIds[batchIds.length - 1] ?? null,
    more: pending.length > batchIds.length,
  };
}

/** One call of the descent: a page of the list, then up to TOPICS_PER_CALL of its topics from where it stands. */
export async function readPrivateMessages(
  reader: TopicReader,
  since: Date,
  cursor: string | null | undefined
): Promise<{ replies: RemoteReply[]; cursor: string; more: boolean }> {
  let descent = readMessagesDescent(cursor, since);
  const starting = descent.page === null;
  const fetched = await listPage(reader, descent.page ?? 0);
  const place = starting
    ? { page: 0, list: fetched, index: 0 }
    : await findPlace(reader, descent, descent.page!, fetched);
  const { page, list } = place;
  descent = { ...descent, page, index: place.index };
  if (starting) {
    const onTop = list.topics[0];
    descent = {
      ...descent,
      top: onTop ? bumpedAt(onTop) : null,
      head: onTop?.id ?? null,
      newest: descent.previous,
    };
  }
  const stopAt = descent.mark - CLOCK_MARGIN_MS;
  const replies: RemoteReply[] = [];
  const standing = () => ({ replies, cursor: writeMessagesDescent(descent), more: true });
  for (let read = 0; ; read++) {
    const listed = list.topics[descent.index];
    if (!listed) {
      // This page is read: on to the next one, or the descent is over.
      if (!list.more_topics_url || list.topics.length === 0) break;
      descent = { ...descent, page: page + 1, index: 0, topic: null, read: null };
      return standing();
    }
    if (bumpedAt(listed) < stopAt) break;
    if (read === TOPICS_PER_CALL) return standing();
    const from = descent.topic === listed.id ? Math.max(descent.floor, descent.read ?? 0) : descent.floor;
    const topic = await readMessageTopic(reader, listed.id, from, since);
    replies.push(...topic.messages);
    // The topic on top as the descent started holds the newest post then: the next descent's floor.
    if (starting && read === 0) descent = { ...descent, newest: Math.max(descent.newest ?? 0, topic.newest) };
    if (topic.more) {
      descent = { ...descent, topic: listed.id, read: topic.last };
      return standing();
    }
    const last = { id: listed.id, bumped: bumpedAt(listed) };
    descent = { ...descent, index: descent.index + 1, topic: null, read: null, last };
  }
  // A descent of one call read one list as it was; over several, the list may have moved meanwhile.
  const settled = starting || (await nothingBumped(reader, descent));
  return { replies, cursor: writeMessagesDescent(finished(descent, settled)), more: false };
}
