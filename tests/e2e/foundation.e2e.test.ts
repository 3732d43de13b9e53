import { openAdmin, type AdminSession } from './harness/browser';

const PLUGIN_PAGES = ['cross-post', 'moderation', 'engagement', 'contests'];

describe('the admin panel, as an editor first sees it', () => {
  let session: AdminSession;
  beforeAll(async () => {
    session = await openAdmin({ seedDemo: true, language: 'en' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the demo posts in French, then in English', async () => {
    const { page, baseUrl } = session;
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::post.post?page=1&pageSize=50&plugins[i18n][locale]=fr`
    );
    await page.getByText('Mai à vélo commence !').first().waitFor({ timeout: 60_000 });
    // Editors see the campaign and the editorial status as list columns, not the whole body.
    await page
      .locator('thead')
      .getByText(/^campaign$/i)
      .waitFor();
    await page
      .locator('thead')
      .getByText(/^editorial status$/i)
      .waitFor();
    await page.getByText('Bilan de mi-parcours').first().waitFor();

    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::post.post?page=1&pageSize=50&plugins[i18n][locale]=en`
    );
    await page.getByText('Bike Month starts now!').first().waitFor({ timeout: 60_000 });
  });

  it('lists campaigns, events and partnerships', async () => {
    const { page, baseUrl } = session;
    const expectations: [string, string][] = [
      ['api::campaign.campaign', 'Mai à vélo'],
      ['api::event.event', 'Apéro vélo à Lyon'],
      ['api::partnership.partnership', 'Lyon Vélo Solidaire'],
    ];
    for (const [uid, text] of expectations) {
      await page.goto(`${baseUrl}/admin/content-manager/collection-types/${uid}?plugins[i18n][locale]=fr`);
      await page.getByText(text).first().waitFor({ timeout: 60_000 });
    }
  });

  it.each(PLUGIN_PAGES)('shows the %s plugin in the menu, and its page opens', async (pluginId) => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin`);
    const link = page.locator(`nav a[href$="/plugins/${pluginId}"]`).first();
    await link.waitFor({ timeout: 60_000 });
    await link.click();
    await page.waitForURL(
      (url) => url.pathname.endsWith(`/plugins/${pluginId}`) || url.pathname.includes(`/plugins/${pluginId}/`)
    );
    const heading = page.locator('main h1').first();
    await heading.waitFor({ timeout: 60_000 });
    expect(await heading.innerText()).not.toMatch(/not found|introuvable|error|erreur/i);
    expect(await page.getByText(/Woops|Something went wrong|Une erreur est survenue/i).count()).toBe(0);
  });
});
