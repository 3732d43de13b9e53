import fc from 'fast-check';

import { encodePath, expectAnswered, hostileString, hugeNumber } from '../../harness/hostile-input';
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { createAccount, createPost } from './helpers';

/**
 * Hostile text thrown at every cross-post admin route that takes user text (preview, schedule,
 * account create and update): NUL, lone surrogates, nested markup, deep JSON, huge numbers. The
 * answer is a 2xx or a 4xx with a message, never a 500, on every database.
 */
describe('cross-post: hostile input to the admin API (property-based)', () => {
  let app: TestApp;
  let fakes: Fakes;
  let token: string;
  let postId: string;
  let accountId: number;

  beforeAll(async () => {
    fakes = await startFakes();
    app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) } });
    token = await app.adminToken();
    postId = await createPost(app.strapi, { fr: 'Texte de départ' });
    accountId = (await createAccount(app.strapi, fakes, 'telegram')).id;
  });
  afterAll(async () => {
    await app?.stop();
    await fakes?.stop();
  });

  const deepJson = (depth: number): unknown =>
    Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), 'fond');
  const hostileText = hostileString(
    '\uDFFF',
    '<div><div><div><script>alert(1)</script></div></div></div>',
    '<<<<>>>>'.repeat(200),
    '#c++ (fr [x \\',
    'https://attacker.example',
    'javascript:alert(1)',
    "'; DROP TABLE cross_post_accounts; --"
  );
  const value = fc.oneof(
    hostileText,
    hugeNumber,
    fc.constant(deepJson(300)),
    fc.anything({ maxDepth: 3, withNullPrototype: true })
  );
  const network = fc.oneof(
    fc.constantFrom('mastodon', 'bluesky', 'x', 'facebook', 'linkedin', 'discord', 'telegram'),
    hostileText
  );
  // Well-formed Telegram accounts with one hostile text each: these reach the database.
  const almostValidAccount = fc.record({
    network: fc.constant('telegram'),
    name: fc.oneof(fc.constant('Telegram'), hostileText),
    language: fc.constantFrom('fr', 'en'),
    credentials: fc.record({
      // Astral characters at the end: the hint shows the last four, never half of one (a 500 on PostgreSQL).
      botToken: fc.oneof(fc.constant('123:ABC'), fc.constant('abcdefghijkl\u{10000}\u{10000}x'), hostileText),
      chatId: fc.oneof(fc.constant('@chan'), hostileText),
    }),
  });
  const anyAccountBody = fc.record(
    {
      network,
      name: fc.oneof(hostileText, value),
      baseUrl: fc.oneof(hostileText, fc.constant(`http://127.0.0.1:1/${'\u0000'}`), value),
      language: fc.oneof(fc.constantFrom('fr', 'en', null), hostileText),
      credentials: fc.oneof(
        fc.dictionary(
          fc.oneof(fc.constantFrom('botToken', 'chatId', 'accessToken'), hostileText),
          hostileText
        ),
        value
      ),
    },
    { requiredKeys: [] }
  );
  const accountBody = fc.oneof(almostValidAccount, anyAccountBody);
  const scheduleBody = fc.record(
    {
      accountIds: fc.oneof(
        fc.array(
          fc.oneof(
            fc.constant(0).map(() => accountId),
            hugeNumber,
            fc.integer()
          ),
          { maxLength: 4 }
        ),
        value
      ),
      scheduledAt: fc.oneof(fc.constant(new Date(Date.now() + 3600_000).toISOString()), hostileText, value),
    },
    { requiredKeys: [] }
  );

  const send = (method: 'post' | 'put', url: string, body: unknown) => {
    const agent = app.http();
    return (method === 'post' ? agent.post(`/cross-post${url}`) : agent.put(`/cross-post${url}`))
      .set('Authorization', `Bearer ${token}`)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body) ?? 'null');
  };

  // Hundreds of requests per property: room for a machine shared with other work.
  const PROPERTY_TIMEOUT_MS = 300_000;

  it(
    'account create and update answer any body with a 2xx or a 4xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(accountBody, async (body) => {
          expectAnswered(await send('post', '/accounts', body));
          expectAnswered(await send('put', `/accounts/${accountId}`, body));
        }),
        { numRuns: 60 }
      );
    },
    PROPERTY_TIMEOUT_MS
  );

  it(
    'schedule and preview answer any body, path or query with a 2xx or a 4xx',
    async () => {
      const pathPart = fc.oneof(
        fc.constant(postId),
        hostileText.filter((s) => s.trim() !== '').map(encodePath)
      );
      await fc.assert(
        fc.asyncProperty(pathPart, scheduleBody, async (documentId, body) => {
          expectAnswered(await send('post', `/posts/${documentId}/deliveries`, body));
        }),
        { numRuns: 60 }
      );
      await fc.assert(
        fc.asyncProperty(
          pathPart,
          fc.oneof(
            fc.constant(0).map(() => String(accountId)),
            hostileText,
            hugeNumber.map(String),
            fc.constant('99999999999999999999')
          ),
          async (documentId, accountIds) => {
            expectAnswered(
              await app
                .http()
                .get(`/cross-post/posts/${documentId}/preview`)
                .query({ accountIds })
                .set('Authorization', `Bearer ${token}`)
            );
          }
        ),
        { numRuns: 60 }
      );
    },
    PROPERTY_TIMEOUT_MS
  );

  it('answers ids out of range in paths with a 4xx', async () => {
    for (const id of ['1e308', '99999999999999999999', '2147483648', '-1', '0x10', '1.5']) {
      expectAnswered(await send('put', `/accounts/${id}`, { name: 'x' }));
      expectAnswered(await send('post', `/deliveries/${id}/retry`, {}));
      expectAnswered(await send('post', `/deliveries/${id}/cancel`, {}));
    }
  });
});
