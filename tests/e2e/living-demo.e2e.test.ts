/**
 * The demo a newcomer opens after `npm run fakes` and `CROSS_POST_DEMO_ACCOUNTS=true npm run develop`,
 * in French: the homepage widgets, a campaign report and its CSV show the numbers the demo's
 * publications met on the fake networks — the same numbers the reports' API gives, and not zeros.
 * The fakes run on free ports here (`npm run fakes` uses fixed ones); the app is pointed at them the
 * same way.
 */
import { readFile } from 'node:fs/promises';

import { openAdmin, type AdminSession } from './harness/browser';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../fakes';

/** French numbers group thousands with a narrow no-break space. */
const digits = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]/g, '');
/** A French CSV number ("1234" or "0,25") as a number. */
const csvNumber = (cell: string) => (cell === '' ? 0 : Number(cell.replace(',', '.')));

describe('the living demo, in the browser', () => {
  let fakes: Fakes;
  let session: AdminSession;
  let summary: any;
  let campaign: { documentId: string; name: string };

  const api = async (path: string) => {
    const response = await session.app.http().get(path).set('Authorization', `Bearer ${session.adminToken}`);
    expect(response.status).toBe(200);
    return response.body.data;
  };

  beforeAll(async () => {
    fakes = await startFakes();
    session = await openAdmin({
      language: 'fr',
      seedDemo: true,
      env: { CROSS_POST_DEMO_ACCOUNTS: 'true', CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) },
    });
    summary = await api('/engagement/homepage/summary');
    // The first running demo campaign with targets, as the pacing widget lists it.
    campaign = summary.campaigns[0];
    expect(campaign).toBeDefined();
  });
  afterAll(async () => {
    await session?.close();
    await fakes?.stop();
  });

  it('shows the demo’s week and top posts in the homepage widgets', async () => {
    const { page, baseUrl } = session;
    // Seven days of demo publications, so the top posts have interactions to rank.
    expect(summary.topPosts.length).toBeGreaterThan(0);
    const best = summary.topPosts[0];
    expect(best.interactions).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/admin`);
    const week = page.getByTestId('engagement-week-widget');
    await week.waitFor({ timeout: 60_000 });
    const interactions = summary.week.current.interactions;
    expect(digits(await week.getByTestId('week-interactions-value').textContent())).toBe(
      interactions === null ? 'n.d.' : String(interactions)
    );

    const top = page.getByTestId('engagement-top-posts-widget');
    await top.getByText(best.title).first().waitFor({ timeout: 30_000 });
    expect(digits(await top.getByTestId('top-post-interactions').first().textContent())).toBe(
      String(best.interactions)
    );

    const pacing = page.getByTestId('engagement-pacing-widget');
    await pacing.getByText(campaign.name).first().waitFor();
  });

  it('opens the campaign report from the pacing widget with the measured figures', async () => {
    const { page } = session;
    const report = await api(`/engagement/reports/campaigns/${campaign.documentId}`);
    const measured = report.byNetwork.filter((row: any) => (row.interactions ?? 0) > 0);
    expect(measured.length).toBeGreaterThan(0);

    await page
      .getByTestId('engagement-pacing-widget')
      .getByRole('link', { name: campaign.name })
      .first()
      .click();
    await page.waitForURL((url) =>
      url.pathname.endsWith(`/plugins/engagement/campaigns/${campaign.documentId}`)
    );
    const targets = page.getByTestId('targets-table');
    await targets.waitFor({ timeout: 30_000 });
    // Every counted target (not a rate) shows what the report's API counted.
    const COUNTS = ['reach', 'impressions', 'engagements', 'clicks', 'followers_gained', 'contest_entries'];
    const measuredTargets = report.targets.filter(
      (row: any) => COUNTS.includes(row.metric) && Number.isInteger(row.actual) && !row.network
    );
    expect(measuredTargets.length).toBeGreaterThan(0);
    for (const target of measuredTargets)
      expect(digits(await targets.getByTestId(`target-${target.metric}-actual`).textContent())).toBe(
        `${target.actual}/${target.target}`
      );
    const titled = report.byPost.find((row: any) => row.title);
    await page.getByTestId('campaign-posts').getByText(titled.title).first().waitFor();
  });

  it('downloads the campaign’s CSV by network, whose interactions add up to the report’s', async () => {
    const { page } = session;
    const report = await api(`/engagement/reports/campaigns/${campaign.documentId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-networks').click(),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFFRéseau;Diffusions;Interactions;')).toBe(true);
    const rows = text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(';'));
    const total = rows.reduce((sum, cells) => sum + csvNumber(cells[2]), 0);
    const expected = report.byNetwork.reduce((sum: number, row: any) => sum + (row.interactions ?? 0), 0);
    expect(total).toBe(expected);
    expect(total).toBeGreaterThan(0);
  });
});
