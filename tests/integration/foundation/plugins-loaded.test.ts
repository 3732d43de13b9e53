import { bootStrapi, type TestApp } from '../../harness/strapi';

const PLUGINS = ['cross-post', 'moderation', 'engagement', 'contests'];

describe('the four Porte-voix plugins', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(PLUGINS)('%s is loaded', (pluginId) => {
    expect(app.strapi.plugin(pluginId)).toBeDefined();
  });

  // One read route per plugin that has a server API (engagement has none yet).
  it.each([
    ['cross-post', '/cross-post/networks'],
    ['moderation', '/moderation/comments/counts'],
    ['contests', '/contests/overview'],
  ])('%s answers an admin on %s and refuses anonymous callers', async (_plugin, route) => {
    const token = await app.adminToken();
    expect((await app.http().get(route).set('Authorization', `Bearer ${token}`)).status).toBe(200);
    expect((await app.http().get(route)).status).toBe(401);
  });

  it('registers the contest-entry content type inside the contests plugin, with no public route', async () => {
    expect(app.strapi.contentType('plugin::contests.contest-entry')).toBeDefined();
    const response = await app.http().get('/api/contest-entries');
    expect(response.status).toBe(404);
  });
});
