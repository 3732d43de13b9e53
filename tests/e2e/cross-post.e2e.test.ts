/**
 * An editor opens a post, picks two accounts, schedules it a few seconds ahead, and watches both
 * deliveries go to published in the side panel and on the calendar; sees a picture as each network
 * will get it. The networks are the fakes.
 */
import sharp from 'sharp';

import { mediaLibrary } from '../harness/media-library';
import { openAdmin, type AdminSession } from './harness/browser';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../fakes';
import { createAccount, createPost } from '../integration/cross-post/helpers';

describe('cross-posting from the edit view of a post', () => {
  let session: AdminSession;
  let fakes: Fakes;
  const library = mediaLibrary(() => session.app.strapi);

  beforeAll(async () => {
    fakes = await startFakes();
    session = await openAdmin({
      language: 'en',
      env: { CROSS_POST_TICK_SECONDS: '1', ...fakeApiBaseUrlsEnv(fakes) },
    });
  });
  afterAll(async () => {
    await library.removeAll();
    await session?.close();
    await fakes?.stop();
  });

  it('schedules a post on two networks and shows both deliveries published', async () => {
    const { page, baseUrl, app } = session;
    const mastodon = await createAccount(app.strapi, fakes, 'mastodon', { name: 'Mastodon Lyon' });
    const bluesky = await createAccount(app.strapi, fakes, 'bluesky', { name: 'Bluesky Lyon' });
    const documentId = await createPost(app.strapi, {
      fr: 'Atelier réparation vélo samedi',
      link: 'https://porte-voix.example/atelier',
    });

    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::post.post/${documentId}?plugins[i18n][locale]=fr`
    );
    const panel = page.getByTestId('cross-post-panel');
    await panel.waitFor({ timeout: 60_000 });
    await page.getByTestId(`cross-post-account-${mastodon.id}`).click();
    await page.getByTestId(`cross-post-account-${bluesky.id}`).click();

    // Each network's preview, counted its own way.
    await page
      .getByTestId(`cross-post-preview-${mastodon.id}`)
      .getByText(/\/ 500/)
      .waitFor();
    await page
      .getByTestId(`cross-post-preview-${bluesky.id}`)
      .getByText(/\/ 300/)
      .waitFor();

    const at = new Date(Date.now() + 8_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
    await page.getByTestId('cross-post-scheduled-at').fill(local);
    await page.getByTestId('cross-post-schedule').click();

    const deliveries = page.getByTestId('cross-post-deliveries');
    await deliveries.getByTestId('delivery-status-scheduled').first().waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      () =>
        document.querySelectorAll(
          '[data-testid="cross-post-deliveries"] [data-testid="delivery-status-published"]'
        ).length === 2,
      undefined,
      { timeout: 60_000 }
    );
    expect(fakes.mastodon.published).toHaveLength(1);
    expect(fakes.bluesky.published).toHaveLength(1);

    await page.goto(`${baseUrl}/admin/plugins/cross-post`);
    const calendar = page.getByTestId('cross-post-calendar');
    await calendar.waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () =>
        document.querySelectorAll(
          '[data-testid="cross-post-calendar"] [data-testid="delivery-status-published"]'
        ).length === 2,
      undefined,
      { timeout: 30_000 }
    );
    await page.screenshot({ path: '/tmp/cross-post-calendar.png' });
  });

  it('shows in the side panel each network’s picture as it will go: padded for Instagram, as it is for Pinterest', async () => {
    const { page, baseUrl, app } = session;
    const instagram = await createAccount(app.strapi, fakes, 'instagram', {
      name: 'Instagram Lyon',
      credentials: { userId: '17841400000424242', accessToken: 'ig-preview-token' },
    });
    const pinterest = await createAccount(app.strapi, fakes, 'pinterest', {
      name: 'Pinterest Lyon',
      credentials: {
        accessToken: 'pin-preview-token',
        refreshToken: 'pin-refresh',
        clientId: 'pin-app',
        clientSecret: 'pin-secret',
        boardId: '549755885175',
      },
    });
    const panorama = await sharp({
      create: { width: 2000, height: 500, channels: 3, background: { r: 20, g: 120, b: 200 } },
    })
      .png()
      .toBuffer();
    const image = await library.add(panorama, { mime: 'image/png', ext: 'png', prefix: 'panorama' });
    const title = 'Vue du festival depuis la colline';
    const documentId = await library.postWith([image], { title, body: title });

    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::post.post/${documentId}?plugins[i18n][locale]=fr`
    );
    await page.getByTestId('cross-post-panel').waitFor({ timeout: 60_000 });
    await page.getByTestId(`cross-post-account-${instagram.id}`).click();
    await page.getByTestId(`cross-post-account-${pinterest.id}`).click();

    // What the editor sees: the picture's own shape and the size each network receives.
    const shown = async (accountId: number) => {
      const media = page
        .getByTestId(`cross-post-preview-${accountId}`)
        .getByTestId('cross-post-preview-media');
      await media.locator('img').waitFor({ timeout: 30_000 });
      const shape = await media
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth / img.naturalHeight);
      return { shape, text: await media.innerText() };
    };
    const onInstagram = await shown(instagram.id);
    expect(onInstagram.shape).toBeCloseTo(1.91, 1);
    expect(onInstagram.text).toMatch(/1440 × 75\d px/);
    expect(onInstagram.text).toContain('padded to 1.91:1');
    const onPinterest = await shown(pinterest.id);
    expect(onPinterest.shape).toBeCloseTo(4, 1);
    expect(onPinterest.text).toContain('2000 × 500 px');
    await page.screenshot({ path: '/tmp/cross-post-media-preview.png' });
  });

  it('connects an account from the settings page and never shows its secret again', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin/settings/cross-post/accounts`);
    await page.getByTestId('cross-post-add-account').click();
    await page.getByLabel('Name').fill('Mastodon Paris');
    await page.getByLabel('Base URL').fill(fakes.mastodon.baseUrl);
    // Mastodon is the default network; its only credential is the access token.
    await page.getByLabel('Access token').fill('super-secret-token-4242');
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /Mastodon Paris/ });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('••••4242');
    expect(await page.content()).not.toContain('super-secret-token');
    await page.screenshot({ path: '/tmp/cross-post-accounts.png' });
  });
});
