/**
 * Scheduling on the network: an account set to `scheduleOn: network` hands a post to WordPress
 * (`future` with its `date_gmt`) or YouTube (private with `publishAt`) as soon as it is scheduled, so
 * it shows as scheduled there; the delivery says `handed` until its time, then confirms publication.
 * Cancelling takes it back from the network, moving it is refused with the reason, an edit after
 * approval takes it back until the new version is approved, then hands that one over, and deleting the
 * account takes back what the network holds for it first.
 */
import { randomBytes } from 'node:crypto';

import { TEST_APPROVER } from '../../harness/approval';
import { mediaLibrary } from '../../harness/media-library';
import type { TestApp } from '../../harness/strapi';
import type { Fakes } from '../../fakes';
import { adminApiOnFakes, createPost } from './helpers';

let app: TestApp;
let fakes: Fakes;
const { api, dispatchOnce } = adminApiOnFakes((session) => ({ app, fakes } = session));

const unique = (prefix: string) => `${prefix} ${randomBytes(3).toString('hex')}`;
const inAnHour = () => new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);

const deliveryOf = (postDocumentId: string, accountId: number) =>
  app.strapi.db.query('plugin::cross-post.delivery').findOne({ where: { postDocumentId, accountId } });

/** Its confirmation falls due now (a test does not wait for the network's time to pass). */
const confirmationDueNow = (id: number) =>
  app.strapi.db
    .query('plugin::cross-post.delivery')
    .update({ where: { id }, data: { nextAttemptAt: new Date(0) } });

async function wordpressAccount(scheduleOn = 'network') {
  const created = await api().post('/accounts', {
    network: 'wordpress',
    name: unique('Blog'),
    baseUrl: fakes.wordpress.baseUrl,
    credentials: { username: 'porte-voix', appPassword: 'abcd efgh ijkl mnop qrst uvwx', scheduleOn },
  });
  expect(created.status).toBe(201);
  return created.body.data;
}

async function schedule(documentId: string, accountId: number, at: Date) {
  const response = await api().post(`/posts/${documentId}/deliveries`, {
    accountIds: [accountId],
    scheduledAt: at.toISOString(),
  });
  expect(response.status).toBe(201);
  return response.body.data[0];
}

describe('WordPress holds the article until its time', () => {
  it('shows it as scheduled on the blog at once, then confirms publication once WordPress published it', async () => {
    const account = await wordpressAccount();
    const title = unique('Portes ouvertes');
    const documentId = await createPost(app.strapi, { fr: `${title} : venez nombreux samedi au local` });
    const at = inAnHour();
    const scheduled = await schedule(documentId, account.id, at);
    expect(scheduled.status).toBe('scheduled');

    await dispatchOnce();
    const handed = await deliveryOf(documentId, account.id);
    expect(handed).toMatchObject({ status: 'handed', remoteId: expect.any(String) });
    const [held] = fakes.wordpress.scheduledArticles();
    expect(held).toMatchObject({ id: Number(handed.remoteId), date_gmt: at.toISOString().slice(0, 19) });
    const listed = (await api().get(`/posts/${documentId}/deliveries`)).body.data[0];
    expect(listed).toMatchObject({ status: 'handed', scheduledFor: at.toISOString(), publishedAt: null });

    // Before its time nothing is sent again, and the delivery stays as it is.
    await dispatchOnce();
    expect(fakes.wordpress.published).toHaveLength(1);

    // Its time has not come on the blog yet: still held, looked at again later.
    await confirmationDueNow(handed.id);
    await dispatchOnce();
    expect(await deliveryOf(documentId, account.id)).toMatchObject({ status: 'handed' });

    fakes.wordpress.advanceTime(3_600_000 + 60_000);
    await confirmationDueNow(handed.id);
    await dispatchOnce();
    const published = await deliveryOf(documentId, account.id);
    expect(published).toMatchObject({ status: 'published', remoteId: handed.remoteId });
    expect(new Date(published.publishedAt).toISOString()).toBe(at.toISOString());
    expect(fakes.wordpress.statusOf(handed.remoteId)).toBe('publish');
    expect(fakes.wordpress.published).toHaveLength(1);
  });

  it('takes the article back from the blog when cancelled, and refuses to move it with the reason', async () => {
    const account = await wordpressAccount();
    const documentId = await createPost(app.strapi, {
      fr: `${unique('Concert')} : annulé ou pas ? On verra bien`,
    });
    const { id } = await schedule(documentId, account.id, inAnHour());
    await dispatchOnce();
    const handed = await deliveryOf(documentId, account.id);
    expect(handed.status).toBe('handed');

    const moved = await api().put(`/deliveries/${id}/scheduled-at`, {
      scheduledAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.details.reason).toBe('scheduled_on_network');
    expect(moved.body.error.message).toMatch(/Cancel it/);

    const cancelled = await api().post(`/deliveries/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ status: 'cancelled', remoteId: null });
    expect(fakes.wordpress.statusOf(handed.remoteId)).toBe('trash');
    expect(fakes.wordpress.scheduledArticles()).toEqual([]);
  });

  it('takes it back when the post is edited after approval, and hands over the new version once approved', async () => {
    const account = await wordpressAccount();
    const first = `${unique('Atelier')} : première version du texte annoncé`;
    const documentId = await createPost(app.strapi, { fr: first });
    const at = inAnHour();
    await schedule(documentId, account.id, at);
    await dispatchOnce();
    const handed = await deliveryOf(documentId, account.id);
    expect(handed.status).toBe('handed');

    const second = `${unique('Atelier')} : seconde version, avec la bonne salle`;
    await app.strapi
      .documents('api::post.post' as any)
      .update({ documentId, locale: 'fr', data: { body: second } as any });
    const paused = await deliveryOf(documentId, account.id);
    expect(paused).toMatchObject({ status: 'paused', remoteId: null });
    expect(fakes.wordpress.statusOf(handed.remoteId)).toBe('trash');

    // The edit put it back in review: the approver approves what is there now.
    const workflow = app.strapi.plugin('editorial').service('workflow');
    const key = { uid: 'api::post.post', documentId, locale: 'fr' };
    const review = await workflow.ensure(key);
    await workflow.approve(key, TEST_APPROVER, review.contentHash);
    await dispatchOnce();
    const again = await deliveryOf(documentId, account.id);
    expect(again.status).toBe('handed');
    expect(again.remoteId).not.toBe(handed.remoteId);
    const [held] = fakes.wordpress.scheduledArticles();
    expect(held.content).toContain('seconde version');
    expect(held.date_gmt).toBe(at.toISOString().slice(0, 19));
  });

  it('keeps a post due within minutes in the dispatcher, and an account set to the dispatcher keeps them all', async () => {
    const network = await wordpressAccount();
    const soon = await createPost(app.strapi, { fr: `${unique('Flash')} : dans deux minutes sur le blog` });
    const { id } = await schedule(soon, network.id, new Date(Date.now() + 120_000));
    await dispatchOnce();
    expect((await deliveryOf(soon, network.id)).status).toBe('scheduled');
    expect(fakes.wordpress.published).toHaveLength(0);
    expect(id).toBeDefined();

    const ours = await wordpressAccount('dispatcher');
    const later = await createPost(app.strapi, {
      fr: `${unique('Plus tard')} : publié par Porte-voix à son heure`,
    });
    await schedule(later, ours.id, inAnHour());
    await dispatchOnce();
    expect((await deliveryOf(later, ours.id)).status).toBe('scheduled');
    expect(fakes.wordpress.published).toHaveLength(0);
  });

  it('says what is wrong with an account setting that names neither place', async () => {
    const account = await wordpressAccount('tomorrow');
    const documentId = await createPost(app.strapi, {
      fr: `${unique('Réglage')} : un réglage inconnu sur le compte`,
    });
    const preview = await api().get(`/posts/${documentId}/preview?accountIds=${account.id}`);
    expect(preview.status).toBe(200);
    expect(preview.body.data[0].problems).toEqual([
      expect.objectContaining({
        code: 'invalid_schedule_on',
        message: expect.stringMatching(/scheduleOn must be "network" or "dispatcher", not "tomorrow"/),
      }),
    ]);
  });
});

describe('deleting an account whose articles WordPress holds', () => {
  it('takes each article back from the blog first, then deletes the account', async () => {
    const account = await wordpressAccount();
    const documentId = await createPost(app.strapi, { fr: `${unique('Brocante')} : dimanche sur la place` });
    const gone = await createPost(app.strapi, { fr: `${unique('Vide-grenier')} : déjà retiré du blog` });
    await schedule(documentId, account.id, inAnHour());
    await schedule(gone, account.id, inAnHour());
    await dispatchOnce();
    const held = await deliveryOf(documentId, account.id);
    const trashedOnTheBlog = await deliveryOf(gone, account.id);
    expect([held.status, trashedOnTheBlog.status]).toEqual(['handed', 'handed']);
    // Someone already deleted the second one on the blog: nothing is left to take back there.
    fakes.wordpress.deletePost(trashedOnTheBlog.remoteId);

    const deleted = await api().del(`/accounts/${account.id}`);
    expect(deleted.status).toBe(200);
    expect(fakes.wordpress.statusOf(held.remoteId)).toBe('trash');
    expect(await deliveryOf(documentId, account.id)).toMatchObject({ status: 'cancelled', remoteId: null });
    expect(await deliveryOf(gone, account.id)).toMatchObject({ status: 'cancelled' });
    expect((await api().get('/accounts')).body.data.map((a: { id: number }) => a.id)).not.toContain(
      account.id
    );
  });

  it('keeps the account, and says which article, when the blog refuses to give one back', async () => {
    const account = await wordpressAccount();
    const title = unique('Kermesse');
    const documentId = await createPost(app.strapi, { fr: `${title} : samedi à l'école` });
    await schedule(documentId, account.id, inAnHour());
    await dispatchOnce();
    const held = await deliveryOf(documentId, account.id);
    expect(held.status).toBe('handed');
    // The blog's owner revoked the application password: WordPress answers 401 to everything.
    fakes.wordpress.revokedPasswords.add('abcdefghijklmnopqrstuvwx');

    const refused = await api().del(`/accounts/${account.id}`);
    fakes.wordpress.revokedPasswords.clear();
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ reason: 'account_holds_posts', deliveryId: held.id });
    expect(refused.body.error.message).toContain(title);
    expect(fakes.wordpress.statusOf(held.remoteId)).toBe('future');
    expect(await deliveryOf(documentId, account.id)).toMatchObject({ status: 'handed' });
    expect((await api().get('/accounts')).body.data.map((a: { id: number }) => a.id)).toContain(account.id);
  });
});

describe('YouTube holds the video private until its publishAt', () => {
  const library = mediaLibrary(() => app.strapi);
  afterAll(() => library.removeAll());

  async function postWithVideo(title: string): Promise<string> {
    const video = await library.add(Buffer.alloc(300 * 1024, 5), {
      mime: 'video/mp4',
      ext: 'mp4',
      prefix: 'clip',
    });
    return library.postWith([video], { title, body: `${title} : la vidéo du festival #Lyon` });
  }

  it('uploads it private with publishAt, confirms it once public, and deletes a cancelled one', async () => {
    const created = await api().post('/accounts', {
      network: 'youtube',
      name: unique('Chaîne'),
      credentials: { accessToken: `yt-${randomBytes(6).toString('hex')}`, scheduleOn: 'network' },
    });
    expect(created.status).toBe(201);
    const account = created.body.data;

    const documentId = await postWithVideo(unique('Festival'));
    const at = inAnHour();
    await schedule(documentId, account.id, at);
    await dispatchOnce();
    const handed = await deliveryOf(documentId, account.id);
    expect(handed.status).toBe('handed');
    const video = fakes.youtube.videos.get(handed.remoteId)!;
    expect(video).toMatchObject({ privacy: 'private', publishAt: at.getTime() });

    fakes.youtube.advanceTime(3_600_000 + 60_000);
    await confirmationDueNow(handed.id);
    await dispatchOnce();
    expect(await deliveryOf(documentId, account.id)).toMatchObject({ status: 'published' });

    const other = await postWithVideo(unique('Bande-annonce'));
    const { id } = await schedule(other, account.id, new Date(Date.now() + 2 * 3_600_000 + 3_600_000));
    await dispatchOnce();
    const held = await deliveryOf(other, account.id);
    expect(held.status).toBe('handed');
    const cancelled = await api().post(`/deliveries/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(fakes.youtube.videos.has(held.remoteId)).toBe(false);
  });
});
