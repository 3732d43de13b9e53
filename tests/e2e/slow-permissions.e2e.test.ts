import { openAdmin, type AdminSession } from './harness/browser';

/**
 * An admin reloads a moderation page on a slow server: the page must wait for their permissions and
 * then open, never say "no permissions" for good because it looked before they arrived (Strapi's
 * useRBAC checked once, at mount; seen on a loaded CI machine).
 */
describe('admin pages while the permissions are slow to come', () => {
  let session: AdminSession;

  beforeAll(async () => {
    session = await openAdmin({ language: 'en' });
  });
  afterAll(async () => session?.close());

  it('opens the listening page once the permissions arrive, four seconds late', async () => {
    const { page, baseUrl } = session;
    await page.route('**/admin/users/me/permissions', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await route.continue();
    });
    await page.goto(`${baseUrl}/admin/plugins/moderation/listening`);
    await page.getByTestId('saved-search-form').waitFor({ timeout: 30_000 });
    expect(await page.getByText("You don't have the permissions").count()).toBe(0);
  });
});
