import { chromium, type Browser, type Page } from 'playwright-core';

import { bootStrapi, type BootOptions, type TestApp } from '../../harness/strapi';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export type AdminSession = {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Same admin as the page is logged in with, for API calls beside the UI. */
  adminToken: string;
  close(): Promise<void>;
};

export const E2E_ADMIN = { email: 'e2e-admin@tests.porte-voix.local', password: 'E2e-password-1234' };

/**
 * Boots the built app (with the production admin bundle from `npm run test:e2e`), listens on a
 * loopback port, starts Chromium and logs a super admin into the admin panel.
 * `language` sets the admin interface language ('en' or 'fr').
 */
export async function openAdmin(
  options: BootOptions & { language?: 'en' | 'fr' } = {}
): Promise<AdminSession> {
  const app = await bootStrapi(options);
  const baseUrl = await app.listen();
  const adminToken = await app.adminToken({ email: E2E_ADMIN.email });
  // adminToken() created the user with the harness password; give it the e2e one for the form.
  const user = await app.strapi.db.query('admin::user').findOne({ where: { email: E2E_ADMIN.email } });
  await app.strapi.service('admin::user').updateById(user.id, { password: E2E_ADMIN.password });

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: options.language ?? 'en',
  });
  await context.addInitScript((language) => {
    window.localStorage.setItem('strapi-admin-language', language);
  }, options.language ?? 'en');
  const page = await context.newPage();
  await loginAdmin(page, baseUrl);

  return {
    app,
    baseUrl,
    browser,
    page,
    adminToken,
    async close() {
      await browser.close();
      await app.stop();
    },
  };
}

export async function loginAdmin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(E2E_ADMIN.email);
  await page.locator('input[name="password"]').fill(E2E_ADMIN.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
}
