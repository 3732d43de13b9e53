/**
 * Discord direct messages to the account's bot. Discord never lists a bot's DM channels (`GET
 * /users/@me/channels` answers bots an empty list): the gateway tells of each message as it comes
 * (services/gateway), and the channels heard so far reach `fetchReplies` in `pushed`. They are read in
 * passes, a few channels a call, each from the pass's floor (`after=` a Discord id made from the time
 * the last pass began, a minute early: what came during a pass is read by the next one; read twice,
 * kept once). While the gateway heard everything since the floor, only the channels it heard a newer
 * message in are read; after a gap (a restart, an outage), every channel heard so far is.
 *
 * The part of the cursor: `floor,passStart,doneUpTo,deepChannel:deepAfter`.
 */
import { ProviderError, type PushedConversations, type RemoteReply } from './types';

/** A channel's messages: 100 at most a request. */
export const MESSAGES_PER_PAGE = 100;
/** Channels read in one call: each is its own rate-limit bucket, about 5 requests in 5 s. */
const CHANNELS_PER_CALL = 3;
/** A pass's floor is taken a minute before it began: Discord's clock and ours may differ a little. */
const CLOCK_MARGIN_MS = 60_000;

/** Discord ids count milliseconds from 2015-01-01, shifted 22 bits. */
const DISCORD_EPOCH = 1_420_070_400_000n;
export const snowflakeAt = (at: Date | number) =>
  String((BigInt(Math.max(new Date(at).getTime(), 1_420_070_400_000)) - DISCORD_EPOCH) << 22n);
export const timeOfSnowflake = (id: string) => Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
export const newerSnowflake = (a: string, b: string | null | undefined) =>
  !b || (a.length === b.length ? a > b : a.length > b.length);
const byId = (a: string, b: string) => (a === b ? 0 : newerSnowflake(a, b) ? 1 : -1);

type Pass = {
  floor: string;
  passStart: string;
  doneUpTo: string;
  deep: { channel: string; after: string } | null;
};

const isId = (value: string | undefined): value is string => !!value && /^\d{1,25}$/.test(value);

function readPass(cursor: string, since: Date): Pass {
  const [floor, passStart, doneUpTo, deep = ''] = cursor.split(',');
  const [deepChannel, deepAfter] = deep.split(':');
  return {
    floor: isId(floor) ? floor : snowflakeAt(since),
    passStart: isId(passStart) ? passStart : '',
    doneUpTo: isId(doneUpTo) ? doneUpTo : '',
    deep: isId(deepChannel) && isId(deepAfter) ? { channel: deepChannel, after: deepAfter } : null,
  };
}

const writePass = (pass: Pass) =>
  [
    pass.floor,
    pass.passStart,
    pass.doneUpTo,
    pass.deep ? `${pass.deep.channel}:${pass.deep.after}` : '',
  ].join(',');

export type ChannelRead = (channel: string, after: string) => Promise<any[] | 'gone'>;

/**
 * One call's worth of the pass: the next channels to read, their readers' messages (ours left out),
 * and where the pass stands. `read` answers a channel's 100 messages right after `after`, or 'gone'
 * when the channel can no longer be read (the person blocked the bot, left every shared server).
 */
export async function readPushedConversations(
  cursor: string,
  { since, pushed, now = Date.now() }: { since: Date; pushed: PushedConversations; now?: number },
  read: ChannelRead
): Promise<{ replies: RemoteReply[]; cursor: string; more: boolean }> {
  const pass = readPass(cursor, since);
  if (!pass.passStart) pass.passStart = snowflakeAt(now - CLOCK_MARGIN_MS);
  const { heardSince } = pushed;
  const heardAll = !!heardSince && heardSince.getTime() <= timeOfSnowflake(pass.floor);
  const due = pushed.conversations
    .filter((c) => isId(c.channelId) && (!pass.doneUpTo || newerSnowflake(c.channelId, pass.doneUpTo)))
    .filter((c) => !heardAll || (c.lastMessageId && newerSnowflake(c.lastMessageId, pass.floor)))
    .map((c) => c.channelId)
    .sort(byId);

  const replies: RemoteReply[] = [];
  for (const channel of due.slice(0, CHANNELS_PER_CALL)) {
    const after = pass.deep?.channel === channel ? pass.deep.after : pass.floor;
    const messages = await read(channel, after);
    if (messages === 'gone') {
      pass.doneUpTo = channel;
      pass.deep = null;
      continue;
    }
    replies.push(
      ...messages.filter((m) => m?.id && !m.author?.bot && !m.webhook_id).map((m) => direct(channel, m))
    );
    if (messages.length >= MESSAGES_PER_PAGE) {
      // More than a page since the floor: the same channel goes on from its newest message next call.
      const newest = messages.reduce<string>(
        (top, m) => (newerSnowflake(String(m.id), top) ? String(m.id) : top),
        after
      );
      pass.deep = { channel, after: newest };
      return { replies: sorted(replies), cursor: writePass(pass), more: true };
    }
    pass.doneUpTo = channel;
    pass.deep = null;
  }
  if (due.length > CHANNELS_PER_CALL)
    return { replies: sorted(replies), cursor: writePass(pass), more: true };
  // The pass is over: the next one reads what came since this one began.
  return {
    replies: sorted(replies),
    cursor: writePass({ floor: pass.passStart, passStart: '', doneUpTo: '', deep: null }),
    more: false,
  };
}

const sorted = (replies: RemoteReply[]) => replies.sort((a, b) => a.createdAt.localeCompare(b.createdAt));

/** A reader's message in a DM with the bot, as the inbox keeps it (`channel:message`, private). */
function direct(channel: string, m: any): RemoteReply {
  if (!isId(String(m.id)))
    throw new ProviderError(`Discord answered a message without an id in channel ${channel}.`, 'retry');
  return {
    remoteId: `${channel}:${m.id}`,
    inReplyTo: null,
    author: m.author?.global_name ?? m.author?.username ?? 'unknown',
    authorUrl: m.author?.id ? `https://discord.com/users/${m.author.id}` : null,
    text: m.content ?? '',
    language: null,
    createdAt: new Date(Date.parse(m.timestamp) || Date.now()).toISOString(),
    url: `https://discord.com/channels/@me/${channel}/${m.id}`,
    private: true,
  };
}
