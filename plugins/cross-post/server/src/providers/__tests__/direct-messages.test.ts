import facebook from '../facebook';
import { parsePrivateMessageId, privateMessageId } from '../meta-conversations';
import { readStreams as facebookStreams, writeStreams as writeFacebookStreams } from '../streams';
import { readStreams as xStreams, writeStreams as writeXStreams } from '../x';
import { directMessageId, parseDirectMessageId, readDirectMessages } from '../x-direct-messages';
import type { ProviderContext } from '../types';

/** A context whose HTTP client answers GETs with `pages`, in order, and records their params. */
function contextAnswering(pages: unknown[]) {
  const asked: Record<string, unknown>[] = [];
  const ctx = {
    account: { id: 1, network: 'x', baseUrl: 'http://x', credentials: { accessToken: 't' } },
    http: {
      get: async (_path: string, config: { params: Record<string, unknown> }) => {
        asked.push(config.params);
        return { data: pages.shift() };
      },
    },
  } as unknown as ProviderContext;
  return { ctx, asked };
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe('X cursor with direct messages', () => {
  it('reads a cursor from before DMs (three parts) as it was, with DMs to start', () => {
    expect(xStreams('1800 tok 1900|1700|search')).toEqual({
      mentions: '1800 tok 1900',
      search: '1700',
      phase: 'search',
      dms: '',
    });
    expect(xStreams(null)).toEqual({ mentions: '', search: '', phase: '', dms: '' });
    const streams = { mentions: '1800', search: 'off17', phase: 'dms' as const, dms: '1750 p 1790' };
    expect(xStreams(writeXStreams(streams))).toEqual(streams);
  });

  it('names the conversation in a DM’s remote id, and refuses an id that is not a DM', () => {
    expect(parseDirectMessageId(directMessageId('11-22', '33'))).toEqual({
      conversationId: '11-22',
      eventId: '33',
    });
    expect(() => parseDirectMessageId('1800000')).toThrow(/not an X direct message/);
    expect(() => parseDirectMessageId('tweet:11-22:33')).toThrow(/not an X direct message/);
  });
});

describe('reading X direct messages', () => {
  const event = (id: string, sender: string, text: string, createdAt = hoursAgo(1)) => ({
    id,
    text,
    sender_id: sender,
    created_at: createdAt,
    dm_conversation_id: `me-${sender}`,
  });

  it('keeps readers’ messages down to the newest kept, privately, never the account’s own', async () => {
    const { ctx } = contextAnswering([
      {
        data: [
          event('105', 'me', 'Notre réponse'),
          event('104', 'r1', 'Bonjour ?'),
          event('100', 'r2', 'déjà lu'),
        ],
        includes: { users: [{ id: 'r1', username: 'lea' }] },
        meta: { next_token: 'next' },
      },
    ]);
    const page = await readDirectMessages(ctx, {}, 'me', new Date(0), '100');
    expect(page.replies).toEqual([
      expect.objectContaining({
        remoteId: 'dm:me-r1:104',
        author: '@lea',
        text: 'Bonjour ?',
        inReplyTo: null,
        private: true,
      }),
    ]);
    // The mark was met: the descent ends there, and the mark moves up to the newest event seen.
    expect(page).toMatchObject({ cursor: '105', more: false });
  });

  it('goes down page by page on the first read, stopping at `since`', async () => {
    const { ctx, asked } = contextAnswering([
      { data: [event('300', 'r1', 'trois')], meta: { next_token: 'p2' } },
      {
        data: [event('200', 'r1', 'deux'), event('100', 'r1', 'vieux', hoursAgo(48))],
        meta: { next_token: 'p3' },
      },
    ]);
    const since = new Date(Date.now() - 24 * 3_600_000);
    const first = await readDirectMessages(ctx, {}, 'me', since, '');
    expect(first).toMatchObject({ more: true });
    const second = await readDirectMessages(ctx, {}, 'me', since, first.cursor);
    expect(second.replies.map((r) => r.text)).toEqual(['deux']);
    expect(second).toMatchObject({ cursor: '300', more: false });
    expect(asked.map((params) => params.pagination_token)).toEqual([undefined, 'p2']);
  });
});

describe('Facebook cursor with conversations', () => {
  it('reads a cursor from before the conversations (the sweep alone) as it was', () => {
    expect(facebookStreams('1700000000000 123_456 QVFI 1700000001000')).toEqual({
      sweep: '1700000000000 123_456 QVFI 1700000001000',
      phase: '',
      conversations: '',
    });
    const streams = {
      sweep: '1700000000000',
      phase: 'conversations' as const,
      conversations: '1700 QVFI 1800',
    };
    expect(facebookStreams(writeFacebookStreams(streams))).toEqual(streams);
  });

  it('names the conversation and the person in a message’s remote id', () => {
    const id = privateMessageId('t_1', '2400', 'm_abc');
    expect(parsePrivateMessageId(id)).toEqual({ conversationId: 't_1', psid: '2400', messageId: 'm_abc' });
    expect(() => parsePrivateMessageId('123_456')).toThrow(/not a private message/);
    expect(() => parsePrivateMessageId('c:t_1:2400:m_abc')).toThrow(/not a private message/);
  });

  it('gives the editor Facebook’s 24-hour rule in words when the Send API refuses', () => {
    const refusal = Object.assign(new Error('400'), {
      isAxiosError: true,
      response: {
        status: 400,
        headers: {},
        data: {
          error: {
            message: '(#10) This message is sent outside of allowed window.',
            type: 'OAuthException',
            code: 10,
            error_subcode: 2018278,
          },
        },
      },
    });
    expect(facebook.classifyError(refusal)).toEqual({
      action: 'reject',
      windowClosed: true,
      reason: expect.stringMatching(/only within 24 hours of the person's last message/),
    });
  });
});
