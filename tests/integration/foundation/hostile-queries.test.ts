import fc from 'fast-check';

import { bootStrapi, type TestApp } from '../../harness/strapi';

/**
 * What a scanner or a curious visitor throws at the content API's read routes: the answer is a 2xx or a
 * 4xx with a message, never a 500, on SQLite and PostgreSQL alike.
 */
describe('hostile query strings on the public read routes (property-based)', () => {
  let app: TestApp;
  let routes: string[];

  beforeAll(async () => {
    app = await bootStrapi({ seedDemo: true });
    routes = ['/api/posts', '/api/campaigns', '/api/events', '/api/partnerships'];
    for (const uid of ['api::post.post', 'api::event.event'] as const) {
      const first = await app.strapi.documents(uid).findFirst({ status: 'published' });
      routes.push(`/api/${uid === 'api::post.post' ? 'posts' : 'events'}/${first.documentId}`);
    }
    routes.push('/api/posts/doesnotexist');
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** Percent-encodes every byte, so any string (NUL, control characters) reaches the server as sent. */
  const encode = (text: string) =>
    [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

  const bracket = fc.constantFrom(
    '[title]',
    '[slug]',
    '[campaign]',
    '[posts]',
    '[events]',
    '[partners]',
    '[contest]',
    '[prizes]',
    '[budget]',
    '[$eq]',
    '[$ne]',
    '[$in]',
    '[$notIn]',
    '[$lt]',
    '[$gte]',
    '[$contains]',
    '[$null]',
    '[$between]',
    '[$and]',
    '[$or]',
    '[$not]',
    '[$regex]',
    '[$where]',
    '[$raw]',
    '[0]',
    '[1]',
    '[99999]',
    '[]',
    '[populate]',
    '[on]',
    '[fields]',
    '[filters]',
    '[sort]',
    '[__proto__]',
    '[constructor]',
    '[prototype]',
    '[id]',
    '[documentId]',
    '[publishedAt]',
    '[locale]',
    '[page]',
    '[pageSize]',
    '[start]',
    '[limit]',
    '[withCount]'
  );
  const root = fc.constantFrom(
    'filters',
    'populate',
    'pagination',
    'sort',
    'fields',
    'locale',
    'status',
    'publicationState',
    'q',
    '_q',
    'hasPublishedVersion'
  );
  const key = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(root, fc.array(bracket, { maxLength: 24 }))
        .map(([name, rest]) => name + rest.join('')),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encode) }
  );
  const value = fc.oneof(
    fc.constantFrom(
      '%00',
      'a%00b',
      '%ED%A0%80',
      '%ED%B0%80',
      '%F0%9F',
      '%',
      '%%',
      '%zz',
      '99999999999999999999999',
      '-1',
      '0',
      '1e308',
      '-9223372036854775809',
      '2147483648',
      'NaN',
      'Infinity',
      'true',
      'null',
      '*',
      '**',
      'title:asc',
      'title:sideways',
      '%2A.%2A.%2A.%2A.%2A',
      'campaign.posts.campaign.posts.campaign.posts',
      '2024-13-45',
      'xx',
      '*',
      'draft',
      'published',
      'preview',
      '%5B%5D',
      '%7B%7D',
      '%27%3B%20DROP%20TABLE%20posts%3B%20--'
    ),
    fc.string({ maxLength: 40 }).map(encode),
    fc.string({ unit: 'binary', maxLength: 40 }).map(encode),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
    fc.double().map(String)
  );
  const query = fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 });

  it('never answers a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), query, async (route, pairs) => {
        const url = `${route}?${pairs.map(([name, text]) => `${name}=${text}`).join('&')}`;
        const response = await app.http().get(url);
        if (response.status >= 500)
          throw new Error(`${response.status} for GET ${url}: ${JSON.stringify(response.body)}`);
        if (response.status >= 400) expect(typeof response.body?.error?.message).toBe('string');
      }),
      { numRuns: 300 }
    );
  });

  it('answers a $between without its two bounds with a 400 naming it (a counterexample the property found)', async () => {
    const response = await app.http().get('/api/partnerships?filters[events][$between]=');
    expect(response.status).toBe(400);
    expect(response.body.error.details.field).toBe('filters[events][$between]');
    const both = await app
      .http()
      .get(
        '/api/partnerships?filters[createdAt][$between][0]=2020-01-01&filters[createdAt][$between][1]=2030-01-01'
      );
    expect(both.status).toBe(200);
  });
});
