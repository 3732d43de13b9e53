/** The editorial calendar's API: planned posts and deliveries in a range, and moving them as a drag does. */
import type { TestApp } from '../../harness/strapi';
import type { Fakes } from '../../fakes';
import { adminApiOnFakes, createAccount, createPost } from './helpers';

let app: TestApp;
let fakes: Fakes;
const { api, dispatchOnce } = adminApiOnFakes((session) => ({ app, fakes } = session));

const DAY = 86_400_000;
const inDays = (days: number, hourUtc = 9) => {
  const at = new Date(Date.now() + days * DAY);
  at.setUTCHours(hourUtc, 0, 0, 0);
  return at;
};
const range = (from: Date, to: Date) =>
  `/calendar?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;

async function createCampaign(name: string, color: string): Promise<string> {
  const created = await app.strapi.documents('api::campaign.campaign' as any).create({
    locale: 'fr',
    data: {
      name,
      slug: name.toLowerCase().replace(/\W+/g, '-'),
      objective: 'awareness',
      startsOn: '2026-01-01',
      color,
    } as any,
  });
  return created.documentId;
}

async function plan(documentId: string, plannedAt: Date) {
  await app.strapi
    .documents('api::post.post' as any)
    .update({ documentId, locale: 'fr', data: { plannedAt } as any });
}

type Grant = string | { action: string; subject: string; properties?: object; conditions?: string[] };

/** A token of a role with exactly these permissions (a bare action is a subject-less one, e.g. the plugin's own). */
async function tokenWith(code: string, grants: Grant[]) {
  const roles = app.strapi.service('admin::role') as any;
  const role = await roles.create({ name: code, code, description: code });
  await roles.assignPermissions(
    role.id,
    grants.map((grant) =>
      typeof grant === 'string'
        ? { action: grant, subject: null, properties: {}, conditions: [] }
        : { properties: {}, conditions: [], ...grant }
    )
  );
  return app.adminToken({ roleCode: code });
}

describe('the calendar shows', () => {
  it('posts planned and deliveries due in the range, coloured by their campaign', async () => {
    const campaign = await createCampaign('Fête du vélo', '#E4572E');
    const account = await createAccount(app.strapi, fakes, 'mastodon');
    const inside = await createPost(app.strapi, { fr: 'Atelier vélo samedi', campaign });
    const outside = await createPost(app.strapi, { fr: 'Plus tard', campaign });
    await plan(inside, inDays(3, 14));
    await plan(outside, inDays(40));
    const due = inDays(4, 8);
    await api().post(`/posts/${inside}/deliveries`, {
      accountIds: [account.id],
      scheduledAt: due.toISOString(),
    });

    const response = await api().get(range(inDays(1, 0), inDays(8, 0)));
    expect(response.status).toBe(200);
    const { posts, deliveries } = response.body.data;
    expect(posts).toEqual([
      expect.objectContaining({
        documentId: inside,
        title: 'Atelier vélo samedi',
        plannedAt: inDays(3, 14).toISOString(),
        campaign: { documentId: campaign, name: 'Fête du vélo', color: '#E4572E' },
      }),
    ]);
    expect(deliveries).toEqual([
      expect.objectContaining({
        postDocumentId: inside,
        status: 'scheduled',
        scheduledFor: due.toISOString(),
        publishedAt: null,
        campaign: { documentId: campaign, name: 'Fête du vélo', color: '#E4572E' },
      }),
    ]);

    const mastodonOnly = await api().get(`${range(inDays(1, 0), inDays(8, 0))}&network=telegram`);
    expect(mastodonOnly.body.data).toEqual({ posts: [], deliveries: [] });
  });

  it('a delivery published only once it is, and its due time only while it is due', async () => {
    const account = await createAccount(app.strapi, fakes, 'telegram');
    const documentId = await createPost(app.strapi, { fr: 'Tout de suite' });
    const [created] = (await api().post(`/posts/${documentId}/deliveries`, { accountIds: [account.id] })).body
      .data;
    expect(created).toMatchObject({ status: 'scheduled', publishedAt: null });
    expect(created.scheduledFor).toEqual(created.scheduledAt);

    await dispatchOnce();
    const [published] = (await api().get(`/posts/${documentId}/deliveries`)).body.data;
    expect(published).toMatchObject({ status: 'published', scheduledFor: null });
    expect(Date.parse(published.publishedAt)).toBeGreaterThanOrEqual(Date.parse(created.scheduledAt));
  });

  it('refuses a range it cannot read with a clear 400', async () => {
    const missing = await api().get('/calendar?from=2026-06-01T00:00:00Z');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/to is required/);
    const backwards = await api().get(range(inDays(5), inDays(1)));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/from must be before to/);
  });
});

describe('moving a scheduled delivery', () => {
  it('sets its new due time, which the calendar and the dispatcher then use', async () => {
    const account = await createAccount(app.strapi, fakes, 'discord');
    const documentId = await createPost(app.strapi, { fr: 'Déplacée' });
    const [delivery] = (
      await api().post(`/posts/${documentId}/deliveries`, {
        accountIds: [account.id],
        scheduledAt: inDays(2).toISOString(),
      })
    ).body.data;

    const moved = await api().put(`/deliveries/${delivery.id}/scheduled-at`, {
      scheduledAt: inDays(5, 16).toISOString(),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({
      scheduledFor: inDays(5, 16).toISOString(),
      nextAttemptAt: inDays(5, 16).toISOString(),
    });
    const shown = (await api().get(range(inDays(5, 0), inDays(6, 0)))).body.data.deliveries;
    expect(shown.map((d: any) => d.id)).toEqual([delivery.id]);
  });

  it('refuses the past (400), a published delivery (409) and a missing one (404), saying why', async () => {
    const account = await createAccount(app.strapi, fakes, 'bluesky');
    const documentId = await createPost(app.strapi, { fr: 'Partie' });
    const [delivery] = (
      await api().post(`/posts/${documentId}/deliveries`, {
        accountIds: [account.id],
        scheduledAt: inDays(2).toISOString(),
      })
    ).body.data;

    const past = await api().put(`/deliveries/${delivery.id}/scheduled-at`, {
      scheduledAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details).toMatchObject({ reason: 'in_the_past', field: 'scheduledAt' });

    const notATime = await api().put(`/deliveries/${delivery.id}/scheduled-at`, { scheduledAt: 'tomorrow' });
    expect(notATime.status).toBe(400);
    expect(notATime.body.error.message).toMatch(/scheduledAt must be an ISO time/);

    await api().post(`/posts/${documentId}/deliveries`, { accountIds: [account.id] });
    await dispatchOnce();
    const published = await api().put(`/deliveries/${delivery.id}/scheduled-at`, {
      scheduledAt: inDays(3).toISOString(),
    });
    expect(published.status).toBe(409);
    expect(published.body.error.details).toMatchObject({ reason: 'already_published' });
    expect(published.body.error.message).toMatch(/already published/);

    const cancelledPost = await createPost(app.strapi, { fr: 'Annulée' });
    const [cancelled] = (
      await api().post(`/posts/${cancelledPost}/deliveries`, {
        accountIds: [account.id],
        scheduledAt: inDays(2).toISOString(),
      })
    ).body.data;
    await api().post(`/deliveries/${cancelled.id}/cancel`);
    const notMovable = await api().put(`/deliveries/${cancelled.id}/scheduled-at`, {
      scheduledAt: inDays(3).toISOString(),
    });
    expect(notMovable.status).toBe(409);
    expect(notMovable.body.error.details).toMatchObject({ reason: 'not_movable', status: 'cancelled' });

    const missing = await api().put('/deliveries/999999/scheduled-at', {
      scheduledAt: inDays(3).toISOString(),
    });
    expect(missing.status).toBe(404);
  });
});

describe('moving a planned post', () => {
  it('sets its planned time in every locale', async () => {
    const documentId = await createPost(app.strapi, { fr: 'Replanifiée', en: 'Rescheduled' });
    await plan(documentId, inDays(2));
    const moved = await api().put(`/calendar/posts/${documentId}/planned-at`, {
      plannedAt: inDays(6, 7).toISOString(),
    });
    expect(moved.status).toBe(200);
    for (const locale of ['fr', 'en']) {
      const post = await app.strapi
        .documents('api::post.post' as any)
        .findOne({ documentId, locale, status: 'draft' } as any);
      expect([locale, new Date((post as any).plannedAt).toISOString()]).toEqual([
        locale,
        inDays(6, 7).toISOString(),
      ]);
    }
  });

  it('refuses the past with a 400 and a missing post with a 404', async () => {
    const documentId = await createPost(app.strapi, { fr: 'Pas hier' });
    const past = await api().put(`/calendar/posts/${documentId}/planned-at`, {
      plannedAt: new Date(Date.now() - DAY).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details).toMatchObject({ reason: 'in_the_past', field: 'plannedAt' });
    const missing = await api().put('/calendar/posts/nope123/planned-at', {
      plannedAt: inDays(2).toISOString(),
    });
    expect(missing.status).toBe(404);
  });
});

describe('permissions', () => {
  it('lets a reader see the calendar but move nothing, and someone without the plugin see nothing', async () => {
    const account = await createAccount(app.strapi, fakes, 'linkedin');
    const documentId = await createPost(app.strapi, { fr: 'Réservée' });
    await plan(documentId, inDays(2));
    const [delivery] = (
      await api().post(`/posts/${documentId}/deliveries`, {
        accountIds: [account.id],
        scheduledAt: inDays(2).toISOString(),
      })
    ).body.data;
    const as = (token: string) => ({
      get: (url: string) => app.http().get(`/cross-post${url}`).set('Authorization', `Bearer ${token}`),
      put: (url: string, body: object) =>
        app.http().put(`/cross-post${url}`).set('Authorization', `Bearer ${token}`).send(body),
    });

    const reader = as(await tokenWith('calendar-reader', ['plugin::cross-post.read']));
    expect((await reader.get(range(inDays(1, 0), inDays(3, 0)))).status).toBe(200);
    const post = await reader.put(`/calendar/posts/${documentId}/planned-at`, {
      plannedAt: inDays(4).toISOString(),
    });
    expect(post.status).toBe(403);
    expect(post.body.error.details).toMatchObject({ reason: 'post_not_editable' });
    expect(
      (await reader.put(`/deliveries/${delivery.id}/scheduled-at`, { scheduledAt: inDays(4).toISOString() }))
        .status
    ).toBe(403);

    const editor = as(await app.adminToken({ roleCode: 'strapi-editor' }));
    expect((await editor.get(range(inDays(1, 0), inDays(3, 0)))).status).toBe(403);

    const stored = await app.strapi
      .documents('api::post.post' as any)
      .findOne({ documentId, locale: 'fr', status: 'draft' } as any);
    expect(new Date((stored as any).plannedAt).toISOString()).toBe(inDays(2).toISOString());
  });

  it("lets an author move the posts she wrote, not another's, as the Content Manager would", async () => {
    const post = (action: string, conditions: string[] = []) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: 'api::post.post',
      properties: { fields: ['title', 'body', 'plannedAt', 'editorialStatus'], locales: ['fr', 'en'] },
      conditions,
    });
    const token = await tokenWith('calendar-author', [
      'plugin::cross-post.read',
      post('create'),
      post('read'),
      post('update', ['admin::is-creator']),
    ]);
    const created = await app
      .http()
      .post('/content-manager/collection-types/api::post.post?locale=fr')
      .set('Authorization', `Bearer ${token}`)
      .send({ plannedAt: inDays(2).toISOString() });
    expect(created.status).toBe(201);
    const someoneElses = await createPost(app.strapi, { fr: 'Pas la sienne' });
    const move = (documentId: string) =>
      app
        .http()
        .put(`/cross-post/calendar/posts/${documentId}/planned-at`)
        .set('Authorization', `Bearer ${token}`)
        .send({ plannedAt: inDays(3).toISOString() });

    expect((await move(created.body.data.documentId)).status).toBe(200);
    const refused = await move(someoneElses);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({ reason: 'post_not_editable' });
  });
});
