/**
 * The Monday e-mail: a manager subscribed to the weekly report gets last week's figures on Monday at
 * 08:00 Paris time, in French, once, whatever the number of instances asking; a monthly report on the 2nd.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { addDelivery, counters, createCollector, recordReading } from './helpers';

let app: TestApp;
let token: string;

const scheduled = () => app.strapi.plugin('engagement').service('scheduledReports');
const nothing = { impressions: null, reach: null, views: null, linkClicks: null, profileClicks: null };

beforeAll(async () => {
  app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false' } });
  token = await app.adminToken();
  const c = createCollector(app.strapi);
  const post = (
    await (app.strapi.documents as any)('api::post.post').create({
      data: { title: 'Atelier vélo', body: 'Samedi' },
    })
  ).documentId;
  const delivery = await addDelivery(c, {
    network: 'mastodon',
    postDocumentId: post,
    postedAt: new Date('2026-11-25T09:00:00Z'),
  });
  await recordReading(
    c,
    delivery.deliveryId,
    counters({ ...nothing, reactions: 1234, comments: 5, shares: 7, quotes: 0, bookmarks: 1 }),
    new Date('2026-11-26T10:00:00Z')
  );
});
afterAll(async () => {
  await app?.stop();
});

const post = (body: unknown) =>
  app
    .http()
    .post('/engagement/report-subscriptions')
    .set('Authorization', `Bearer ${token}`)
    .send(body as object);

describe('scheduled e-mail reports', () => {
  it('refuses a subscription it cannot send, naming the field', async () => {
    for (const [body, message] of [
      [{ email: 'not-an-address', language: 'fr', cadence: 'weekly' }, 'email must be an e-mail address'],
      [{ email: 'a@example.org', language: 'de', cadence: 'weekly' }, 'language must be en or fr'],
      [{ email: 'a@example.org', language: 'fr', cadence: 'daily' }, 'cadence must be weekly or monthly'],
      [{ email: 'a@example.org', language: 'fr', cadence: 'weekly', extra: true }, 'extra'],
    ] as const) {
      const response = await post(body);
      expect([message, response.status]).toEqual([message, 400]);
      expect(response.body.error.message).toContain(message);
    }
    const unknownCampaign = await post({
      email: 'a@example.org',
      language: 'fr',
      cadence: 'weekly',
      campaign: 'nosuch0000',
    });
    expect(unknownCampaign.status).toBe(404);
  });

  it('lists and removes subscriptions through the API', async () => {
    const created = await post({ email: 'Direction@Example.org', language: 'en', cadence: 'monthly' });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ email: 'direction@example.org', cadence: 'monthly' });
    const listed = await app
      .http()
      .get('/engagement/report-subscriptions')
      .set('Authorization', `Bearer ${token}`);
    expect(listed.body.data.map((s: any) => s.email)).toContain('direction@example.org');
    const removed = await app
      .http()
      .delete(`/engagement/report-subscriptions/${created.body.data.id}`)
      .set('Authorization', `Bearer ${token}`);
    expect(removed.status).toBe(204);
  });

  it('sends last week’s report on Monday at 08:00 Paris time, in French, once', async () => {
    const subscription = await scheduled().subscribe(
      { email: 'manager@example.org', language: 'fr', cadence: 'weekly' },
      null,
      new Date('2026-11-24T10:00:00Z')
    );
    // Monday 30 November, 08:00 in Paris is 07:00 UTC.
    expect(subscription.nextRunAt).toBe('2026-11-30T07:00:00.000Z');
    const before = app.sentEmails().length;

    expect((await scheduled().sendDue(new Date('2026-11-30T06:59:00Z'))).sent).toBe(0);
    // Two instances asking at once: one sends.
    const runs = await Promise.all([
      scheduled().sendDue(new Date('2026-11-30T07:00:00Z')),
      scheduled().sendDue(new Date('2026-11-30T07:00:00Z')),
    ]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(1);
    expect((await scheduled().sendDue(new Date('2026-11-30T07:05:00Z'))).sent).toBe(0);

    const emails = app.sentEmails().slice(before);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email.to).toBe('manager@example.org');
    expect(email.subject).toBe('Porte-voix · Rapport hebdomadaire · 23 novembre 2026 – 29 novembre 2026');
    // 1,234 + 5 + 7 + 0 + 1 interactions, in French digits; impressions unmeasured on Mastodon.
    expect(email.text).toContain('Interactions\u00a0: 1\u202f247 (période précédente\u00a0: n.d.');
    expect(email.text).toContain('Impressions\u00a0: n.d.');
    expect(email.text).toContain('1. Atelier vélo');
    expect(email.html).toContain('<html lang="fr">');

    const next = (await scheduled().list()).find((s: any) => s.id === subscription.id);
    expect(next).toMatchObject({
      nextRunAt: '2026-12-07T07:00:00.000Z',
      lastPeriod: '2026-11-23/2026-11-29',
    });
  });

  it('sends a monthly report on the 2nd for the previous month, in English', async () => {
    await scheduled().subscribe(
      { email: 'board@example.org', language: 'en', cadence: 'monthly' },
      null,
      new Date('2026-11-24T10:00:00Z')
    );
    const before = app.sentEmails().length;
    await scheduled().sendDue(new Date('2026-12-02T07:00:00Z'));
    const email = app
      .sentEmails()
      .slice(before)
      .find((e) => e.to === 'board@example.org')!;
    expect(email.subject).toBe('Porte-voix · Monthly report · 1 November 2026 – 30 November 2026');
    expect(email.text).toContain('Interactions: 1,247');
  });
});
