/** The settings page builds its account form from this answer: every network, its fields and limits. */
import { bootStrapi, type TestApp } from '../../harness/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false' } });
});
afterAll(async () => {
  await app?.stop();
});

const getNetworks = (token: string) =>
  app.http().get('/cross-post/networks').set('Authorization', `Bearer ${token}`);

describe('GET /cross-post/networks', () => {
  it('describes every network with their credential fields, base URL and limits', async () => {
    const response = await getNetworks(await app.adminToken());
    expect(response.status).toBe(200);
    const byId = Object.fromEntries(response.body.data.map((network: any) => [network.id, network]));
    expect(Object.keys(byId).sort()).toEqual(
      [
        'bluesky',
        'discord',
        'discourse',
        'facebook',
        'linkedin',
        'mastodon',
        'telegram',
        'pinterest',
        'instagram',
        'threads',
        'youtube',
        'wordpress',
        'x',
      ].sort()
    );

    expect(byId.bluesky).toEqual({
      id: 'bluesky',
      label: 'Bluesky',
      credentialFields: [
        { name: 'identifier', labelKey: 'credential.identifier', secret: false, required: true },
        { name: 'appPassword', labelKey: 'credential.appPassword', secret: true, required: true },
      ],
      selfHosted: true,
      defaultBaseUrl: 'https://bsky.social',
      limits: { textLength: 300, images: 4 },
    });
    expect(byId.x.credentialFields.map((field: any) => [field.name, field.secret, field.required])).toEqual([
      ['accessToken', true, true],
      ['refreshToken', true, false],
      ['clientId', false, false],
      ['clientSecret', true, false],
    ]);
    expect(byId.telegram.limits).toEqual({ textLength: 4096, captionLength: 1024, images: 1 });
    expect(byId.mastodon).toMatchObject({ selfHosted: true, limits: { textLength: 500, images: 4 } });
    expect(byId.wordpress).toMatchObject({ selfHosted: true, defaultBaseUrl: '' });
    expect(byId.wordpress.credentialFields.map((field: any) => [field.name, field.secret])).toEqual([
      ['username', false],
      ['appPassword', true],
      ['categories', false],
      // Where the post waits until its time: our dispatcher (the default) or the blog itself.
      ['scheduleOn', false],
    ]);
    expect(byId.discourse).toMatchObject({ selfHosted: true, limits: { textLength: 32_000, images: 10 } });
    expect(byId.pinterest.limits).toEqual({ textLength: 800, images: 1 });
    expect(byId.instagram.limits).toEqual({ textLength: 2_200, images: 10 });
    expect(byId.threads.limits).toEqual({ textLength: 500, images: 20 });
    expect(byId.youtube.limits).toEqual({ textLength: 5_000, images: 1 });
    for (const id of [
      'x',
      'facebook',
      'linkedin',
      'discord',
      'telegram',
      'pinterest',
      'instagram',
      'threads',
      'youtube',
    ])
      expect([id, byId[id].selfHosted]).toEqual([id, false]);
  });

  it('answers only admins allowed to read cross-post', async () => {
    const editor = await app.adminToken({ roleCode: 'strapi-editor' });
    expect((await getNetworks(editor)).status).toBe(403);
    expect((await app.http().get('/cross-post/networks')).status).toBe(401);
  });
});
