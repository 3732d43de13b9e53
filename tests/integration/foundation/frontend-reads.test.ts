import { strapi as createClient } from '@strapi/client';

import { bootStrapi, type TestApp } from '../../harness/strapi';

/** What a frontend does, with the official client and no token, against the demo content. */
describe('a frontend reading published content over the content API', () => {
  let app: TestApp;
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    app = await bootStrapi({ seedDemo: true });
    const baseURL = await app.listen();
    client = createClient({ baseURL: `${baseURL}/api` });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('lists upcoming events, soonest first, in French by default', async () => {
    const now = new Date().toISOString();
    const events = await client.collection('events').find({
      filters: { startsAt: { $gte: now } },
      sort: 'startsAt:asc',
      fields: ['title', 'slug', 'startsAt', 'kind', 'locale'],
    });
    expect(events.data.length).toBeGreaterThanOrEqual(3);
    const starts = events.data.map((event) => event.startsAt as string);
    expect([...starts].sort()).toEqual(starts);
    expect(starts.every((start) => start >= now)).toBe(true);
    expect(events.data.every((event) => event.locale === 'fr')).toBe(true);
    expect(events.data.map((event) => event.title)).toContain('Apéro vélo à Lyon');
  });

  it('lists the posts of a campaign in fr and in en', async () => {
    const filters = { campaign: { slug: { $eq: 'mai-a-velo' } } };
    const fr = await client.collection('posts').find({ filters, locale: 'fr', sort: 'plannedAt:asc' });
    const en = await client.collection('posts').find({ filters, locale: 'en', sort: 'plannedAt:asc' });

    // Only the published posts of that campaign: the one still in review is a draft.
    expect(fr.data).toHaveLength(3);
    expect(en.data).toHaveLength(3);
    expect(fr.data[0].title).toBe('Mai à vélo commence !');
    expect(en.data[0].title).toBe('Bike Month starts now!');
    expect(fr.data.map((post) => post.documentId)).toEqual(en.data.map((post) => post.documentId));
    expect(fr.meta.pagination).toMatchObject({ page: 1, total: 3 });
  });

  it('reads one event by slug, with its contest, campaign and partners populated', async () => {
    const result = await client.collection('events').find({
      filters: { slug: { $eq: 'concours-velo-cargo' } },
      populate: { contest: { populate: ['prizes'] }, campaign: true, partners: true },
      locale: 'en',
    });
    expect(result.data).toHaveLength(1);
    const event = result.data[0] as any;
    expect(event.title).toBe('Contest: win a cargo bike');
    expect(event.kind).toBe('contest');
    expect(event.contest.entriesPerPerson).toBe(1);
    expect(event.contest.prizes.map((prize: any) => prize.name)).toContain('Electric cargo bike');
    expect(event.campaign.name).toBe('Roue Libre Ambassadors');
    expect(event.partners.map((partner: any) => partner.partnerName)).toEqual(['Cyclette']);
  });

  it('pages through posts', async () => {
    const page = await client.collection('posts').find({ pagination: { page: 2, pageSize: 4 } });
    expect(page.data).toHaveLength(4);
    expect(page.meta.pagination).toMatchObject({ page: 2, pageSize: 4, pageCount: 3, total: 9 });
  });

  it('reads one post by documentId in both locales', async () => {
    const list = await client
      .collection('posts')
      .find({ filters: { title: { $eq: 'Atelier réparation gratuit' } } });
    const documentId = list.data[0].documentId;
    const fr = await client.collection('posts').findOne(documentId);
    const en = await client.collection('posts').findOne(documentId, { locale: 'en' });
    expect(fr.data.title).toBe('Atelier réparation gratuit');
    expect(en.data.title).toBe('Free repair workshop');
  });

  it('never serves drafts', async () => {
    const drafts = await client
      .collection('posts')
      .find({ filters: { title: { $eq: 'Bilan de mi-parcours' } } });
    expect(drafts.data).toHaveLength(0);
  });
});
