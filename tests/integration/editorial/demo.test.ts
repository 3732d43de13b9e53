/**
 * The demo a newcomer opens: an author and an approver to log in as, and demo posts that went
 * through the workflow (submitted by the author, approved by the approver, in both locales).
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { DEMO_POSTS } from '../../../src/seed/demo-content';
import { DEMO_REVIEWERS } from '../../../src/bootstrap/demo-reviewers';

const POST = 'api::post.post';
let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi({ seedDemo: true, env: { PORTE_VOIX_DEV_ADMIN: 'true' } });
});
afterAll(async () => {
  await app?.stop();
});

it('creates the demo author and approver with the permissions of their part', async () => {
  for (const person of Object.values(DEMO_REVIEWERS)) {
    const user = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: person.email }, populate: ['roles'] });
    expect(user.roles.map((role: any) => role.code)).toEqual([person.role]);
    const login = await app
      .http()
      .post('/admin/login')
      .send({ email: person.email, password: person.password });
    expect(login.status).toBe(200);
  }
  const approverRole = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  const granted = await app.strapi.db
    .query('admin::permission')
    .findMany({ where: { role: { id: approverRole.id }, action: { $startsWith: 'plugin::editorial.' } } });
  expect(granted.map((p: any) => p.action).sort()).toEqual([
    'plugin::editorial.approve',
    'plugin::editorial.read',
    'plugin::editorial.submit',
  ]);
});

it('takes the demo posts through the workflow, approved by someone other than their author', async () => {
  const workflow = app.strapi.plugin('editorial').service('workflow');
  const expected = { draft: [], in_review: ['submitted'], approved: ['submitted', 'approved'] };
  for (const post of DEMO_POSTS) {
    const found = await app.strapi
      .documents(POST as any)
      .findFirst({ locale: 'fr', filters: { title: post.text.fr.title } as any });
    for (const locale of ['fr', 'en']) {
      const key = { uid: POST, documentId: found!.documentId, locale };
      const row = await app.strapi.db
        .query(POST as any)
        .findOne({ where: { documentId: key.documentId, locale } });
      expect([post.text.fr.title, locale, row.editorialStatus]).toEqual([
        post.text.fr.title,
        locale,
        post.editorialStatus,
      ]);
      const history = await workflow.history(key);
      expect(history.map((entry: any) => entry.action)).toEqual(expected[post.editorialStatus]);
      if (post.editorialStatus === 'approved') {
        expect(history.map((entry: any) => entry.actorName)).toEqual(['Léa Autrice', 'Sam Approver']);
        expect(await workflow.approvedVersion(key)).toMatchObject({
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
      }
    }
  }
});

it('opens the demo contests with their rules approved by someone other than their author, in both locales', async () => {
  const EVENT = 'api::event.event';
  const workflow = app.strapi.plugin('editorial').service('workflow');
  const contests = await app.strapi
    .documents(EVENT as any)
    .findMany({ locale: 'fr', status: 'published', filters: { kind: 'contest' } as any });
  expect(contests.length).toBeGreaterThanOrEqual(2);
  for (const contest of contests) {
    for (const locale of ['fr', 'en']) {
      const key = { uid: EVENT, documentId: contest.documentId, locale };
      const published = await app.strapi.documents(EVENT as any).findOne({
        documentId: contest.documentId,
        locale,
        status: 'published',
        populate: { contest: true },
      } as any);
      expect([contest.title, locale, await workflow.gate(key, published)]).toEqual([
        contest.title,
        locale,
        'approved',
      ]);
      expect((await workflow.history(key)).map((entry: any) => entry.action)).toEqual([
        'submitted',
        'approved',
      ]);
    }
    const state = (await app.http().get(`/api/contests/${contest.documentId}`)).body.data;
    expect(state.rulesApproved).toBe(true);
    expect(state.entryCount).toBeGreaterThan(0);
  }
});
