/**
 * Saved searches: what listening looks for and where, written by those allowed to, refused with a
 * reason when incomplete; each place a search runs on is a source whose state the admin shows.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { unique } from '../inbox/helpers';

describe('listening: saved searches', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false' } });
    token = await app.adminToken();
  });
  afterAll(async () => {
    await app?.stop();
  });

  const as = (who: string, method: 'get' | 'post' | 'put' | 'delete', url: string, body?: object) => {
    const request = app.http()[method](url).set('Authorization', `Bearer ${who}`);
    return body ? request.send(body) : request;
  };

  const brand = (overrides: object = {}) => ({
    name: unique('Porte-voix'),
    kind: 'brand',
    terms: ['Porte-voix', '#portevoix'],
    exclusions: ['porte-voix électrique'],
    languages: ['fr', 'en'],
    feeds: ['https://blog.example.org/feed.xml', 'https://alerts.example.org/atom'],
    ...overrides,
  });

  it('creates a search with one source per feed, changes it keeping what stays, and deletes it', async () => {
    const created = await as(token, 'post', '/moderation/listening/searches', brand());
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      kind: 'brand',
      terms: ['Porte-voix', '#portevoix'],
      languages: ['fr', 'en'],
      enabled: true,
    });
    expect(created.body.data.sources.map((s: any) => s.feedUrl).sort()).toEqual([
      'https://alerts.example.org/atom',
      'https://blog.example.org/feed.xml',
    ]);
    const id = created.body.data.id;
    const kept = created.body.data.sources.find((s: any) => s.feedUrl.includes('blog')).key;
    await app.strapi
      .query('plugin::moderation.listening-source' as any)
      .updateMany({ where: { searchId: id, sourceKey: kept }, data: { cursor: 'seen-up-to-here' } });

    const changed = await as(token, 'put', `/moderation/listening/searches/${id}`, {
      ...brand({ name: created.body.data.name, kind: 'competitor' }),
      feeds: ['https://blog.example.org/feed.xml', 'https://forum.example.org/rss'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data.kind).toBe('competitor');
    expect(changed.body.data.sources.map((s: any) => s.feedUrl).sort()).toEqual([
      'https://blog.example.org/feed.xml',
      'https://forum.example.org/rss',
    ]);
    const row = await app.strapi
      .query('plugin::moderation.listening-source' as any)
      .findOne({ where: { searchId: id, sourceKey: kept } });
    expect(row.cursor).toBe('seen-up-to-here');

    const list = await as(token, 'get', '/moderation/listening/searches');
    expect(list.body.data.map((s: any) => s.id)).toContain(id);
    expect((await as(token, 'delete', `/moderation/listening/searches/${id}`)).status).toBe(200);
    expect(
      await app.strapi.query('plugin::moderation.listening-source' as any).count({ where: { searchId: id } })
    ).toBe(0);
    const gone = await as(token, 'get', `/moderation/listening/searches/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.details.reason).toBe('saved_search_not_found');
  });

  it('says what is wrong: terms, languages, kind, sources, a name already used, a network without account', async () => {
    const bad = await as(token, 'post', '/moderation/listening/searches', {
      name: '',
      kind: 'friend',
      terms: [],
      languages: ['de'],
      feeds: ['ftp://example.org/feed'],
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.issues.map((issue: any) => issue.path);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind', 'terms', 'languages.0', 'feeds.0']));

    const nowhere = await as(token, 'post', '/moderation/listening/searches', brand({ feeds: [] }));
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.message).toMatch(/at least one network or feed/);

    const first = await as(token, 'post', '/moderation/listening/searches', brand());
    const twice = await as(
      token,
      'post',
      '/moderation/listening/searches',
      brand({ name: first.body.data.name.toUpperCase() })
    );
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.field).toBe('name');

    const noAccount = await as(token, 'post', '/moderation/listening/searches', brand({ networks: ['x'] }));
    expect(noAccount.status).toBe(400);
    expect(noAccount.body.error.message).toMatch(/no connected x account can search/);
  });

  it('lets a role with "read" see the searches but not write them', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
    await app.strapi.db.query('admin::permission').create({
      data: {
        action: 'plugin::moderation.read',
        role: role.id,
        subject: null,
        properties: {},
        conditions: [],
      },
    });
    const reader = await app.adminToken({ roleCode: 'strapi-author' });
    expect((await as(reader, 'get', '/moderation/listening/searches')).status).toBe(200);
    expect((await as(reader, 'post', '/moderation/listening/searches', brand())).status).toBe(403);
  });
});
