/** Paid reach: a community manager records what a boost cost and sees CPM and CPC beside it. */
import { bootStrapi, type TestApp } from '../../harness/strapi';

let app: TestApp;
let token: string;
let campaign: string;
let otherCampaign: string;
let post: string;

beforeAll(async () => {
  app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false' } });
  token = await app.adminToken();
  const documents = app.strapi.documents as any;
  campaign = (await documents('api::campaign.campaign').create({ data: { name: 'Lancement casque' } }))
    .documentId;
  otherCampaign = (await documents('api::campaign.campaign').create({ data: { name: 'Rentrée' } }))
    .documentId;
  post = (
    await documents('api::post.post').create({
      data: { title: 'Avant-première', body: 'Le casque', campaign },
    })
  ).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const as = (bearer: string) => ({
  get: (path: string) => app.http().get(path).set('Authorization', `Bearer ${bearer}`),
  post: (path: string, body: unknown) =>
    app
      .http()
      .post(path)
      .set('Authorization', `Bearer ${bearer}`)
      .send(body as object),
  put: (path: string, body: unknown) =>
    app
      .http()
      .put(path)
      .set('Authorization', `Bearer ${bearer}`)
      .send(body as object),
  delete: (path: string) => app.http().delete(path).set('Authorization', `Bearer ${bearer}`),
});

const boost = {
  spentOn: '2026-11-20',
  amount: 149.9,
  currency: 'eur',
  network: 'facebook',
  paidImpressions: 29980,
  paidClicks: 300,
};

describe('paid spend', () => {
  it('records a boost in minor units and gives CPM and CPC per currency', async () => {
    const created = await as(token).post('/engagement/spend', { ...boost, campaign, post });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      campaign,
      post,
      amountMinor: 14990,
      currency: 'EUR',
      network: 'facebook',
    });
    await as(token).post('/engagement/spend', {
      campaign,
      spentOn: '2026-11-21',
      amount: 10,
      currency: 'CHF',
    });

    const listed = await as(token).get(`/engagement/spend?campaign=${campaign}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.spends).toHaveLength(2);
    expect(listed.body.data.figures).toEqual([
      { currency: 'EUR', amountMinor: 14990, cpm: 500, cpc: 14990 / 300, costPerInteraction: null },
      { currency: 'CHF', amountMinor: 1000, cpm: null, cpc: null, costPerInteraction: null },
    ]);
  });

  it('refuses bad input with a message naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...boost, campaign, currency: 'EURO' }, 'currency'],
      [{ ...boost, campaign, amount: -5 }, 'amount'],
      [{ ...boost, campaign, amount: 1.234 }, 'amount has more decimals than EUR allows'],
      [{ ...boost, campaign, currency: 'JPY', amount: 10.5 }, 'JPY allows (0)'],
      [{ ...boost, campaign, spentOn: '2026-13-45' }, 'spentOn'],
      [{ ...boost, campaign, paidClicks: 2.5 }, 'paidClicks must be a whole number'],
      [{ ...boost, campaign, network: 'myspace' }, 'network'],
      [{ ...boost, campaign, extra: 1 }, 'extra'],
      [{ ...boost }, 'campaign is required'],
      ['not an object', 'body'],
    ];
    for (const [body, message] of cases) {
      const response = await as(token).post('/engagement/spend', body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      expect(response.body.error.message).toContain(message);
      expect(response.body.error.details.reason).toBe('invalid_input');
    }
  });

  it('says when the campaign or post does not exist, or the post is not the campaign’s', async () => {
    const unknown = await as(token).post('/engagement/spend', {
      ...boost,
      campaign: 'nosuchcampaign0000000000',
    });
    expect([unknown.status, unknown.body.error.details.reason]).toEqual([404, 'campaign_not_found']);
    const foreign = await as(token).post('/engagement/spend', { ...boost, campaign: otherCampaign, post });
    expect([foreign.status, foreign.body.error.details.reason]).toEqual([400, 'post_not_in_campaign']);
  });

  it('corrects and deletes a spend', async () => {
    const created = await as(token).post('/engagement/spend', { ...boost, campaign: otherCampaign });
    const id = created.body.data.id;
    const changed = await as(token).put(`/engagement/spend/${id}`, {
      ...boost,
      campaign: otherCampaign,
      amount: 99,
    });
    expect([changed.status, changed.body.data.amountMinor]).toEqual([200, 9900]);
    expect((await as(token).delete(`/engagement/spend/${id}`)).status).toBe(204);
    expect((await as(token).delete(`/engagement/spend/${id}`)).status).toBe(404);
    expect((await as(token).put('/engagement/spend/abc', { ...boost, campaign })).status).toBe(400);
  });

  it('lets only roles with "manage spend" write, and "read" list', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
    await app.strapi.db.query('admin::permission').create({
      data: {
        action: 'plugin::engagement.read',
        role: role.id,
        subject: null,
        properties: {},
        conditions: [],
      },
    });
    const reader = await app.adminToken({ roleCode: 'strapi-author' });
    const editor = await app.adminToken({ roleCode: 'strapi-editor' });
    expect((await as(reader).get(`/engagement/spend?campaign=${campaign}`)).status).toBe(200);
    expect((await as(reader).post('/engagement/spend', { ...boost, campaign })).status).toBe(403);
    expect((await as(editor).get(`/engagement/spend?campaign=${campaign}`)).status).toBe(403);
    expect((await app.http().get(`/engagement/spend?campaign=${campaign}`)).status).toBe(401);
  });
});
