/**
 * Solo teams: with the setting on, an admin holding `bypass` schedules an unapproved post by asking
 * for it explicitly; it sends the live post. Without asking, the approval rule still holds.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { createAccount } from '../cross-post/helpers';

let app: TestApp;
let fakes: Fakes;
let token: string;

beforeAll(async () => {
  fakes = await startFakes();
  app = await bootStrapi({
    env: { EDITORIAL_ALLOW_BYPASS: 'true', CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) },
  });
  token = await app.adminToken();
});
afterAll(async () => {
  await app?.stop();
  await fakes?.stop();
});

it('lets an admin with bypass schedule an unapproved post only when asked for explicitly', async () => {
  const account = await createAccount(app.strapi, fakes, 'mastodon');
  const text = `Équipe solo ${Date.now()}`;
  const post = await app.strapi
    .documents('api::post.post' as any)
    .create({ locale: 'fr', data: { title: 'Solo', body: text } as any });
  const schedule = (body: object) =>
    app
      .http()
      .post(`/cross-post/posts/${post.documentId}/deliveries`)
      .set('Authorization', `Bearer ${token}`)
      .send({ accountIds: [account.id], ...body });

  expect((await schedule({})).body.error.details.reason).toBe('not_approved');
  const bypassed = await schedule({ bypassApproval: true });
  expect(bypassed.status).toBe(201);
  expect(bypassed.body.data[0]).toMatchObject({ bypassApproval: true, approvalHash: null });

  const editor = await app.adminToken({ roleCode: 'strapi-editor' });
  const refused = await app
    .http()
    .post(`/cross-post/posts/${post.documentId}/deliveries`)
    .set('Authorization', `Bearer ${editor}`)
    .send({ accountIds: [account.id], bypassApproval: true });
  expect(refused.status).toBe(403);

  await app.strapi.plugin('cross-post').service('dispatcher').runOnce();
  expect(fakes.mastodon.published.map((p) => p.text)).toEqual([text]);
});
