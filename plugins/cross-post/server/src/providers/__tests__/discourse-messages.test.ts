import discourse from '../discourse';
import { readMessagesDescent, readPrivateMessages, writeMessagesDescent } from '../discourse-messages';
import type { TopicReader } from '../discourse-topics';
import { readStreams } from '../streams';
import type { ProviderContext } from '../types';

describe('reading the private messages of a Discourse account', () => {
  const since = new Date('2026-11-01T00:00:00Z');

  it('keeps where the descent stands in its cursor, and starts at the first publication without one', () => {
    expect(readMessagesDescent(null, since)).toEqual({
      mark: since.getTime(),
      floor: 0,
      previous: 0,
      page: null,
      index: 0,
      top: null,
      newest: null,
      topic: null,
      read: null,
      last: null,
      head: null,
    });
    const between = { mark: 1700, floor: 1200, previous: 1300, page: null, index: 0 };
    const idle = { ...between, top: null, newest: null, topic: null, read: null, last: null, head: null };
    expect(writeMessagesDescent(idle)).toBe('1700 1200 1300');
    expect(readMessagesDescent('1700 1200 1300', since)).toEqual(idle);
    const going = {
      ...idle,
      page: 1,
      index: 7,
      top: 1800,
      newest: 1450,
      topic: 88,
      read: 1420,
      last: { id: 87, bumped: 1750 },
      head: 90,
    };
    expect(readMessagesDescent(writeMessagesDescent(going), since)).toEqual(going);
    // Written before `last` and `head`: where it stands is the index alone.
    expect(readMessagesDescent('1700 1200 1300 1 7 1800 1450 88 1420', since)).toEqual({
      ...going,
      last: null,
      head: null,
    });
  });

  it('reads a cursor written before private messages as the topic sweep alone', () => {
    expect(readStreams('1500')).toEqual({ sweep: '1500', phase: '', conversations: '' });
  });

  it('takes a refused key for the account’s problem, not for private messages it may not list', async () => {
    const refused = (errors: string[]) =>
      Object.assign(new Error('403'), {
        isAxiosError: true,
        response: { status: 403, data: { errors, error_type: 'invalid_access' }, headers: {} },
      });
    let answer: unknown;
    const ctx = {
      account: { baseUrl: 'https://forum.example', credentials: { apiKey: 'k', username: 'porte-voix' } },
      http: {
        async get() {
          throw answer;
        },
      },
    } as unknown as ProviderContext;
    const cursor = '1500|conversations|';

    answer = refused(['You are not permitted to view the requested resource.']);
    const page = await discourse.fetchReplies({ since, remoteIds: [], cursor }, ctx);
    expect(page.notices).toEqual(['discourse.messagesRefused']);
    expect(readStreams(page.cursor).conversations).toMatch(/^off\d+$/);

    answer = refused([
      'You are not permitted to view the requested resource. The API username or key is invalid.',
    ]);
    await expect(discourse.fetchReplies({ since, remoteIds: [], cursor }, ctx)).rejects.toBe(answer);
  });

  it('finds where it stands when messages archived above move the next ones onto the page it has read', async () => {
    // A forum listing three messages a page, T7 bumped last; each holds one reader's post.
    let inbox = [7, 6, 5, 4, 3, 2, 1];
    const bumped = (id: number) => new Date(since.getTime() + id * 60_000).toISOString();
    const listed: number[] = [];
    const reader = {
      username: 'porte-voix',
      baseUrl: 'https://forum.example',
      headers: {},
      http: {
        async get(path: string, config: { params?: { page?: number } }) {
          const topic = /^\/t\/(\d+)\.json$/.exec(path);
          if (topic) {
            const id = Number(topic[1]);
            const post = { id: 100 + id, post_number: 1, username: `lecteur${id}`, created_at: bumped(id) };
            return {
              status: 200,
              data: { id, slug: `t${id}`, post_stream: { posts: [post], stream: [post.id] } },
            };
          }
          const page = config.params?.page ?? 0;
          listed.push(page);
          const topics = inbox
            .slice(page * 3, page * 3 + 3)
            .map((id) => ({ id, slug: `t${id}`, bumped_at: bumped(id) }));
          const more = inbox.length > page * 3 + 3;
          return { data: { topic_list: { topics, ...(more && { more_topics_url: `?page=${page + 1}` }) } } };
        },
      },
    } as unknown as TopicReader;
    const read: string[] = [];
    const call = async (cursor: string | null) => {
      const answer = await readPrivateMessages(reader, since, cursor);
      read.push(...answer.replies.map((r) => r.author));
      return answer;
    };

    let answer = await call(null);
    answer = await call(answer.cursor);
    expect(read).toEqual(['lecteur7', 'lecteur6', 'lecteur5']);
    expect(readMessagesDescent(answer.cursor, since)).toMatchObject({ page: 1, index: 0 });
    // The first page is read; the account archives T7: T4 moves up onto it.
    inbox = inbox.filter((id) => id !== 7);
    listed.length = 0;
    answer = await call(answer.cursor);
    expect(read).toContain('lecteur4');
    expect(listed).toEqual([1, 0]);
    while (answer.more) answer = await call(answer.cursor);
    expect(read.sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((id) => `lecteur${id}`));
  });
});
