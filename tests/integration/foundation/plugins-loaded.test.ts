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

  it.each(PLUGINS)('%s is loaded and its admin route answers an admin', async (pluginId) => {
    expect(app.strapi.plugin(pluginId)).toBeDefined();
    const token = await app.adminToken();
    const response = await app.http().get(`/${pluginId}/status`).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body.data.plugin).toBe(pluginId);
    expect(response.body.data.services).toContain('status');
  });

  it.each(PLUGINS)('%s admin route refuses anonymous callers', async (pluginId) => {
    const response = await app.http().get(`/${pluginId}/status`);
    expect(response.status).toBe(401);
  });

  it('registers the contest-entry content type inside the contests plugin, with no public route', async () => {
    expect(app.strapi.contentType('plugin::contests.contest-entry')).toBeDefined();
    const response = await app.http().get('/api/contest-entries');
    expect(response.status).toBe(404);
  });
});
