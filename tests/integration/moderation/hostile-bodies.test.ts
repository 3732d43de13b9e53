import fc from 'fast-check';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createPost, relaxed, setSettings } from './helpers';

/**
 * Random and hostile bodies thrown at every public route: the answer is always a 2xx or a 4xx
 * with a message, never a 500, and nothing that comes back holds markup a browser would run.
 */
// What would open a tag for an HTML parser: "<" right before a letter, "/", "!" or "?" ("a < b" does not).
const EXECUTABLE = /<[a-z!/?]/i;

describe('moderation: hostile input to the public API (property-based)', () => {
  let app: TestApp;
  let postId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    await setSettings(app.strapi, relaxed);
    postId = (await createPost(app.strapi)).documentId;
  });
  afterAll(async () => {
    await app?.stop();
  });

  const hostileString = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<scr<script>ipt>alert(1)</script>',
      '<svg/onload=alert(1)>',
      '<!--<script>-->',
      '<a href="javascript:alert(1)">x</a>',
      '"><iframe src=//evil>',
      "'; DROP TABLE moderation_comments; --",
      '{"$gt": ""}',
      '__proto__',
      '\u0000\u202e\u200b',
      'a'.repeat(6000)
    )
  );
  const anything = fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true });
  const commentBody = fc.record(
    {
      target: fc.oneof(
        fc.record({
          type: fc.constantFrom('post', 'event', 'page'),
          documentId: fc.oneof(fc.constant(postId), hostileString),
        }),
        anything
      ),
      parent: fc.oneof(hostileString, anything),
      authorName: fc.oneof(hostileString, anything),
      authorEmail: fc.oneof(fc.emailAddress(), hostileString, anything),
      content: fc.oneof(hostileString, anything),
      locale: fc.oneof(fc.constantFrom('fr', 'en'), hostileString),
      website: fc.oneof(fc.constant(''), hostileString),
    },
    { requiredKeys: [] }
  );

  /** Any JSON value as a body, even a bare number or null. */
  const sendJson = (url: string, body: unknown) =>
    app
      .http()
      .post(url)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body) ?? 'null');

  const expectSafe = (response: any) => {
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) expect(typeof response.body?.error?.message).toBe('string');
    expect(JSON.stringify(response.body ?? {})).not.toMatch(EXECUTABLE);
  };

  it('POST /api/moderation/comments never fails and never stores markup', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Objects and arrays at the top: Strapi's body parser refuses a bare JSON value (tested below).
        fc.oneof(
          commentBody.map((data) => ({ data })),
          fc.object(),
          fc.array(anything, { maxLength: 3 })
        ),
        async (body) => {
          const response = await sendJson('/api/moderation/comments', body);
          expectSafe(response);
        }
      ),
      { numRuns: 150 }
    );
    const stored = await app.strapi.db
      .query('plugin::moderation.comment')
      .findMany({ select: ['content', 'authorName'] });
    for (const row of stored) {
      expect(row.content).not.toMatch(EXECUTABLE);
      expect(row.authorName).not.toMatch(EXECUTABLE);
    }
  });

  it('answers a bare JSON value with a 400', async () => {
    for (const body of ['42', '"text"', 'null']) {
      const response = await app
        .http()
        .post('/api/moderation/comments')
        .set('content-type', 'application/json')
        .send(body);
      expect(response.status).toBe(400);
    }
  });

  it('always-valid comments full of markup come back inert from the public list', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (content, authorName) => {
        const response = await app
          .http()
          .post('/api/moderation/comments')
          .send({
            data: {
              target: { type: 'post', documentId: postId },
              authorName: `${authorName} x`,
              authorEmail: 'fuzz@example.org',
              content: `${content} ok`,
            },
          });
        expectSafe(response);
      }),
      { numRuns: 60 }
    );
    await app.strapi.db
      .query('plugin::moderation.comment')
      .updateMany({ where: { targetKey: `post:${postId}` }, data: { status: 'approved' } });
    const list = await app.http().get(`/api/moderation/comments?target=post:${postId}&pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    expectSafe(list);
  });

  it('GET /api/moderation/comments and the report route answer any query or body with a 2xx or a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(hostileString, fc.constant(`post:${postId}`))),
        async (query) => {
          expectSafe(await app.http().get('/api/moderation/comments').query(query));
        }
      ),
      { numRuns: 80 }
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileString.filter((id) => id.trim() !== '').map(encodeURIComponent), fc.constant('x')),
        fc.oneof(fc.object(), fc.record({ data: fc.record({ reason: hostileString, note: hostileString }) })),
        async (id, body) => {
          expectSafe(await sendJson(`/api/moderation/comments/${id}/report`, body));
        }
      ),
      { numRuns: 80 }
    );
  });
});
