import fc from 'fast-check';

import {
  anything as anyJson,
  expectAnswered,
  hostileString,
  hugeNumber,
  postChunked,
  sendJson,
} from '../../harness/hostile-input';
import type { TestApp } from '../../harness/strapi';
import { moderationApp } from './helpers';

/**
 * Random and hostile bodies thrown at every public route: the answer is always a 2xx or a 4xx
 * with a message, never a 500, and nothing that comes back holds markup a browser would run.
 */
// What would open a tag for an HTML parser: "<" right before a letter, "/", "!" or "?" ("a < b" does not).
const EXECUTABLE = /<[a-z!/?]/i;

describe('moderation: hostile input to the public API (property-based)', () => {
  let app: TestApp;
  let baseUrl: string;
  let postId: string;
  let publishedId: string;
  const { submit } = moderationApp(async (session) => {
    ({ app, postId } = session);
    baseUrl = await app.listen();
    const published = await submit({
      data: {
        target: { type: 'post', documentId: postId },
        authorName: 'Lecteur',
        authorEmail: 'lecteur@example.org',
        content: 'Un commentaire à signaler',
      },
    });
    publishedId = published.body.data.id;
  });

  const hostileText = hostileString(
    '<svg/onload=alert(1)>',
    '<!--<script>-->',
    '<a href="javascript:alert(1)">x</a>',
    '"><iframe src=//evil>',
    "'; DROP TABLE moderation_comments; --",
    '\u0000\u202e\u200b',
    'nul\u0000<\u0000script>alert(1)',
    'seul \ud800 et \udfff',
    '<<a' + '<'.repeat(300),
    '<a'.repeat(2000) + '>'.repeat(2000) + '<img src=x onerror=alert(1)>',
    '<scr'.repeat(500) + '<script>ipt>'.repeat(500)
  );
  const anything = fc.oneof(anyJson, hugeNumber);
  const commentBody = fc.record(
    {
      target: fc.oneof(
        fc.record({
          type: fc.constantFrom('post', 'event', 'page'),
          documentId: fc.oneof(fc.constant(postId), hostileText),
        }),
        anything
      ),
      parent: fc.oneof(hostileText, anything),
      authorName: fc.oneof(hostileText, anything),
      authorEmail: fc.oneof(fc.emailAddress(), hostileText, anything),
      content: fc.oneof(hostileText, anything),
      locale: fc.oneof(fc.constantFrom('fr', 'en'), hostileText),
      website: fc.oneof(fc.constant(''), hostileText),
    },
    { requiredKeys: [] }
  );

  /** Answered, and nothing that comes back holds markup a browser would run. */
  const expectSafe = (response: any) => {
    expectAnswered(response);
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
          const response = await sendJson(app, '/api/moderation/comments', body);
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
      fc.asyncProperty(hostileText, hostileText, async (content, authorName) => {
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
        // Whole URLs stay under Node's 16 KB header limit, which answers before any route does.
        fc.dictionary(
          fc.string({ maxLength: 12 }),
          fc.oneof(
            hostileText.filter((value) => value.length < 1_000),
            hugeNumber.map(String),
            fc.constant(`post:${postId}`)
          ),
          { maxKeys: 4 }
        ),
        async (query) => {
          expectSafe(await app.http().get('/api/moderation/comments').query(query));
        }
      ),
      { numRuns: 80 }
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // A lone surrogate cannot be put in a URL at all: the client would fail, not the server.
          hostileText
            .filter((id) => id.trim() !== '')
            .map((id) => encodeURIComponent(id.replace(/[\ud800-\udfff]/g, '\ufffd'))),
          fc.constant('x'),
          fc.constant(publishedId)
        ),
        fc.oneof(
          fc.object(),
          fc.record({ data: fc.record({ reason: hostileText, note: hostileText }) }),
          fc.record({
            data: fc.record(
              {
                reason: fc.oneof(fc.constantFrom('spam', 'other'), anything),
                note: fc.oneof(hostileText, anything),
              },
              { requiredKeys: [] }
            ),
          })
        ),
        async (id, body) => {
          expectSafe(await sendJson(app, `/api/moderation/comments/${id}/report`, body));
        }
      ),
      { numRuns: 80 }
    );
  });
  const publicPostRoutes = () => [
    '/api/moderation/comments',
    `/api/moderation/comments/${publishedId}/report`,
  ];

  it('answers deep JSON, huge numbers, NUL characters and lone surrogates on every POST route, chunked or not', async () => {
    const deep = (depth: number) => `{"data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const bodies = [
      deep(20),
      deep(5_000),
      `{"data":{"content":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}}`,
      '{"data":{"target":{"type":"post","documentId":1e999},"page":-1e999,"content":123456789012345678901234567890}}',
      '{"data":{"reason":1e308,"note":1e999}}',
      '{"data":{"content":"\\u0000","authorName":"\\ud800"}}',
      '{"data":{"content":"\u0000\u0000"}}',
      '{"data":{"reason":"spam","note":"\\udc00<scr<script>ipt>"}}',
      '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    ];
    for (const path of publicPostRoutes()) {
      for (const body of bodies) {
        for (const send of [
          () => postChunked(`${baseUrl}${path}`, body),
          () => app.http().post(path).set('content-type', 'application/json').send(body),
        ]) {
          expectSafe(await send());
        }
      }
    }
  });

  it('takes hostile comments and reports sent in chunks without a 500 or stored markup', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...publicPostRoutes()),
        fc.oneof(
          commentBody.map((data) => ({ data })),
          fc.record({ data: fc.record({ reason: fc.constantFrom('spam', 'abuse'), note: hostileText }) })
        ),
        async (path, body) => {
          expectSafe(await postChunked(`${baseUrl}${path}`, JSON.stringify(body)));
        }
      ),
      { numRuns: 60 }
    );
  });

  it('never stores text that a browser would run, in a comment or a report', async () => {
    const comments = await app.strapi.db
      .query('plugin::moderation.comment')
      .findMany({ select: ['content', 'authorName'] });
    expect(comments.length).toBeGreaterThan(0);
    for (const row of comments) {
      expect(row.content).not.toMatch(EXECUTABLE);
      expect(row.authorName).not.toMatch(EXECUTABLE);
    }
    const reports = await app.strapi.db.query('plugin::moderation.report').findMany({ select: ['note'] });
    for (const row of reports) expect(row.note ?? '').not.toMatch(EXECUTABLE);
  });
});
