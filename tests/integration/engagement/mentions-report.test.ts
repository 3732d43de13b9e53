/**
 * Mentions of the brand per week beside the other reports: engagement reads what listening counted
 * (the moderation plugin's hourly rollups, written here by the same code that stores a mention), in
 * weeks of the engagement time zone (Europe/Paris under the tests), with share of voice.
 */
import { listeningHoursRepository } from '../../../plugins/moderation/server/src/repositories/listening-hours.repository';
import { bootStrapi, type TestApp } from '../../harness/strapi';

let app: TestApp;
let token: string;

const get = (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`);

async function createSearch(kind: 'brand' | 'competitor', name: string): Promise<number> {
  const response = await app
    .http()
    .post('/moderation/listening/searches')
    .set('Authorization', `Bearer ${token}`)
    .send({ name, kind, terms: [name], languages: ['fr'], feeds: [`https://forum.example.org/${name}.xml`] });
  if (response.status !== 201) throw new Error(`search not created: ${JSON.stringify(response.body)}`);
  return response.body.data.id;
}

beforeAll(async () => {
  app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false' } });
  token = await app.adminToken();
  const brand = await createSearch('brand', 'Velorution');
  const rival = await createSearch('competitor', 'Pedalo');
  const hours = listeningHoursRepository(app.strapi);
  const mention = (
    searchId: number,
    at: string,
    network: string,
    sentiment: 'positive' | 'neutral' | 'negative'
  ) => hours.add({ searchId, at: new Date(at), network, language: 'fr', sentiment });
  // Before the period: Sunday 15 November, 23:10 in Paris.
  await mention(brand, '2026-11-15T22:10:00Z', 'mastodon', 'positive');
  // Week 47 (16–22 November).
  await mention(brand, '2026-11-17T10:00:00Z', 'mastodon', 'positive');
  await mention(brand, '2026-11-18T10:00:00Z', 'mastodon', 'negative');
  // Sunday 22 November 23:30 UTC is Monday 00:30 in Paris: week 48 there.
  await mention(brand, '2026-11-22T23:30:00Z', 'x', 'neutral');
  await mention(rival, '2026-11-24T09:00:00Z', 'mastodon', 'neutral');
  await mention(brand, '2026-11-25T12:00:00Z', 'mastodon', 'positive');
  // After the period.
  await mention(brand, '2026-11-30T08:00:00Z', 'mastodon', 'negative');
});

afterAll(async () => {
  await app?.stop();
});

describe('engagement: mentions per week', () => {
  it('counts the brand’s mentions per week of the engagement time zone, with share of voice', async () => {
    const response = await get('/engagement/reports/mentions?from=2026-11-16&to=2026-11-29');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      {
        week: '2026-W47',
        weekStart: '2026-11-16',
        mentions: 2,
        positive: 1,
        neutral: 0,
        negative: 1,
        competitorMentions: 0,
        brandShare: 1,
      },
      {
        week: '2026-W48',
        weekStart: '2026-11-23',
        mentions: 2,
        positive: 1,
        neutral: 1,
        negative: 0,
        competitorMentions: 1,
        brandShare: 2 / 3,
      },
    ]);

    const mastodon = await get('/engagement/reports/mentions?from=2026-11-16&to=2026-11-29&network=mastodon');
    expect(mastodon.body.data.map((w: any) => [w.week, w.mentions, w.competitorMentions])).toEqual([
      ['2026-W47', 2, 0],
      ['2026-W48', 1, 1],
    ]);
  });

  it('refuses a period whose start is not a day, naming the field', async () => {
    const response = await get('/engagement/reports/mentions?from=2026-11-31&to=2026-11-29');
    expect(response.status).toBe(400);
    expect(response.body.error.details.field).toBe('from');
    expect(response.body.error.message).toContain('from is not a calendar day');
  });
});
