/**
 * A French community manager plans on the editorial calendar, in Paris time: she sees a planned post
 * and a scheduled delivery on their days, drags the delivery to another day, is told why a move to
 * the past is refused, starts a post on a day and opens items with a click.
 */
import { openAdmin, type AdminSession } from './harness/browser';
import { startFakes, type Fakes } from '../fakes';
import { createAccount, createPost } from '../integration/cross-post/helpers';

// A week far enough ahead to stay in the future: Monday 10 June 2030 (Paris is UTC+2 then).
const WEEK = '2030-06-10';
// 22:30 UTC on the 11th is 00:30 on the 12th in Paris: the day only a zone-aware calendar gets right.
const PLANNED_AT = '2030-06-11T22:30:00.000Z';
const DUE_AT = '2030-06-13T22:15:00.000Z';

describe('the editorial calendar', () => {
  let session: AdminSession;
  let fakes: Fakes;
  let planned: string;
  let campaign: string;
  let deliveryId: number;
  let deliveredPost: string;
  let accountId: number;

  beforeAll(async () => {
    fakes = await startFakes();
    session = await openAdmin({ language: 'fr' });
    const { strapi } = session.app;
    campaign = (
      await strapi.documents('api::campaign.campaign' as any).create({
        locale: 'fr',
        data: {
          name: 'Fête du vélo',
          slug: 'fete-du-velo',
          objective: 'awareness',
          startsOn: '2030-06-01',
          color: '#E4572E',
        } as any,
      })
    ).documentId;
    planned = await createPost(strapi, { fr: 'Atelier réparation vélo', campaign });
    await strapi
      .documents('api::post.post' as any)
      .update({ documentId: planned, locale: 'fr', data: { plannedAt: PLANNED_AT } as any });
    const account = await createAccount(strapi, fakes, 'mastodon', { name: 'Mastodon Lyon' });
    accountId = account.id;
    deliveredPost = await createPost(strapi, { fr: 'Balade à vélo dimanche', campaign });
    [{ id: deliveryId }] = await strapi
      .plugin('cross-post')
      .service('deliveries')
      .schedule(deliveredPost, [account.id], new Date(DUE_AT));
  });
  afterAll(async () => {
    await session?.close();
    await fakes?.stop();
  });

  const openWeek = async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/admin/plugins/cross-post?view=week&date=${WEEK}`);
    await page.getByTestId('cross-post-calendar').waitFor({ timeout: 60_000 });
    await page.getByTestId(`calendar-post-${planned}`).waitFor({ timeout: 30_000 });
  };

  it('shows the planned post and the scheduled delivery on their days in Paris time, in their campaign colour', async () => {
    const { page } = session;
    await openWeek();
    expect(await page.getByTestId('cross-post-calendar').getAttribute('data-view')).toBe('week');
    const post = page.getByTestId(`calendar-day-2030-06-12`).getByTestId(`calendar-post-${planned}`);
    expect(await post.getByTestId('calendar-item-time').innerText()).toMatch(/^00:30/);
    expect(await post.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe('rgb(228, 87, 46)');
    const delivery = page
      .getByTestId('calendar-day-2030-06-14')
      .getByTestId(`calendar-delivery-${deliveryId}`);
    expect(await delivery.getByTestId('calendar-item-time').innerText()).toMatch(/^00:15/);
    await delivery.getByTestId('delivery-status-scheduled').waitFor();
    expect(await page.getByText('Europe/Paris').first().isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/calendar-week.png' });

    await page.getByRole('button', { name: 'Mois' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'month');
    expect(await page.getByTestId('calendar-day-2030-06-30').isVisible()).toBe(true);
    await page.getByTestId('calendar-day-2030-06-12').getByTestId(`calendar-post-${planned}`).waitFor();
    await page.screenshot({ path: '/tmp/calendar-month.png', fullPage: true });
  });

  it('moves a delivery to another day by drag and drop, keeping its Paris time', async () => {
    const { page, app, adminToken } = session;
    await openWeek();
    await page
      .getByTestId(`calendar-delivery-${deliveryId}`)
      .dragTo(page.getByTestId('calendar-day-2030-06-15'));
    await page
      .getByTestId('calendar-day-2030-06-15')
      .getByTestId(`calendar-delivery-${deliveryId}`)
      .waitFor({ timeout: 10_000 });
    await page.getByText(/Déplacé au/).waitFor({ timeout: 10_000 });

    const [moved] = (
      await app
        .http()
        .get(`/cross-post/posts/${deliveredPost}/deliveries`)
        .set('Authorization', `Bearer ${adminToken}`)
    ).body.data;
    expect(moved).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2030-06-14T22:15:00.000Z',
      publishedAt: null,
    });
  });

  it('refuses a move to the past with the reason, and leaves the item where it was', async () => {
    const { page } = session;
    await openWeek();
    await page.getByTestId(`calendar-post-${planned}`).getByTestId('calendar-reschedule').click();
    await page.getByTestId('calendar-reschedule-at').fill('2020-01-06T10:00');
    await page.getByTestId('calendar-reschedule-confirm').click();
    await page.getByText('Ce moment est passé : choisissez une heure à venir.').waitFor({ timeout: 10_000 });
    await page
      .getByTestId('calendar-day-2030-06-12')
      .getByTestId(`calendar-post-${planned}`)
      .waitFor({ timeout: 10_000 });
  });

  it('opens a delivery in a panel and a post in the Content Manager on click', async () => {
    const { page } = session;
    await openWeek();
    await page
      .getByTestId(`calendar-delivery-${deliveryId}`)
      .getByRole('button', { name: /Ouvrir/ })
      .click();
    const details = page.getByTestId('calendar-delivery-details');
    await details.waitFor();
    expect(await details.innerText()).toContain('Campagne : Fête du vélo');
    expect(await page.getByTestId('calendar-delivery-due').innerText()).toMatch(/samedi 15 juin 2030.*00:15/);
    await page.getByTestId('calendar-open-post').click();
    await page.waitForURL((url) => url.pathname.endsWith(`/api::post.post/${deliveredPost}`), {
      timeout: 30_000,
    });

    await openWeek();
    await page
      .getByTestId(`calendar-post-${planned}`)
      .getByRole('button', { name: /Ouvrir/ })
      .click();
    await page.waitForURL((url) => url.pathname.endsWith(`/api::post.post/${planned}`), { timeout: 30_000 });
    // Scheduling it starts from its planned time, in Paris time.
    await page.getByTestId(`cross-post-account-${accountId}`).click({ timeout: 60_000 });
    const scheduleAt = page.getByTestId('cross-post-scheduled-at');
    await scheduleAt.waitFor();
    expect(await scheduleAt.inputValue()).toBe('2030-06-12T00:30');
  });

  it('shows and reads times in the zone the person picks', async () => {
    const { page } = session;
    await openWeek();
    await page.getByRole('combobox', { name: 'Fuseau horaire' }).click();
    await page.getByRole('option', { name: 'America/New York' }).click();
    const post = page.getByTestId('calendar-day-2030-06-11').getByTestId(`calendar-post-${planned}`);
    await post.waitFor({ timeout: 10_000 });
    expect(await post.getByTestId('calendar-item-time').innerText()).toMatch(/^18:30/);
    await page.reload();
    await page.getByTestId('calendar-day-2030-06-11').getByTestId(`calendar-post-${planned}`).waitFor();
    await page.getByRole('combobox', { name: 'Fuseau horaire' }).click();
    await page.getByRole('option', { name: 'Europe/Paris' }).click();
  });

  it('starts a post planned on a day, at 09:00 Paris time, and opens it', async () => {
    const { page, app } = session;
    await openWeek();
    await page.getByTestId('calendar-new-post-2030-06-13').click();
    await page.waitForURL((url) => /\/api::post\.post\/[a-z0-9]{20,}$/.test(url.pathname), {
      timeout: 30_000,
    });
    const documentId = new URL(page.url()).pathname.split('/').pop()!;
    const created = await app.strapi
      .documents('api::post.post' as any)
      .findOne({ documentId, locale: 'fr', status: 'draft' } as any);
    expect(new Date((created as any).plannedAt).toISOString()).toBe('2030-06-13T07:00:00.000Z');
    await page.screenshot({ path: '/tmp/calendar-new-post.png' });

    await openWeek();
    await page.getByTestId('calendar-day-2030-06-13').getByTestId(`calendar-post-${documentId}`).waitFor();
  });
});
