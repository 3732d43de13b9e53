import { bootStrapi, type TestApp } from '../../harness/strapi';

/** Budgets, partner contacts, deal values, internal notes and contest entries never reach the public API. */
describe('what the public content API must never reveal', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi({ seedDemo: true });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const allText = (body: unknown) => JSON.stringify(body);

  it('hides campaign budgets, even when a campaign is populated from a post', async () => {
    const campaigns = await app.http().get('/api/campaigns?populate=*');
    expect(campaigns.status).toBe(200);
    expect(campaigns.body.data.length).toBe(3);
    for (const campaign of campaigns.body.data) {
      expect(campaign).not.toHaveProperty('budget');
      expect(campaign).not.toHaveProperty('currency');
    }
    const posts = await app.http().get('/api/posts?populate[campaign]=true');
    for (const post of posts.body.data) {
      expect(post.campaign).not.toHaveProperty('budget');
    }
  });

  it('hides partner contacts, deal values, deliverables and internal notes', async () => {
    const response = await app.http().get('/api/partnerships?populate=*');
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBe(4);
    for (const partnership of response.body.data) {
      for (const field of ['contact', 'value', 'currency', 'deliverables', 'internalNotes']) {
        expect(partnership).not.toHaveProperty(field);
      }
    }
    const text = allText(response.body);
    expect(text).not.toContain('@lyon-velo-solidaire.example');
    expect(text).not.toContain('+33');
    expect(text).not.toContain('budget mobilité');

    const viaEvents = await app.http().get('/api/events?populate[partners][populate]=*');
    expect(allText(viaEvents.body)).not.toContain('@cyclette.example');
  });

  it('refuses to filter or sort on private fields, so they cannot be guessed', async () => {
    const byBudget = await app.http().get('/api/campaigns?filters[budget][$gt]=1000');
    expect(byBudget.status).toBe(400);
    const byContact = await app.http().get('/api/partnerships?filters[contact][email][$contains]=hugo');
    expect(byContact.status).toBe(400);
    const sortByValue = await app.http().get('/api/partnerships?sort=value:desc');
    expect(sortByValue.status).toBe(400);
  });

  it('has no public route for contest entries', async () => {
    await app.strapi.documents('plugin::contests.contest-entry').create({
      data: {
        publicId: 'e_test',
        eventDocumentId: 'x',
        personKey: 'someone@example.org',
        name: 'Someone',
        email: 'someone@example.org',
        consents: { rules: true },
      },
    });
    for (const path of ['/api/contest-entries', '/api/contests/contest-entries', '/api/contest-entry']) {
      const response = await app.http().get(path);
      expect([403, 404]).toContain(response.status);
      expect(allText(response.body)).not.toContain('someone@example.org');
    }
  });

  it('does not let the public write content', async () => {
    const response = await app
      .http()
      .post('/api/posts')
      .send({ data: { title: 'spam', body: 'spam' } });
    expect(response.status).toBe(403);
  });
});
