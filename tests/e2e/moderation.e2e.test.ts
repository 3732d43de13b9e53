import { loginAdmin, openAdmin, type AdminSession } from './harness/browser';
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
    // The queue's counts are this test's alone, a retry's too: what an earlier try left is gone.
    await app.strapi.db.query('plugin::moderation.comment').deleteMany({ where: {} });
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

  it('filters the queue in French by a post picked by its title and a date shown as French dates', async () => {
    const { browser, baseUrl, app } = session;
    // A title of its own per run: a retried test must not find the post of the first try.
    const title = `Balade du dimanche ${Math.random().toString(36).slice(2, 7)}`;
    const sunday = (await createPost(app.strapi, { title })).documentId;
    const onSunday = await app
      .http()
      .post('/api/moderation/comments')
      .send(comment(sunday, { content: 'Quel crétin de parcours' }));
    const elsewhere = await app
      .http()
      .post('/api/moderation/comments')
      .send(comment(postId, { content: 'Ce crétin de vent encore' }));
    expect([onSunday.status, elsewhere.status]).toEqual([201, 201]);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr' });
    await context.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'fr'));
    const page = await context.newPage();
    try {
      await loginAdmin(page, baseUrl);
      await page.goto(`${baseUrl}/admin/plugins/moderation`);
      // The tab reads its name and its count; the shortcut digit is in its tooltip, not beside the count.
      const pending = page.getByTestId('queue-pending');
      await pending.waitFor({ timeout: 60_000 });
      await page.locator(`[data-comment-id="${elsewhere.body.data.id}"]`).waitFor({ timeout: 60_000 });
      const count = (await page.getByTestId('count-pending').textContent())!.trim();
      expect((await pending.textContent())!.replace(/\s+/g, ' ').trim()).toBe(`En attente ${count}`);
      expect(await pending.getAttribute('title')).toBe('Raccourci : 1');

      // The post is picked by its title, not typed as an id.
      const target = page.getByRole('combobox', { name: 'Publication ou événement' });
      await target.click();
      await page.keyboard.type('dimanche');
      await page.getByRole('option', { name: `${title} · publication` }).click();
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForURL((url) => url.searchParams.get('target') === `post:${sunday}`);
      await page.locator(`[data-comment-id="${onSunday.body.data.id}"]`).waitFor();
      await page.locator(`[data-comment-id="${elsewhere.body.data.id}"]`).waitFor({ state: 'detached' });

      // A date in the URL shows as a French date; the picked post shows by its title after a reload.
      const url = new URL(page.url());
      url.searchParams.set('to', '2026-03-05');
      await page.goto(url.toString());
      await page.locator(`[data-comment-id="${onSunday.body.data.id}"]`).waitFor({ state: 'detached' });
      const inputValue = (testId: string) =>
        page
          .getByTestId(testId)
          .first()
          .evaluate((element) =>
            element instanceof HTMLInputElement ? element.value : element.querySelector('input')?.value
          );
      /** The input's value once it settles on `expected` (or the last one seen, after 15 s). */
      const settled = async (testId: string, expected: string) => {
        let seen: string | undefined;
        for (let tries = 0; tries < 150 && seen !== expected; tries++) {
          await page.getByTestId(testId).first().waitFor();
          seen = await inputValue(testId);
          if (seen !== expected) await page.waitForTimeout(100);
        }
        return seen;
      };
      expect(await settled('filter-to', '05/03/2026')).toBe('05/03/2026');
      expect(await settled('filter-target', `${title} · publication`)).toBe(`${title} · publication`);
    } finally {
      await context.close();
    }
  });
});
