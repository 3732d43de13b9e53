import { openAdmin, type AdminSession } from './harness/browser';
import { createContest, entryBody, QUIET_ENV, setWindow } from '../integration/contests/contest-fixtures';

const DAY = 24 * 3600 * 1000;
const NAMES = [
  'Camille Durand',
  'Youssef Benali',
  'Léa Martin',
  'Hugo Lefèvre',
  'Inès Moreau',
  'Théo Garnier',
];

/** An organiser commits, entries arrive over the API, the organiser draws and sees who won. */
describe('running a contest from the admin', () => {
  let session: AdminSession;
  let contest: string;

  beforeAll(async () => {
    session = await openAdmin({ language: 'en', env: QUIET_ENV });
    session.app.strapi.plugin('email').service('email').send = async () => undefined;
    contest = await createContest(
      session.app.strapi,
      {
        entryOpensAt: new Date(Date.now() + DAY).toISOString(),
        entryClosesAt: new Date(Date.now() + 2 * DAY).toISOString(),
        winnersCount: 2,
        substitutesCount: 2,
      },
      { title: 'Un vélo cargo à gagner' }
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('commits from the contest page before entries open', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin/plugins/contests`);
    await page.getByText('Un vélo cargo à gagner').click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Commit' }).click();
    const commitment = page.getByTestId('commitment');
    await commitment.waitFor();
    const published = (await session.app.http().get(`/api/contests/${contest}`)).body.data.commitment;
    expect(await commitment.textContent()).toBe(published);
  });

  it('draws once entries have come in over the API and closed, and shows winners and substitutes', async () => {
    const { page, app } = session;
    await setWindow(app.strapi, contest, new Date(Date.now() - DAY), new Date(Date.now() + DAY));
    for (const [i, name] of NAMES.entries()) {
      const response = await app
        .http()
        .post(`/api/contests/${contest}/entries`)
        .send(entryBody({ name, email: `entrant${i}@example.fr` }));
      expect(response.status).toBe(201);
    }
    await setWindow(app.strapi, contest, new Date(Date.now() - DAY), new Date(Date.now() - 1000));

    await page.reload();
    await page.getByTestId('count-valid').getByText('6').waitFor({ timeout: 30_000 });
    await page.getByLabel('Beacon').fill('drand:quicknet:424242');
    await page.getByRole('button', { name: 'Draw', exact: true }).click();

    const winners = page.getByTestId('winners').locator('li');
    const substitutes = page.getByTestId('substitutes').locator('li');
    await winners.first().waitFor({ timeout: 30_000 });
    expect(await winners.count()).toBe(2);
    expect(await substitutes.count()).toBe(2);

    const state = (await app.http().get(`/api/contests/${contest}`)).body.data;
    const shown = [...(await winners.allTextContents()), ...(await substitutes.allTextContents())];
    const byId = Object.fromEntries(
      (
        await app.strapi.db
          .query('plugin::contests.contest-entry')
          .findMany({ where: { eventDocumentId: contest } })
      ).map((entry: any) => [entry.publicId, entry.name])
    );
    expect(shown.map((text) => text.split(' <')[0])).toEqual(
      [...state.winners, ...state.substitutes].map((id) => byId[id])
    );
    await page.getByText('Drawn').first().waitFor();
    await page.screenshot({ path: '/tmp/contests-drawn.png', fullPage: true });
  });

  it('shows the audit log as sentences, and each filter’s placeholder once', async () => {
    const { page } = session;
    // The draw's entry: its details by name, the list of winners shortened, the hash abbreviated.
    const drawn = page.getByTestId('audit-detail-winners').first();
    await drawn.waitFor({ timeout: 30_000 });
    expect(await drawn.textContent()).toMatch(/^Winners 2 · /);
    const hash = page.getByTestId('audit-detail-entriesHash').first();
    expect(await hash.textContent()).toMatch(/^Hash of the entry list [0-9a-f]{12}…$/);
    expect((await hash.getAttribute('title'))!.length).toBeGreaterThan(40);
    await page.getByTestId('audit-detail-committedBeforeOpening').getByText('yes').waitFor();
    expect(await page.locator('td', { hasText: '{"' }).count()).toBe(0);

    const status = page.getByRole('combobox', { name: 'Status' });
    expect((await status.textContent())!.trim()).toBe('Any status');
  });
});
