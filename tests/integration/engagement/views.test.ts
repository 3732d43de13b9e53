import { bootStrapi, type TestApp } from '../../harness/strapi';
import { BROWSER, createEvent, createPost, flushTraffic, TRAFFIC_ENV } from './traffic-helpers';

/** The page-view beacon: `POST /api/engagement/views` from frontends. */
describe('page-view beacon', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({
      env: {
        ...TRAFFIC_ENV,
        ENGAGEMENT_TRAFFIC_FLUSH_MS: '60000',
        ENGAGEMENT_VIEWS_RATE_LIMIT_MAX: '5',
        ENGAGEMENT_VIEWS_RATE_LIMIT_WINDOW_SECONDS: '3600',
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  let address = 0;
  /** Each test comes from its own address, so the rate limit of one does not spill over. */
  const fromNewVisitor = () => `198.51.100.${++address}`;
  const beacon = (body: unknown, { ip = fromNewVisitor(), userAgent = BROWSER, type = 'json' } = {}) => {
    const call = app
      .http()
      .post('/api/engagement/views')
      .set('X-Forwarded-For', ip)
      .set('User-Agent', userAgent);
    return type === 'text'
      ? call.set('Content-Type', 'text/plain;charset=UTF-8').send(body as string)
      : call.send(body as object);
  };
  const daily = (type: string, documentId: string) =>
    app.strapi.db
      .query('plugin::engagement.view-daily' as any)
      .findMany({ where: { targetType: type, targetDocumentId: documentId } });

  it('counts a view of a published post once per visitor and hour, bots apart', async () => {
    const post = await createPost(app.strapi);
    const ip = fromNewVisitor();
    for (let i = 0; i < 3; i += 1) {
      const response = await beacon({ post: post.documentId, path: '/blog/article' }, { ip });
      expect(response.status).toBe(202);
    }
    await beacon({ post: post.documentId });
    await beacon({ post: post.documentId }, { userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1)' });
    await flushTraffic(app);
    const [row] = await daily('post', post.documentId);
    expect(row).toMatchObject({ views: 2, uniqueVisitors: 2, botViews: 1 });
  });

  it('counts events in their own time zone', async () => {
    const event = await createEvent(app.strapi, { timeZone: 'Pacific/Auckland' });
    expect((await beacon({ event: event.documentId })).status).toBe(202);
    await flushTraffic(app);
    const [row] = await daily('event', event.documentId);
    expect(row.day).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(new Date())
    );
  });

  it('reads the text/plain body navigator.sendBeacon sends', async () => {
    const post = await createPost(app.strapi);
    const response = await beacon(JSON.stringify({ post: post.documentId }), { type: 'text' });
    expect(response.status).toBe(202);
  });

  it('answers 404 for an unknown or unpublished document', async () => {
    const draft = await createPost(app.strapi, { published: false });
    const unknown = await beacon({ post: 'nosuchpost00000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.reason).toBe('post_not_found');
    expect((await beacon({ post: draft.documentId })).status).toBe(404);
    expect((await beacon({ event: draft.documentId })).status).toBe(404);
  });

  it.each([
    ['an empty body', {}, 'post'],
    ['both a post and an event', { post: 'abc', event: 'def' }, 'post'],
    ['a documentId that is not one', { post: 'ABC-../x' }, 'post'],
    ['a number for a documentId', { event: 42 }, 'event'],
    ['a path that is not a path', { post: 'abc', path: 'https://evil.example/' }, 'path'],
    ['a path with a line break', { post: 'abc', path: '/a\nb' }, 'path'],
    ['an unknown field', { post: 'abc', views: 1000 }, ''],
  ])('refuses %s with a 400 that names the field', async (_, body, field) => {
    const response = await beacon(body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.reason).toBe('invalid_input');
    expect(response.body.error.details.field).toBe(field);
  });

  it('refuses a text body that is not JSON', async () => {
    expect((await beacon('post=abc', { type: 'text' })).status).toBe(400);
  });

  it('limits each visitor, with a 429 that says when to come back', async () => {
    const post = await createPost(app.strapi);
    const ip = fromNewVisitor();
    for (let i = 0; i < 5; i += 1) expect((await beacon({ post: post.documentId }, { ip })).status).toBe(202);
    const refused = await beacon({ post: post.documentId }, { ip });
    expect(refused.status).toBe(429);
    expect(refused.body.error.details.reason).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    // Another visitor is not affected.
    expect((await beacon({ post: post.documentId })).status).toBe(202);
  });
});
