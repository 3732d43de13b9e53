import { bootStrapi, type TestApp } from '../../harness/strapi';

/** A frontend's mistakes get a 4xx that says what is wrong, never a 500. */
describe('bad input to the public content API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi({ seedDemo: true });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const cases: [string, string][] = [
    ['an unknown filter field', '/api/posts?filters[nope][$eq]=1'],
    ['an unknown operator', '/api/posts?filters[title][$regex]=.*'],
    ['sorting on an unknown field', '/api/events?sort=nope:asc'],
    ['populating an unknown relation', '/api/events?populate=nope'],
    ['a non-numeric page size', '/api/posts?pagination[pageSize]=many'],
    ['a negative page', '/api/posts?pagination[page]=-1'],
    ['an unknown locale', '/api/posts?locale=xx'],
  ];

  it.each(cases)('%s gets a 4xx with a message', async (_label, url) => {
    const response = await app.http().get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(typeof response.body.error?.message).toBe('string');
    expect(response.body.error.message.length).toBeGreaterThan(0);
  });

  const chain = (relations: string[], leaf: string) => relations.map((name) => `[${name}]`).join('') + leaf;

  it.each([
    [
      'five levels of populate',
      `/api/events?populate${chain(['campaign', 'populate', 'posts', 'populate', 'campaign', 'populate', 'events', 'populate'], '=*')}`,
    ],
    ['a dotted populate five relations deep', '/api/events?populate=campaign.posts.campaign.events.partners'],
    [
      'a populate bomb through every relation',
      `/api/posts?populate${'[campaign][populate][posts][populate]'.repeat(4)}=*`,
    ],
  ])('%s is a 400 naming populate', async (_label, url) => {
    const response = await app.http().get(url);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/populate/);
  });

  it('four levels of populate are fine', async () => {
    const response = await app.http().get('/api/events?populate=campaign.posts.campaign.events');
    expect(response.status).toBe(200);
  });

  it('filters nested nine levels deep are a 400 naming filters', async () => {
    const response = await app
      .http()
      .get(
        `/api/posts?filters${chain(['campaign', 'posts', 'campaign', 'posts', 'campaign', 'posts', 'campaign', 'slug'], '[$eq]=x')}`
      );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/filters/);
  });

  it('a NUL character in a filter is a 400, on every database', async () => {
    const response = await app.http().get('/api/posts?filters[title][$eq]=a%00b');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/NUL/);
  });

  it('an unknown document id is a 404', async () => {
    const response = await app.http().get('/api/events/doesnotexist');
    expect(response.status).toBe(404);
  });
});
