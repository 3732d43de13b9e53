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

  it.each(PLUGIN_PAGES)('shows the %s plugin in the menu and its page talks to its server', async (pluginId) => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin`);
    await page.locator(`a[href$="/plugins/${pluginId}"]`).first().waitFor({ timeout: 60_000 });
    await page.goto(`${baseUrl}/admin/plugins/${pluginId}`);
    await page.getByTestId('plugin-status').or(page.getByText(/loaded|chargé/)).first().waitFor({ timeout: 60_000 });
  });
});
