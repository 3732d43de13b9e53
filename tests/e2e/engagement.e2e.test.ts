/**
 * A community manager's Monday, in French: the homepage widgets show this week's real numbers
 * (written through the collector's own recording path), the campaign report sets each target
 * against what was measured, a filter changes the report and its URL, and the CSV opens in French
 * Excel as it is.
 */
import { readFile } from 'node:fs/promises';

import { openAdmin, type AdminSession } from './harness/browser';
import {
  addDelivery,
  counters,
  createCollector,
  DAY,
  HOUR,
  recordReading,
} from '../integration/engagement/helpers';

const MINUTE = 60_000;
const day = (time: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(time);
/** French numbers group thousands with a narrow no-break space. */
const digits = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]/g, '');

describe('engagement widgets and reports', () => {
  let session: AdminSession;
  let campaign: string;
  let post: string;
  const now = Date.now();
  /** Scripts the browser asked for, to see when the chart library is loaded. */
  const scripts: string[] = [];
  const chartScripts = () => scripts.filter((url) => /CartesianChart|DailyChart|LinesChart/.test(url));

  beforeAll(async () => {
    session = await openAdmin({ language: 'fr', env: { CROSS_POST_DISPATCHER: 'false' } });
    const { strapi } = session.app;
    const documents = strapi.documents as any;
    campaign = (
      await documents('api::campaign.campaign').create({
        data: {
          name: 'Mai à vélo',
          startsOn: day(now - 9 * DAY),
          endsOn: day(now + 10 * DAY),
          timeZone: 'Europe/Paris',
          kpiTargets: [
            { metric: 'impressions', target: 10000 },
            { metric: 'engagements', target: 100 },
            { metric: 'conversions', target: 20 },
          ],
        },
      })
    ).documentId;
    post = (
      await documents('api::post.post').create({
        data: { title: 'Le programme de samedi', body: 'Samedi, on roule', campaign },
      })
    ).documentId;

    // This week: X measures impressions and clicks, Mastodon does not. Last week: one Mastodon post.
    const c = createCollector(strapi);
    const x = await addDelivery(c, {
      network: 'x',
      accountId: 1,
      postDocumentId: post,
      campaignDocumentId: campaign,
      postedAt: new Date(now - 2 * HOUR),
    });
    const mastodon = await addDelivery(c, {
      network: 'mastodon',
      accountId: 2,
      postDocumentId: post,
      campaignDocumentId: campaign,
      postedAt: new Date(now - 2 * HOUR),
    });
    const lastWeek = await addDelivery(c, {
      network: 'mastodon',
      accountId: 2,
      postDocumentId: 'lastweekpost',
      postedAt: new Date(now - 7 * DAY - 2 * HOUR),
    });
    const unmeasured = {
      impressions: null,
      reach: null,
      views: null,
      bookmarks: null,
      linkClicks: null,
      profileClicks: null,
    };
    await recordReading(
      c,
      x.deliveryId,
      counters({
        impressions: 1000,
        reactions: 20,
        comments: 4,
        shares: 1,
        quotes: 0,
        bookmarks: 1,
        linkClicks: 10,
        profileClicks: 4,
      }),
      new Date(now - 90 * MINUTE)
    );
    await recordReading(
      c,
      x.deliveryId,
      counters({
        impressions: 3000,
        reactions: 50,
        comments: 5,
        shares: 3,
        quotes: 1,
        bookmarks: 2,
        linkClicks: 30,
        profileClicks: 9,
      }),
      new Date(now - 2 * MINUTE)
    );
    await recordReading(
      c,
      mastodon.deliveryId,
      counters({ ...unmeasured, reactions: 12, comments: 3, shares: 5, quotes: 0 }),
      new Date(now - MINUTE)
    );
    await recordReading(
      c,
      lastWeek.deliveryId,
      counters({ ...unmeasured, reactions: 7, comments: 1, shares: 0, quotes: 0 }),
      new Date(now - 7 * DAY - MINUTE)
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Puts the engagement widgets first on the homepage, at the given widths (12 columns a row). */
  const layout = async (widths: Record<'week' | 'pacing' | 'topPosts' | 'health', number>) => {
    const response = await session.app
      .http()
      .put('/admin/homepage/layout')
      .set('Authorization', `Bearer ${session.adminToken}`)
      .send({
        version: 1,
        widgets: Object.entries(widths).map(([id, width]) => ({ uid: `plugin::engagement.${id}`, width })),
      });
    expect(response.status).toBe(200);
  };

  it('shows this week’s numbers in the homepage widgets, at 4 and at 12 columns', async () => {
    const { page, baseUrl } = session;
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await layout({ week: 4, pacing: 8, topPosts: 12, health: 6 });
    await page.goto(`${baseUrl}/admin`);

    const week = page.getByTestId('engagement-week-widget');
    await week.waitFor({ timeout: 60_000 });
    // X 50+5+3+1+2+30+9 = 100 and Mastodon 12+3+5 = 20 this week, against 7+1 = 8 last week.
    expect(digits(await week.getByTestId('week-interactions-value').textContent())).toBe('120');
    await week.getByText(/\+112/).waitFor();
    expect(digits(await week.getByTestId('week-impressions-value').textContent())).toBe('3000');
    expect(digits(await week.getByTestId('week-linkClicks-value').textContent())).toBe('30');
    // No account's followers were read: unknown, not 0.
    expect(await week.getByTestId('week-followersGained-value').textContent()).toBe('n.d.');
    await page.getByText('Cette semaine et la précédente').first().waitFor();

    const pacing = page.getByTestId('engagement-pacing-widget');
    await pacing.getByText('Mai à vélo').waitFor();
    // 10 of 20 days gone: 5,000 impressions expected, 3,000 reached.
    await pacing.getByTestId('pace-behind').waitFor();
    await pacing.getByTestId('pace-met').waitFor();
    expect(await pacing.getByTestId('pace-expected-mark').count()).toBeGreaterThan(0);

    const top = page.getByTestId('engagement-top-posts-widget');
    await top.getByText('Le programme de samedi').waitFor();
    expect(digits(await top.getByTestId('top-post-interactions').first().textContent())).toBe('120');

    const health = page.getByTestId('engagement-health-widget');
    await health.getByTestId('health-reconnect').waitFor();
    await health.getByText(/3 diffusions suivies/).waitFor();

    // The chart library is for the report pages: the homepage does not load it.
    expect(scripts.length).toBeGreaterThan(0);
    expect(chartScripts()).toEqual([]);

    // The same widget at 12 columns: four figures in a row, sources named.
    await layout({ week: 12, pacing: 4, topPosts: 4, health: 4 });
    await page.reload();
    await week.waitFor({ timeout: 60_000 });
    expect(digits(await week.getByTestId('week-interactions-value').textContent())).toBe('120');
    await week.getByText(/Mastodon \(collecté/).waitFor();
    await pacing.getByText('Mai à vélo').waitFor();
    await top.getByText('Le programme de samedi').waitFor();
  });

  it('opens a campaign report with its targets from the pacing widget', async () => {
    const { page } = session;
    await page.getByTestId('engagement-pacing-widget').getByRole('link', { name: 'Mai à vélo' }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/plugins/engagement/campaigns/${campaign}`));
    const targets = page.getByTestId('targets-table');
    await targets.waitFor({ timeout: 30_000 });
    expect(digits(await targets.getByTestId('target-impressions-actual').textContent())).toBe('3000/10000');
    expect(digits(await targets.getByTestId('target-engagements-actual').textContent())).toBe('120/100');
    await targets.getByTestId('pace-behind').waitFor();
    // Mastodon cannot count impressions; conversions happen on another site.
    const warnings = page.getByTestId('campaign-warnings');
    await warnings.getByText(/Impressions n’est compté que sur X : Mastodon ne le mesure pas/).waitFor();
    await warnings.getByText(/Conversions ont lieu sur un autre site/).waitFor();
    await page.getByTestId('campaign-posts').getByText('Le programme de samedi').waitFor();
  });

  it('records a boost and shows what it cost beside the organic figures', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Enregistrer une dépense' }).click();
    await page.locator('input[name="amount"]').fill('149,90');
    await page.locator('input[name="paidImpressions"]').fill('29980');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const figures = page.getByTestId('paid-figures');
    await figures.waitFor({ timeout: 30_000 });
    await figures.getByText(/149,90/).waitFor();
    // 149.90 € for 29,980 impressions: 5.00 € per thousand.
    await figures.getByText(/5,00/).waitFor();
    const sideBySide = page.getByTestId('organic-vs-paid');
    expect(digits(await sideBySide.locator('tr', { hasText: 'Impressions' }).textContent())).toContain(
      '300029980'
    );
  });

  it('switches a filter of the overview: the URL and the numbers change', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin/plugins/engagement`);
    const interactions = page.getByTestId('figure-interactions-value');
    await interactions.waitFor({ timeout: 30_000 });
    // Last 28 days: this week's 120 and last week's 8.
    expect(digits(await interactions.textContent())).toBe('128');

    await page.getByRole('combobox', { name: 'Réseau' }).click();
    await page.getByRole('option', { name: 'Mastodon' }).click();
    await page.waitForURL((url) => url.searchParams.get('network') === 'mastodon');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="figure-interactions-value"]')
          ?.textContent?.replace(/\D/g, '') === '28'
    );
    // Mastodon measures no impressions: unknown, and the card says why.
    expect(await page.getByTestId('figure-impressions-value').textContent()).toBe('n.d.');
    await page
      .getByTestId('figure-impressions')
      .getByText(/Non mesuré par Mastodon/)
      .waitFor();

    // The URL is the report: opened again, it shows the same numbers.
    await page.reload();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="figure-interactions-value"]')
          ?.textContent?.replace(/\D/g, '') === '28'
    );
    // The chart library comes with the report.
    await page.locator('.recharts-wrapper').first().waitFor({ timeout: 30_000 });
    expect(chartScripts().length).toBeGreaterThan(0);
  });

  it('downloads a campaign CSV French Excel opens as it is', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin/plugins/engagement/campaigns/${campaign}`);
    await page.getByTestId('targets-table').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-networks').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`campaign-${campaign}-networks.csv`);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFFRéseau;Diffusions;Interactions;')).toBe(true);
    const x = text.split('\r\n').find((line) => line.startsWith('x;'))!;
    // 100 interactions over 3,000 impressions, with a decimal comma.
    expect(x).toContain(';0,033333;');
  });

  it('shows a post’s deliveries side by side and the wait when refreshed too soon', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin/plugins/engagement/posts/${post}`);
    const side = page.getByTestId('post-deliveries');
    await side.waitFor({ timeout: 30_000 });
    await side.getByText('X', { exact: true }).first().waitFor();
    await side.getByText('Mastodon', { exact: true }).first().waitFor();
    await page.locator('.recharts-wrapper').first().waitFor({ timeout: 30_000 });

    const refresh = page.getByRole('button', { name: 'Actualiser maintenant' });
    await refresh.click();
    await page.getByTestId('refresh-outcome').waitFor({ timeout: 30_000 });
    await refresh.click();
    await page
      .getByTestId('refresh-wait')
      .getByText(/actualiser de nouveau dans \d+:\d\d/)
      .waitFor();
    expect(await refresh.isDisabled()).toBe(true);
  });
});
