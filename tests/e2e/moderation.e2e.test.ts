import { openAdmin, type AdminSession } from './harness/browser';
import { comment, createPost } from '../integration/moderation/helpers';

/**
 * A moderator's day in one test: a comment submitted over the public API waits in the pending
 * queue, the moderator approves it with the keyboard, and readers see it.
 */
describe('moderation: the queue in the admin', () => {
  let session: AdminSession;
  let postId: string;

  beforeAll(async () => {
    session = await openAdmin({ language: 'en' });
    await session.app.strapi
      .plugin('moderation')
      .service('settings')
      .update({
        newAuthorPremoderation: true,
        rateLimits: { perIpPerMinute: 0, perAuthorPerMinute: 0 },
      });
    postId = (await createPost(session.app.strapi, { title: 'Mai à vélo : le programme' })).documentId;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a held comment in the pending queue, approves it with the keyboard, and publishes it', async () => {
    const { page, baseUrl, app } = session;
    const submitted = await app
      .http()
      .post('/api/moderation/comments')
      .send(
        comment(postId, {
          authorName: 'Nouvelle lectrice',
          content: 'Bravo pour le programme, quel crétin ce vent !',
        })
      );
    expect(submitted.status).toBe(201);
    expect(submitted.body.data.status).toBe('pending');
    const id = submitted.body.data.id;

    await page.goto(`${baseUrl}/admin/plugins/moderation`);
    const card = page.locator(`[data-comment-id="${id}"]`);
    await card.waitFor({ timeout: 60_000 });
    await page.getByTestId('count-pending').filter({ hasText: '1' }).waitFor();
    // The suspect word is highlighted, the target is named, the reasons are listed.
    await card.getByTestId('matched-word').filter({ hasText: 'crétin' }).waitFor();
    await card.getByText('Mai à vélo : le programme').waitFor();
    await card.getByText('First comment of this author').waitFor();
    expect(await card.getAttribute('data-focused')).toBe('true');
    await page.screenshot({ path: '/tmp/moderation-queue.png', fullPage: true });

    await page.keyboard.press('a');
    await card.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('count-pending').filter({ hasText: '0' }).waitFor();
    await page.getByTestId('count-approved').filter({ hasText: '1' }).waitFor();

    const list = await app.http().get(`/api/moderation/comments?target=post:${postId}`);
    expect(list.body.data.map((c: any) => [c.id, c.authorName])).toEqual([[id, 'Nouvelle lectrice']]);

    const audit = await app.strapi.db
      .query('plugin::moderation.audit-entry')
      .findMany({ where: { commentDocumentId: id, action: 'approved' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorType).toBe('admin');
  });

  it('rejects with a reason from the keyboard', async () => {
    const { page, baseUrl, app } = session;
    const submitted = await app
      .http()
      .post('/api/moderation/comments')
      .send(comment(postId, { content: 'Achetez des montres ici, quel crétin' }));
    await page.goto(`${baseUrl}/admin/plugins/moderation`);
    const card = page.locator(`[data-comment-id="${submitted.body.data.id}"]`);
    await card.waitFor({ timeout: 60_000 });
    await page.keyboard.press('r');
    await page.getByTestId('confirm-reject').click();
    await card.waitFor({ state: 'detached', timeout: 30_000 });
    const stored = await app.strapi.db
      .query('plugin::moderation.comment')
      .findOne({ where: { documentId: submitted.body.data.id } });
    expect(stored.status).toBe('rejected');
    expect(stored.moderationReason).toBe('abuse');
    expect(stored.moderationNote).toBeNull();
  });

  it('shows the settings, the audit log and an author page', async () => {
    const { page, baseUrl, app } = session;
    await page.goto(`${baseUrl}/admin/plugins/moderation/settings`);
    await page.getByText('Hold the first comment of a new author').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: '/tmp/moderation-settings.png', fullPage: true });

    await page.goto(`${baseUrl}/admin/plugins/moderation/audit`);
    await page.getByTestId('audit-row').first().waitFor({ timeout: 60_000 });
    await page.getByText('Rules decided').first().waitFor();
    await page.screenshot({ path: '/tmp/moderation-audit.png', fullPage: true });

    const [someone] = await app.strapi.db.query('plugin::moderation.comment').findMany({ limit: 1 });
    await page.goto(`${baseUrl}/admin/plugins/moderation/authors/${someone.authorKey}`);
    await page.getByText('Latest comments').waitFor({ timeout: 60_000 });
    await page.getByText(someone.content).waitFor();
    await page.screenshot({ path: '/tmp/moderation-author.png', fullPage: true });
  });

  it('holds every comment on a post from one of its cards', async () => {
    const { page, baseUrl, app } = session;
    const held = await app
      .http()
      .post('/api/moderation/comments')
      .send(comment(postId, { content: 'Encore un crétin de commentaire' }));
    await page.goto(`${baseUrl}/admin/plugins/moderation`);
    const card = page.locator(`[data-comment-id="${held.body.data.id}"]`);
    await card.getByText('Hold every comment on this post').click({ timeout: 60_000 });
    await card.getByText('Every comment here is held').waitFor();

    const next = await app
      .http()
      .post('/api/moderation/comments')
      .send(comment(postId, { content: 'Un commentaire tout à fait aimable' }));
    const stored = await app.strapi.db
      .query('plugin::moderation.comment')
      .findOne({ where: { documentId: next.body.data.id } });
    expect(stored.reasons.map((finding: any) => finding.rule)).toContain('premoderation');
  });
});
