/**
 * A community manager reports to a partner, in French: the partners page ranks partners by the people
 * their links brought (bots apart), opens one partner's report from the URL, exports it as CSV for
 * French Excel, creates a share link that a browser without any admin session opens, then revokes it;
 * and the homepage widget shows the week's partner traffic at 4 and at 12 columns.
 */
import { readFile } from 'node:fs/promises';

import { openAdmin, type AdminSession } from './harness/browser';
import {
  createCampaign,
  createPartnership,
  flushTraffic,
  MASTODON,
  TRAFFIC_ENV,
  visit,
} from '../integration/engagement/traffic-helpers';

const digits = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]/g, '');

describe('partners report and share links', () => {
  let session: AdminSession;
  let partner: any;
  let quiet: any;

  beforeAll(async () => {
    session = await openAdmin({ language: 'fr', env: { ...TRAFFIC_ENV, CROSS_POST_DISPATCHER: 'false' } });
    const { app, adminToken } = session;
    const campaign = await createCampaign(app.strapi);
    partner = await createPartnership(app.strapi, { campaigns: [campaign.documentId] });
    quiet = await createPartnership(app.strapi);
    const created = await app
      .http()
      .post('/engagement/links')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({
        target: { type: 'partnership', documentId: partner.documentId },
        label: 'Bannière du partenaire',
      });
    expect(created.status).toBe(201);
    const { code } = created.body.data[0];
    // Three people and one link preview.
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await visit(app, `/l/${code}`, { ip });
    await visit(app, `/l/${code}`, { ip: '198.51.100.9', userAgent: MASTODON('mastodon.social') });
    await flushTraffic(app);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('ranks partners by human clicks and opens one partner’s report from the URL', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin/plugins/engagement/partners`);
    const table = page.getByTestId('partners-table');
    await table.waitFor({ timeout: 60_000 });
    const first = table.locator('tbody tr').first();
    await first.getByText(partner.partnerName).waitFor();
    // Partner, state, links, human clicks, unique visitors, bots.
    const cells = first.locator('td');
    expect(digits(await cells.nth(3).textContent())).toBe('3');
    expect(digits(await cells.nth(5).textContent())).toBe('1');
    await table.getByText(quiet.partnerName).waitFor();

    // Sorting by name puts them in the other order, and says so.
    await page.getByTestId('partners-table-sort-partner').click();
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');

    await page.getByTestId(`partner-open-${partner.documentId}`).click();
    await page.waitForURL((url) => url.searchParams.get('partner') === partner.documentId);
    const report = page.getByTestId('partner-report');
    await report.waitFor({ timeout: 30_000 });
    expect(digits(await page.getByTestId('partner-humanClicks-value').textContent())).toBe('3');
    expect(digits(await page.getByTestId('partner-botClicks-value').textContent())).toBe('1');
    await page.getByTestId('partner-links').getByText('Bannière du partenaire').waitFor();

    // The URL is the report.
    await page.reload();
    await page.getByTestId('partner-report').waitFor({ timeout: 30_000 });
    expect(digits(await page.getByTestId('partner-humanClicks-value').textContent())).toBe('3');
  });

  it('downloads the partner’s days as CSV for French Excel', async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-daily').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^partner-${partner.documentId}-daily-`));
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFFJour;Clics humains;Visiteurs uniques;Requêtes de robots')).toBe(true);
    expect(text).toMatch(/;3;3;1\r\n/);
  });

  it('creates a share link a partner opens without logging in, then revokes it', async () => {
    const { page, browser } = session;
    const shares = page.getByTestId('partner-shares');
    await shares.getByTestId('share-create').click();
    const url = await shares.getByTestId('share-url').inputValue();
    expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

    // A browser with no admin session at all.
    const stranger = await browser.newContext({ locale: 'en' });
    try {
      const partnerPage = await stranger.newPage();
      const opened = await partnerPage.goto(url);
      expect(opened?.status()).toBe(200);
      await partnerPage.getByRole('heading', { name: new RegExp(partner.partnerName) }).waitFor();
      expect(digits(await partnerPage.locator('[data-figure="humanClicks"] b').textContent())).toBe('3');
      await partnerPage.getByText('Clics humains').first().waitFor();
      expect(await partnerPage.content()).not.toContain(quiet.partnerName);

      await shares.getByTestId('share-list').waitFor();
      await shares.getByRole('button', { name: 'Révoquer' }).first().click();
      await shares.getByText('Révoqué').first().waitFor({ timeout: 30_000 });
      const revoked = await partnerPage.goto(url);
      expect(revoked?.status()).toBe(410);
      await partnerPage.getByText(/a été retiré/).waitFor();
      expect(await partnerPage.content()).not.toContain('Clics humains');
    } finally {
      await stranger.close();
    }
  });

  it('shows the week’s partner traffic on the homepage, at 4 and at 12 columns', async () => {
    const { page, baseUrl, app, adminToken } = session;
    for (const width of [4, 12]) {
      const response = await app
        .http()
        .put('/admin/homepage/layout')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ version: 1, widgets: [{ uid: 'plugin::engagement.partners', width }] });
      expect(response.status).toBe(200);
      await page.goto(`${baseUrl}/admin`);
      const widget = page.getByTestId('engagement-partners-widget');
      await widget.waitFor({ timeout: 60_000 });
      const row = widget.getByTestId('partner-traffic').first();
      await row.getByText(partner.partnerName).waitFor();
      expect(digits(await row.getByTestId('partner-traffic-clicks').textContent())).toBe('3');
      await page.getByText('Trafic des partenaires').first().waitFor();
      if (width === 12) await row.getByText(/1 requête de robot à part/).waitFor();
    }
  });
});
