import { readPushedConversations, snowflakeAt } from '../discord-direct';

/** A Discord id made at epoch ms `ms`, plus `n`. */
const idAt = (ms: number, n = 0) => String(BigInt(snowflakeAt(ms)) + BigInt(n));
const T = Date.UTC(2026, 11, 3, 10);
const since = new Date(T - 3600_000);

/** Channels whose messages the test holds, read like Discord's `after=` (the 100 right after it). */
function discord(messages: Record<string, string[]>) {
  const asked: { channel: string; after: string }[] = [];
  const read = async (channel: string, after: string) => {
    asked.push({ channel, after });
    const page = (messages[channel] ?? [])
      .filter((id) => BigInt(id) > BigInt(after))
      .slice(0, 100)
      .map((id) => ({
        id,
        content: `m ${id}`,
        timestamp: new Date(T).toISOString(),
        author: { id: '1', username: 'lea' },
      }));
    return page.reverse();
  };
  return { read, asked };
}

describe('Discord direct messages: passes over the conversations heard', () => {
  it('reads three conversations a call, then starts the next pass from when this one began', async () => {
    const channels = ['11', '12', '13', '14', '15', '16', '17'];
    const { read, asked } = discord(Object.fromEntries(channels.map((c, i) => [c, [idAt(T - 60_000, i)]])));
    const pushed = {
      conversations: channels.map((channelId) => ({ channelId, lastMessageId: null })),
      heardSince: null,
    };
    const seen: string[] = [];
    let cursor = '';
    let calls = 0;
    for (let more = true; more; calls++) {
      const page = await readPushedConversations(cursor, { since, pushed, now: T }, read);
      seen.push(...page.replies.map((r) => r.remoteId));
      expect(page.replies.every((r) => r.private)).toBe(true);
      ({ cursor, more } = page);
    }
    expect(calls).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(asked.map((a) => a.after))).toEqual(new Set([snowflakeAt(since)]));
    // The next pass: from a minute before this one began.
    expect(cursor).toBe(`${snowflakeAt(T - 60_000)},,,`);
  });

  it('goes on in a conversation with more than a page, from its newest message read', async () => {
    const many = Array.from({ length: 130 }, (_, i) => idAt(T - 120_000, i));
    const { read, asked } = discord({ '21': many, '22': [idAt(T - 100_000)] });
    const pushed = {
      conversations: [
        { channelId: '21', lastMessageId: many[129] },
        { channelId: '22', lastMessageId: idAt(T - 100_000) },
      ],
      heardSince: null,
    };
    const first = await readPushedConversations('', { since, pushed, now: T }, read);
    expect(first.replies).toHaveLength(100);
    expect(first.more).toBe(true);
    const second = await readPushedConversations(first.cursor, { since, pushed, now: T + 5_000 }, read);
    expect(second.replies).toHaveLength(31);
    expect(second.more).toBe(false);
    expect(asked.map((a) => a.channel)).toEqual(['21', '21', '22']);
    expect(asked[1].after).toBe(many[99]);
  });

  it('while the gateway heard everything since the floor, reads only the conversations that moved', async () => {
    const floor = idAt(T - 600_000);
    const { read, asked } = discord({
      '31': [idAt(T - 900_000)],
      '32': [idAt(T - 900_000), idAt(T - 30_000)],
    });
    const conversations = [
      { channelId: '31', lastMessageId: idAt(T - 900_000) },
      { channelId: '32', lastMessageId: idAt(T - 30_000) },
    ];
    const heard = await readPushedConversations(
      `${floor},,,`,
      { since, pushed: { conversations, heardSince: new Date(T - 3600_000) }, now: T },
      read
    );
    expect(asked.map((a) => a.channel)).toEqual(['32']);
    expect(heard.replies).toHaveLength(1);
    // The gateway came back after the floor: it may have missed some, so every conversation is read.
    asked.length = 0;
    await readPushedConversations(
      `${floor},,,`,
      { since, pushed: { conversations, heardSince: new Date(T - 60_000) }, now: T },
      read
    );
    expect(asked.map((a) => a.channel)).toEqual(['31', '32']);
  });

  it('passes a conversation that can no longer be read, and leaves the bot’s own messages out', async () => {
    const read = async (channel: string) =>
      channel === '41'
        ? ('gone' as const)
        : [
            {
              id: idAt(T, 2),
              content: 'merci',
              timestamp: new Date(T).toISOString(),
              author: { id: '1', username: 'lea' },
            },
            {
              id: idAt(T, 1),
              content: 'Bonjour',
              timestamp: new Date(T).toISOString(),
              author: { id: '9', username: 'bot', bot: true },
            },
          ];
    const pushed = {
      conversations: [
        { channelId: '41', lastMessageId: idAt(T) },
        { channelId: '42', lastMessageId: idAt(T, 2) },
      ],
      heardSince: null,
    };
    const page = await readPushedConversations('', { since, pushed, now: T }, read);
    expect(page.replies.map((r) => r.text)).toEqual(['merci']);
    expect(page.replies[0]).toMatchObject({ remoteId: `42:${idAt(T, 2)}`, inReplyTo: null, author: 'lea' });
    expect(page.more).toBe(false);
  });
});
