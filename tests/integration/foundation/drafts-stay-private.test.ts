import { bootStrapi, type TestApp } from '../../harness/strapi';

/**
 * What an editor has not published never leaves the building: not with `status=draft`, not through a
 * populated relation, not with a read-only API token. Only a full-access token reads drafts.
 */
const DRAFT_TITLES = [
  'Bilan de mi-parcours',
  'Halfway there',
  'Itinéraires sûrs vers les campus',
  'Merci à nos 1 000 ambassadeurs',
  'Partenaire pas encore annoncé',
  'Campagne secrète',
  'Événement en préparation',
];

describe('drafts are never public', () => {
  let app: TestApp;
  let readOnlyToken: string;
  let fullAccessToken: string;
  let draftPostId: string;

  beforeAll(async () => {
    app = await bootStrapi({ seedDemo: true });
    readOnlyToken = await app.apiToken('read-only');
    fullAccessToken = await app.apiToken('full-access');

    // Draft-only documents linked from published ones: a published event with a partner and a campaign that
    // exist only as drafts, and a draft-only event.
    const partner = await app.strapi.documents('api::partnership.partnership').create({
      locale: 'fr',
      data: {
        partnerName: 'Partenaire pas encore annoncé',
        slug: 'partenaire-secret',
        type: 'company',
      } as any,
    });
    const campaign = await app.strapi.documents('api::campaign.campaign').create({
      locale: 'fr',
      data: { name: 'Campagne secrète', slug: 'campagne-secrete' } as any,
    });
    await app.strapi.documents('api::event.event').create({
      locale: 'fr',
      data: {
        title: 'Soirée publique',
        slug: 'soiree-publique',
        kind: 'meetup',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        partners: [partner.documentId],
        campaign: campaign.documentId,
      } as any,
      status: 'published',
    });
    await app.strapi.documents('api::event.event').create({
      locale: 'fr',
      data: {
        title: 'Événement en préparation',
        slug: 'evenement-en-preparation',
        kind: 'launch',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      } as any,
    });
    const draft = await app.strapi.documents('api::post.post').findFirst({
      filters: { title: 'Bilan de mi-parcours' },
      status: 'draft',
    });
    draftPostId = draft.documentId;
  });
  afterAll(async () => {
    await app?.stop();
  });

  const revealsNoDraft = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const title of DRAFT_TITLES) expect(text).not.toContain(title);
  };

  /** Either a 400 naming `status`, or an answer with published content only. */
  const expectNoDrafts = (response: { status: number; body: any }) => {
    expect(response.status).toBeLessThan(500);
    if (response.status === 400) expect(response.body.error.message).toMatch(/status/);
    revealsNoDraft(response.body);
  };

  const curiousQueries = () => [
    '/api/posts?status=draft',
    '/api/posts?status=draft&locale=en',
    '/api/posts?status=draft&locale=*',
    '/api/posts?status=draft&filters[title][$eq]=Bilan%20de%20mi-parcours',
    `/api/posts/${draftPostId}?status=draft`,
    `/api/posts/${draftPostId}`,
    '/api/campaigns?status=draft',
    '/api/campaigns?populate=posts&status=draft',
    '/api/campaigns?populate=*',
    '/api/campaigns?populate[posts][fields][0]=title',
    '/api/events?status=draft',
    '/api/events?populate=*',
    '/api/events?populate[partners]=true&populate[campaign]=true',
    '/api/events?populate=*&status=draft',
    '/api/partnerships?status=draft',
    '/api/partnerships?populate=*&status=draft',
    '/api/posts?publicationState=preview',
    '/api/posts?filters[publishedAt][$null]=true',
    '/api/posts?status=DRAFT',
    '/api/posts?status[0]=draft',
    '/api/posts?status[$eq]=draft',
    '/api/posts?populate[campaign][populate][posts]=true',
  ];

  it('a visitor with no token sees no draft, whatever the query', async () => {
    for (const url of curiousQueries()) expectNoDrafts(await app.http().get(url));
  });

  it('a read-only API token sees no draft either', async () => {
    for (const token of [readOnlyToken]) {
      for (const url of curiousQueries()) {
        expectNoDrafts(await app.http().get(url).set('Authorization', `Bearer ${token}`));
      }
    }
  });

  it('asking for drafts without a full-access token is a 400 naming status', async () => {
    for (const auth of [undefined, readOnlyToken]) {
      const request = app.http().get('/api/posts?status=draft');
      const response = await (auth ? request.set('Authorization', `Bearer ${auth}`) : request);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/status/);
      expect(response.body.error.message).toMatch(/published/);
    }
  });

  it('status=published is fine, and a malformed status is a 400 for everyone', async () => {
    const published = await app.http().get('/api/posts?status=published');
    expect(published.status).toBe(200);
    expect(published.body.data).toHaveLength(9);
    for (const auth of [undefined, fullAccessToken]) {
      const request = app.http().get('/api/posts?status=bogus');
      const response = await (auth ? request.set('Authorization', `Bearer ${auth}`) : request);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/status/);
    }
  });

  it('a full-access token (a trusted preview server) still reads drafts', async () => {
    const response = await app
      .http()
      .get('/api/posts?status=draft&filters[title][$eq]=Bilan%20de%20mi-parcours')
      .set('Authorization', `Bearer ${fullAccessToken}`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((post: any) => post.title)).toEqual(['Bilan de mi-parcours']);
  });
});
