/**
 * An inbox read as two streams in one stored cursor, `sweep|phase|conversations`: the public replies
 * (a sweep of our posts' comments or topics) one page at a time, then, once a sweep is over, the
 * account's private conversations (Messenger, Instagram, Discourse private messages). While the
 * network refuses the conversations, their part says when (`off<epoch ms>`) and they are tried again a
 * day later: the account may be reconnected with the permission meanwhile.
 */
import type { InboxNotice } from '@porte-voix/kit/contracts';

import type { RemoteReply } from './types';

const STREAMS = '|';
/** After the network refused the conversations, they are tried again a day later. */
const CONVERSATIONS_RETRY_MS = 86_400_000;

export type Streams = { sweep: string; phase: '' | 'conversations'; conversations: string };

/** The stored cursor's streams; one written before the conversations is the sweep alone. */
export function readStreams(cursor: string | null | undefined): Streams {
  const [sweep = '', phase = '', conversations = ''] = (cursor ?? '').split(STREAMS);
  return { sweep, phase: phase === 'conversations' ? phase : '', conversations };
}

export function writeStreams(streams: Streams): string {
  return [streams.sweep, streams.phase, streams.conversations].join(STREAMS);
}

/** The conversations' part of the cursor once the network refused them now. */
export const conversationsRefused = (now = Date.now()) => `off${now}`;

/** Whether the conversations were refused less than a day ago (not tried again yet). */
export const conversationsOff = (conversations: string, now = Date.now()) =>
  /^off\d+$/.test(conversations) && now - Number(conversations.slice(3)) < CONVERSATIONS_RETRY_MS;

/** The conversations' own cursor: nothing while the part says they were refused. */
export const conversationsCursor = (conversations: string) =>
  /^off\d+$/.test(conversations) ? '' : conversations;

type StreamPage = { replies: RemoteReply[]; cursor: string | null; more: boolean };

/**
 * One read of an account's inbox: the sweep one page at a time, and once a sweep is over, in the same
 * round, the conversations; while the network refuses them (`refused`), the source says so
 * (`withoutConversations`), the sweep goes on, and they are tried again a day later.
 */
export async function readSweepThenConversations(
  cursor: string | null | undefined,
  read: {
    sweep(cursor: string): Promise<StreamPage>;
    conversations(cursor: string): Promise<StreamPage>;
    refused(error: unknown): boolean;
    /** Said while they are refused (none when the network says nothing more). */
    withoutConversations: InboxNotice | null;
  }
): Promise<StreamPage & { cursor: string; notices: InboxNotice[] }> {
  const refusedNotices = read.withoutConversations ? [read.withoutConversations] : [];
  const streams = readStreams(cursor);
  const off = conversationsOff(streams.conversations);
  if (streams.phase === 'conversations' && !off) {
    try {
      const page = await read.conversations(conversationsCursor(streams.conversations));
      const phase = page.more ? 'conversations' : '';
      const conversations = page.cursor ?? '';
      return { ...page, cursor: writeStreams({ ...streams, conversations, phase }), notices: [] };
    } catch (error) {
      if (!read.refused(error)) throw error;
      return {
        replies: [],
        cursor: writeStreams({ ...streams, conversations: conversationsRefused(), phase: '' }),
        more: false,
        notices: refusedNotices,
      };
    }
  }
  const swept = await read.sweep(streams.sweep);
  const phase = !swept.more && !off ? 'conversations' : '';
  return {
    replies: swept.replies,
    cursor: writeStreams({ ...streams, sweep: swept.cursor ?? '', phase }),
    more: swept.more || phase !== '',
    notices: off ? refusedNotices : [],
  };
}
