import discourse from '../discourse';
import { readMessagesDescent, writeMessagesDescent } from '../discourse-messages';
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
    });
    const between = { mark: 1700, floor: 1200, previous: 1300, page: null, index: 0 };
    const idle = { ...between, top: null, newest: null, topic: null, read: null };
    expect(writeMessagesDescent(idle)).toBe('1700 1200 1300');
    expect(readMessagesDescent('1700 1200 1300', since)).toEqual(idle);
    const going = { ...idle, page: 1, index: 7, top: 1800, newest: 1450, topic: 88, read: 1420 };
    expect(readMessagesDescent(writeMessagesDescent(going), since)).toEqual(going);
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
    expect(page.notice).toMatch(/refused to list the private messages of porte-voix/);
    expect(readStreams(page.cursor).conversations).toMatch(/^off\d+$/);

    answer = refused([
      'You are not permitted to view the requested resource. The API username or key is invalid.',
    ]);
    await expect(discourse.fetchReplies({ since, remoteIds: [], cursor }, ctx)).rejects.toBe(answer);
  });
});
