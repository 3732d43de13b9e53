/**
 * Two people in two browsers: an author writes and submits, an approver approves from the post's
 * review panel; the post goes out on two fakes with the approved text. Then a change after approval
 * pauses what was scheduled, the approver is told (in the next e-mail digest and in their notices in
 * the admin), approves again, and the new text goes out.
 */
import type { Page } from 'playwright-core';

import { openAdmin, type AdminSession } from './harness/browser';
import { startFakes, type Fakes } from '../fakes';
import { createAccount } from '../integration/cross-post/helpers';

const POST = 'api::post.post';
const AUTHOR = { email: `e2e-author-${Date.now()}@tests.porte-voix.local`, password: 'E2e-author-1234' };

describe('editorial approval with an author and an approver', () => {
  let session: AdminSession;
  let fakes: Fakes;
  let authorPage: Page;
  let authorToken: string;

  beforeAll(async () => {
    fakes = await startFakes();
    session = await openAdmin({ language: 'en', env: { CROSS_POST_TICK_SECONDS: '1' } });
    const { app, browser, baseUrl } = session;
    authorToken = await app.adminToken({ email: AUTHOR.email });
    const user = await app.strapi.db.query('admin::user').findOne({ where: { email: AUTHOR.email } });
    await app.strapi
      .service('admin::user')
      .updateById(user.id, { password: AUTHOR.password, preferedLanguage: 'fr' });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr' });
    await context.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'fr'));
    authorPage = await context.newPage();
    await authorPage.goto(`${baseUrl}/admin/auth/login`);
    await authorPage.locator('input[name="email"]').fill(AUTHOR.email);
    await authorPage.locator('input[name="password"]').fill(AUTHOR.password);
    await authorPage.locator('button[type="submit"]').click();
    await authorPage.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  });
  afterAll(async () => {
    await session?.close();
    await fakes?.stop();
  });

  /** The author writes through the content manager's API, as their edit form does. */
  const write = async (documentId: string | null, data: Record<string, unknown>) => {
    const base = `/content-manager/collection-types/${POST}`;
    const request = documentId
      ? session.app.http().put(`${base}/${documentId}?locale=fr`)
      : session.app.http().post(`${base}?locale=fr`);
    const response = await request.set('Authorization', `Bearer ${authorToken}`).send(data);
    expect(response.status).toBeLessThan(300);
    return response.body.data.documentId as string;
  };
  const editView = (documentId: string) =>
    `${session.baseUrl}/admin/content-manager/collection-types/${POST}/${documentId}?plugins[i18n][locale]=fr`;
  const inFewSeconds = (seconds: number) => {
    const at = new Date(Date.now() + seconds * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  };
  const statuses = (page: Page, status: string, count: number) =>
    page.waitForFunction(
      ([wanted, n]) =>
        document.querySelectorAll(
          `[data-testid="cross-post-deliveries"] [data-testid="delivery-status-${wanted}"]`
        ).length === n,
      [status, count] as const,
      { timeout: 60_000 }
    );

  it('sends only what the approver approved, and pauses until a change is approved again', async () => {
    const { page, app } = session;
    fakes.reset();
    const mastodon = await createAccount(app.strapi, fakes, 'mastodon', { name: 'Mastodon Lyon' });
    const bluesky = await createAccount(app.strapi, fakes, 'bluesky', { name: 'Bluesky Lyon' });
    const stamp = Date.now();
    const first = `Atelier vélo samedi ${stamp}`;
    const documentId = await write(null, { title: `Atelier vélo ${stamp}`, body: first });

    // The author submits from the review panel (in French).
    await authorPage.goto(editView(documentId));
    await authorPage.getByTestId('review-submit').click();
    await authorPage.getByTestId('review-status-in_review').waitFor({ timeout: 30_000 });

    // The approver finds it on the homepage, approves it, and schedules it on two accounts.
    await page.goto(`${session.baseUrl}/admin`);
    await page
      .getByTestId('editorial-waiting')
      .getByText(`Atelier vélo ${stamp}`)
      .waitFor({ timeout: 60_000 });
    await page.goto(editView(documentId));
    await page.getByTestId('review-approve').click();
    await page.getByTestId('review-status-approved').waitFor({ timeout: 30_000 });
    await page.getByTestId(`cross-post-account-${mastodon.id}`).click();
    await page.getByTestId(`cross-post-account-${bluesky.id}`).click();
    await page.getByTestId('cross-post-scheduled-at').fill(inFewSeconds(6));
    await page.getByTestId('cross-post-schedule').click();
    await statuses(page, 'published', 2);
    expect(fakes.mastodon.published.map((p) => p.text.split('\n')[0])).toEqual([first]);
    expect(fakes.bluesky.published.map((p) => p.text.split('\n')[0])).toEqual([first]);

    // A second post, approved and scheduled a while ahead, then changed by its author.
    const before = `Balade dimanche ${Date.now()}`;
    const second = await write(null, { title: 'Balade', body: before });
    await authorPage.goto(editView(second));
    await authorPage.getByTestId('review-submit').click();
    await authorPage.getByTestId('review-status-in_review').waitFor({ timeout: 30_000 });
    await page.goto(editView(second));
    await page.getByTestId('review-approve').click();
    await page.getByTestId('review-status-approved').waitFor({ timeout: 30_000 });
    await page.getByTestId(`cross-post-account-${mastodon.id}`).click();
    await page.getByTestId(`cross-post-account-${bluesky.id}`).click();
    await page.getByTestId('cross-post-scheduled-at').fill(inFewSeconds(45));
    await page.getByTestId('cross-post-schedule').click();
    await statuses(page, 'scheduled', 2);

    const after = `Balade dimanche, départ 10 h ${Date.now()}`;
    await write(second, { body: after });
    await page.reload();
    await statuses(page, 'paused', 2);
    await page.getByTestId('review-status-in_review').waitFor({ timeout: 30_000 });
    const approver = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: 'e2e-admin@tests.porte-voix.local' } });
    // The next digest (hourly; run here in a period of its own) tells the approver.
    await app.strapi
      .plugin('editorial')
      .service('digest')
      .run(new Date(Date.now() + 3_600_000));
    expect(
      app
        .sentEmails()
        .some(
          (m) => m.to === approver.email && /changed after approval|modifié après validation/.test(m.subject)
        )
    ).toBe(true);
    // And in the admin: the approver's unread notices say it; marking it read takes it off the list.
    await page.goto(`${session.baseUrl}/admin/plugins/editorial`);
    const unread = page
      .locator('[data-testid^="notification-"][data-read="false"]')
      .filter({ hasText: 'Balade' })
      .filter({ hasText: 'Changed after approval' });
    await unread.first().waitFor({ timeout: 30_000 });
    const notice = await unread.first().getAttribute('data-testid');
    await unread.first().getByTestId('notification-mark-read').click();
    await page
      .locator(`[data-testid="${notice}"][data-read="false"]`)
      .waitFor({ state: 'detached', timeout: 30_000 });
    await page.goto(editView(second));

    await page.getByTestId('review-approve').click();
    await page.getByTestId('review-status-approved').waitFor({ timeout: 30_000 });
    await page.reload();
    await statuses(page, 'published', 2);
    expect(fakes.mastodon.published.map((p) => p.text.split('\n')[0])).toEqual([first, after]);
    expect(fakes.bluesky.published.map((p) => p.text.split('\n')[0])).toEqual([first, after]);
    await page.screenshot({ path: '/tmp/approval-panel.png' });
  });
});
