/**
 * The homepage a community manager opens every morning: each plugin's widget shows what waits for
 * them (publications of the coming days, comments to review, contests running), in French.
 */
import { openAdmin, type AdminSession } from './harness/browser';
import { startFakes, type Fakes } from '../fakes';
import { createAccount, createPost } from '../integration/cross-post/helpers';
import { comment, createPost as createArticle } from '../integration/moderation/helpers';

describe('homepage widgets', () => {
  let session: AdminSession;
  let fakes: Fakes;

  beforeAll(async () => {
    fakes = await startFakes();
    session = await openAdmin({ seedDemo: true, language: 'fr', env: { CROSS_POST_DISPATCHER: 'false' } });
    const { strapi } = session.app;
    const account = await createAccount(strapi, fakes, 'mastodon', { name: 'Mastodon Lyon' });
    const post = await createPost(strapi, { fr: 'Atelier réparation vélo samedi' });
    await strapi
      .plugin('cross-post')
      .service('deliveries')
      .schedule(post, [account.id], new Date(Date.now() + 2 * 24 * 60 * 60 * 1000));

    await strapi
      .plugin('moderation')
      .service('settings')
      .update({ newAuthorPremoderation: true, rateLimits: { perIpPerMinute: 0, perAuthorPerMinute: 0 } });
    // Readers comment on a published article.
    const article = await createArticle(strapi, { title: 'Le programme de samedi' });
    const held = await session.app
      .http()
      .post('/api/moderation/comments')
      .send(comment(article.documentId, { authorName: 'Nouvelle lectrice', content: 'Vivement samedi !' }));
    expect(held.body.data.status).toBe('pending');
  });
  afterAll(async () => {
    await session?.close();
    await fakes?.stop();
  });

  it('shows upcoming publications, the moderation queue and the demo contest', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin`);

    const upcoming = page.getByTestId('cross-post-upcoming-widget');
    await upcoming.waitFor({ timeout: 60_000 });
    await upcoming.getByText('Atelier réparation vélo samedi').waitFor();
    await upcoming
      .getByText(/Mastodon/)
      .first()
      .waitFor();
    await page.getByText('Prochaines publications').first().waitFor();

    const queue = page.getByTestId('moderation-queue-widget');
    await queue.waitFor();
    // The new reader's comment, and the demo's comment held by the links rule.
    expect(await queue.getByTestId('widget-count-pending').innerText()).toBe('2');
    await queue.getByText('commentaires à examiner').waitFor();
    expect(await queue.getByTestId('widget-count-reported').innerText()).toBe('1');
    await page.getByText('File de modération').first().waitFor();

    const contests = page.getByTestId('contests-widget');
    await contests.waitFor();
    expect(await contests.getByTestId('widget-contest').count()).toBeGreaterThan(0);
    await page.getByText('Jeux-concours ouverts').first().waitFor();
  });

  it('opens the moderation queue from its widget', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin`);
    await page.getByTestId('moderation-queue-widget').getByRole('link').last().click();
    await page.waitForURL(
      (url) => url.pathname.endsWith('/plugins/moderation') && url.search.includes('pending')
    );
    await page.getByText('Vivement samedi !').waitFor({ timeout: 30_000 });
  });
});
