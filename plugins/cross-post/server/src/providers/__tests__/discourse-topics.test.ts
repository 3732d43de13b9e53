import { readTopicSweep, sweepTopics, writeTopicSweep, type TopicReader } from '../discourse-topics';

describe('sweeping the Discourse topics of our posts', () => {
  it('keeps where the sweep stands in its cursor, and starts from nothing without one', () => {
    expect(readTopicSweep(null)).toEqual({ after: 0, newest: null, post: null, topic: null, read: null });
    const standing = { after: 1200, newest: 1500, post: '1300', topic: 77, read: 1420 };
    expect(readTopicSweep(writeTopicSweep(standing))).toEqual(standing);
    const done = { after: 1500, newest: null, post: null, topic: null, read: null };
    expect(writeTopicSweep(done)).toBe('1500');
    expect(readTopicSweep('1500')).toEqual(done);
  });

  it('passes a post deleted on the forum and ends the sweep at the newest post it started from', async () => {
    const asked: string[] = [];
    const reader = {
      headers: {},
      baseUrl: 'https://forum.example',
      username: 'porte-voix',
      http: {
        async get(url: string) {
          asked.push(url);
          if (url === '/posts.json') return { status: 200, data: { latest_posts: [{ id: 2000 }] } };
          return { status: 404, data: { errors: ['not found'], error_type: 'not_found' } };
        },
      },
    } as unknown as TopicReader;

    const page = await sweepTopics(
      reader,
      ['1100'],
      writeTopicSweep({ after: 1000, newest: null, post: null, topic: null, read: null })
    );
    expect(page).toEqual({ replies: [], cursor: '2000', more: false });
    expect(asked).toEqual(['/posts.json', '/posts/1100.json']);
  });
});
