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
 * read twice that way are kept once by the inbox. Only a topic bumped ahead of two descents in a row,
 * each time before they reached it, could lose a post.
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
 * - during a descent: `page` and `index` in the list, `top` and `newest` (the mark and the newest
 *   post id as it started), and `topic` and `read` for a topic read in several calls.
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
};

export function readMessagesDescent(cursor: string | null | undefined, since: Date): MessagesDescent {
  const parts = (cursor ?? '').split(SEPARATOR);
  const number = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : null);
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
  };
}

export function writeMessagesDescent(descent: MessagesDescent): string {
  const { mark, floor, previous, page, index, top, newest, topic, read } = descent;
  if (page === null) return [mark, floor, previous].join(SEPARATOR);
  return [mark, floor, previous, page, index, top ?? '', newest ?? '', topic ?? '', read ?? '']
    .join(SEPARATOR)
    .trimEnd();
}

/** A descent over: the next one stops where this one started and reads from the floor after this one's. */
function finished(descent: MessagesDescent): MessagesDescent {
  return {
    mark: Math.max(descent.mark, descent.top ?? 0),
    floor: descent.previous,
    previous: Math.max(descent.previous, descent.newest ?? 0),
    page: null,
    index: 0,
    top: null,
    newest: null,
    topic: null,
    read: null,
  };
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
  const page = descent.page ?? 0;
  const { data } = await reader.http.get(
    `/topics/private-messages/${encodeURIComponent(reader.username)}.json`,
    { headers: reader.headers, params: page > 0 ? { page } : {} }
  );
  const list = messagesListSchema.parse(data).topic_list;
  const starting = descent.page === null;
  if (starting) {
    const onTop = list.topics[0] ? Date.parse(list.topics[0].bumped_at) : null;
    descent = { ...descent, page: 0, index: 0, top: onTop, newest: descent.previous };
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
    if (Date.parse(listed.bumped_at) < stopAt) break;
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
    descent = { ...descent, index: descent.index + 1, topic: null, read: null };
  }
  return { replies, cursor: writeMessagesDescent(finished(descent)), more: false };
}
