import {
  readConversations,
  readConversationsState,
  writeConversationsState,
  type MessagingChannel,
} from '../meta-conversations';
import type { ProviderContext } from '../types';

const channel: MessagingChannel = {
  platform: 'messenger',
  name: 'Messenger',
  versionPath: '',
  ownerId: 'page',
  headers: {},
  maxCharacters: 2000,
  withoutMessages: 'facebook.messagesRefused',
  author: (from) => ({ name: from.name ?? from.id ?? '?', url: null }),
};

/** Graph's time for epoch second `s`. */
const at = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', '+0000');
const message = (id: string, s: number, from = 'lea') => ({
  id,
  message: `m ${id}`,
  created_time: at(s),
  from: { id: from, name: from },
});

/** A Graph whose answers the test writes per request, recording the paths and tokens asked. */
function graph(answer: (path: string, params: Record<string, any>) => unknown) {
  const asked: string[] = [];
  const ctx = {
    http: {
      get: async (path: string, config: { params: Record<string, any> }) => {
        asked.push(`${path}${config.params.after ? `@${config.params.after}` : ''}`);
        return { data: answer(path, config.params) };
      },
    },
  } as unknown as ProviderContext;
  return { ctx, asked };
}

const since = new Date(500_000);
const ids = (replies: { remoteId: string }[]) => replies.map((r) => r.remoteId.split(':').pop());

describe('reading Meta conversations', () => {
  it('keeps the floor one descent behind, and reads a cursor written before it from its mark', () => {
    expect(readConversationsState('1500')).toEqual({
      descent: { mark: '1500', page: null, top: null },
      floor: '1500',
      deep: null,
      head: null,
    });
    const going = {
      descent: { mark: '1500', page: 'QVF', top: '1700' },
      floor: '1200',
      deep: { conversation: 't_1', after: 'MSG' },
      head: 't_9',
    };
    expect(readConversationsState(writeConversationsState(going))).toEqual(going);
    const idle = {
      descent: { mark: '1700', page: null, top: null },
      floor: '1500',
      deep: null,
      head: null,
    };
    expect(readConversationsState(writeConversationsState(idle))).toEqual(idle);
  });

  it('finds the earlier message of a conversation updated while the descent before went down', async () => {
    // The last descent started with its top at 1500; this one reads messages from 1000, its mark.
    let bumped = false;
    const { ctx } = graph((_path, params) => {
      if (!params.after) {
        const first = {
          id: 't_1',
          updated_time: at(1500),
          messages: { data: [message('a', 1500)], paging: {} },
        };
        const page = bumped
          ? [
              {
                id: 't_2',
                updated_time: at(1600),
                messages: { data: [message('c', 1600), message('b', 1200)], paging: {} },
              },
              first,
            ]
          : [first];
        return { data: page, paging: bumped ? {} : { cursors: { after: 'P2' }, next: 'next' } };
      }
      // The second page: t_2 has left it, answered meanwhile (now on top).
      return { data: [], paging: {} };
    });
    const first = await readConversations(
      ctx,
      channel,
      since,
      writeConversationsState({
        descent: { mark: '1000', page: null, top: null },
        floor: '1000',
        deep: null,
        head: null,
      })
    );
    expect(ids(first.replies)).toEqual(['a']);
    bumped = true;
    const second = await readConversations(ctx, channel, since, first.cursor);
    expect(second.more).toBe(false);
    expect(readConversationsState(second.cursor)).toMatchObject({ descent: { mark: '1500' }, floor: '1000' });
    // The next descent stops at 1500 but reads messages from 1000: b (1200) is not lost.
    const third = await readConversations(ctx, channel, since, second.cursor);
    expect(ids(third.replies).sort()).toEqual(['a', 'b', 'c']);
  });

  it('reads a conversation with more new messages than one call holds to the end, then goes on', async () => {
    // t_long got 130 messages since the mark, t_next one; 25 a page, newest first.
    const long = Array.from({ length: 130 }, (_, i) => message(`L${i}`, 2000 - i));
    const pageOf = (list: ReturnType<typeof message>[], from: number) => ({
      data: list.slice(from, from + 25),
      paging: from + 25 < list.length ? { cursors: { after: `M${from + 25}` }, next: 'next' } : {},
    });
    const { ctx, asked } = graph((path, params) => {
      if (path.endsWith('/conversations'))
        return {
          data: [
            { id: 't_long', updated_time: at(2000), messages: pageOf(long, 0) },
            { id: 't_next', updated_time: at(1900), messages: pageOf([message('N', 1900)], 0) },
          ],
          paging: {},
        };
      return pageOf(long, Number(String(params.after).slice(1)));
    });
    const mark = writeConversationsState({
      descent: { mark: '1000', page: null, top: null },
      floor: '1000',
      deep: null,
      head: null,
    });
    const first = await readConversations(ctx, channel, since, mark);
    expect(first.replies).toHaveLength(100);
    expect(first.more).toBe(true);
    const second = await readConversations(ctx, channel, since, first.cursor);
    expect(second.replies).toHaveLength(30);
    const third = await readConversations(ctx, channel, since, second.cursor);
    expect(ids(third.replies)).toEqual(['N']);
    expect(third.more).toBe(false);
    expect(readConversationsState(third.cursor).descent.mark).toBe('2000');
    const all = [...first.replies, ...second.replies].map((r) => r.remoteId);
    expect(new Set(all).size).toBe(130);
    // The list twice (the second time after the long conversation), then its top once, to see nothing moved.
    expect(asked.filter((a) => a.endsWith('/conversations'))).toHaveLength(3);
  });

  it('finds the first message of a conversation updated ahead of two descents in a row', async () => {
    // A Graph of two conversations a page, the page token an offset, most recently updated first.
    const conversations = new Map<string, { updated: number; messages: ReturnType<typeof message>[] }>();
    const write = (id: string, s: number) => {
      const conversation = conversations.get(id) ?? { updated: s, messages: [] };
      conversation.messages.unshift(message(`${id}@${s}`, s));
      conversation.updated = s;
      conversations.set(id, conversation);
    };
    const { ctx } = graph((_path, params) => {
      const order = [...conversations].sort(([, a], [, b]) => b.updated - a.updated);
      const from = Number(params.after ?? 0);
      const size = Math.min(Number(params.limit), 2);
      return {
        data: order.slice(from, from + size).map(([id, c]) => ({
          id,
          updated_time: at(c.updated),
          messages: { data: c.messages, paging: {} },
        })),
        paging: from + size < order.length ? { cursors: { after: String(from + size) }, next: 'next' } : {},
      };
    });
    const read: string[] = [];
    const call = async (cursor: string) => {
      const page = await readConversations(ctx, channel, since, cursor);
      read.push(...ids(page.replies));
      return page;
    };
    write('t_2', 1200);
    write('t_0', 1400);
    write('t_1', 1500);
    const first = await call(
      writeConversationsState({
        descent: { mark: '1000', page: null, top: null },
        floor: '1000',
        deep: null,
        head: null,
      })
    );
    expect(first.more).toBe(true);
    // t_2 is answered before the descent reaches it: it jumps above.
    write('t_2', 1600);
    const firstDone = await call(first.cursor);
    expect(firstDone.more).toBe(false);
    expect(read).not.toContain('t_2@1200');

    write('t_4', 1650);
    write('t_3', 1700);
    const second = await call(firstDone.cursor);
    expect(second.more).toBe(true);
    // And again before the next descent reaches it.
    write('t_2', 1800);
    let page = await call(second.cursor);
    while (page.more) page = await call(page.cursor);
    expect(read).not.toContain('t_2@1200');

    // Conversations moved during both descents: the floor stayed, t_2's first message is found.
    const afterTwo = readConversationsState(page.cursor);
    page = await call(page.cursor);
    while (page.more) page = await call(page.cursor);
    expect(read).toEqual(expect.arrayContaining(['t_2@1200', 't_2@1600', 't_2@1800', 't_3@1700']));
    expect(afterTwo).toMatchObject({ descent: { mark: '1700' }, floor: '1000' });
    // Nothing moved during that one: the floor goes up to its mark.
    expect(readConversationsState(page.cursor)).toMatchObject({ descent: { mark: '1800' }, floor: '1700' });
  });
});
