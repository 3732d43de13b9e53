import { bootStrapi, type TestApp } from '../../harness/strapi';
import {
  asAdmin,
  createCampaign,
  createEvent,
  createPartnership,
  createPost,
  flushTraffic,
  TRAFFIC_ENV,
  visit,
} from './traffic-helpers';

/** Tracked links: the admin API that makes them and `/l/<code>` that follows them. */
describe('tracked links', () => {
  let app: TestApp;
  let admin: ReturnType<typeof asAdmin>;

  beforeAll(async () => {
    app = await bootStrapi({ env: TRAFFIC_ENV });
    admin = asAdmin(app, await app.adminToken());
  });
  afterAll(async () => {
    await app?.stop();
  });

  const createLink = async (body: Record<string, unknown>) => {
    const response = await admin.post('/engagement/links', body);
    expect(response.status).toBe(201);
    return response.body.data[0];
  };

  describe('the redirect', () => {
    it("sends a post's link to its destination with the campaign's UTM defaults, the query string kept", async () => {
      const campaign = await createCampaign(app.strapi);
      const post = await createPost(app.strapi, { campaign: campaign.documentId });
      const link = await createLink({ target: { type: 'post', documentId: post.documentId } });
      expect(link.code).toMatch(/^[a-z0-9]{10}$/);
      expect(link.shortPath).toBe(`/l/${link.code}`);
      expect(link.destinationUrl).toBe('https://blog.example.org/article?ref=feed');
      expect(link.target.campaign.documentId).toBe(campaign.documentId);

      const response = await visit(app, `/l/${link.code}`);
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe(
        'https://blog.example.org/article?ref=feed&utm_source=porte-voix&utm_medium=social&utm_campaign=printemps'
      );
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(link.redirectsTo).toBe(response.headers.location);
    });

    it("lets the link's own UTM values win over the campaign's", async () => {
      const campaign = await createCampaign(app.strapi);
      const link = await createLink({
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: 'https://shop.example.org/promo#offre',
        utm: { source: 'newsletter', content: 'bouton-vert' },
      });
      const location = new URL((await visit(app, `/l/${link.code}`)).headers.location);
      expect(location.origin + location.pathname + location.hash).toBe(
        'https://shop.example.org/promo#offre'
      );
      expect(Object.fromEntries(location.searchParams)).toEqual({
        utm_source: 'newsletter',
        utm_medium: 'social',
        utm_campaign: 'printemps',
        utm_content: 'bouton-vert',
      });
    });

    it("uses the campaign's slug when its UTM component names no campaign, and reads codes in any case", async () => {
      const campaign = await createCampaign(app.strapi, null);
      const link = await createLink({
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: 'https://example.org/',
      });
      const response = await visit(app, `/l/${link.code.toUpperCase()}`);
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe(`https://example.org/?utm_campaign=${campaign.slug}`);
    });

    it('is not an open redirect: nothing in the request changes where it goes', async () => {
      const campaign = await createCampaign(app.strapi, null);
      const link = await createLink({
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: 'https://example.org/landing',
      });
      const expected = (await visit(app, `/l/${link.code}`)).headers.location;
      for (const path of [
        `/l/${link.code}?url=https://evil.example/`,
        `/l/${link.code}?redirect=//evil.example&next=https://evil.example&utm_source=evil`,
        `/l/${link.code}?destination=javascript:alert(1)`,
      ]) {
        const response = await visit(app, path);
        expect([path, response.status, response.headers.location]).toEqual([path, 302, expected]);
      }
      for (const path of [`/l/${link.code}/https://evil.example`, `/l/${link.code}%2F%2Fevil.example`]) {
        expect([path, (await visit(app, path)).status]).toEqual([path, 404]);
      }
    });

    it('refuses destinations that are not plain web addresses', async () => {
      const campaign = await createCampaign(app.strapi, null);
      const target = { type: 'campaign', documentId: campaign.documentId };
      for (const destinationUrl of [
        'javascript:alert(document.cookie)',
        'JaVaScRiPt:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        '//evil.example/',
        '/relative',
        'https://bank.example@evil.example/',
        'https://',
        `https://example.org/${'a'.repeat(2100)}`,
      ]) {
        const response = await admin.post('/engagement/links', { target, destinationUrl });
        expect([destinationUrl.slice(0, 40), response.status]).toEqual([destinationUrl.slice(0, 40), 400]);
        expect(response.body.error.details.field).toBe('destinationUrl');
      }
    });

    it('answers an unknown code with a 404 page and a disabled link with a 410 page, never a 500', async () => {
      const unknown = await visit(app, '/l/zzzzzzzzzz').set('Accept', 'text/html');
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/text\/html/);
      expect(unknown.text).toContain('Ce lien n’existe pas.');
      expect(unknown.text).toContain('This link does not exist.');

      const plain = await visit(app, '/l/zzzzzzzzzz').set('Accept', '*/*');
      expect(plain.status).toBe(404);
      expect(plain.headers['content-type']).toMatch(/text\/plain/);

      for (const path of [
        '/l/%00',
        '/l/..%2F..%2Fetc',
        `/l/${'x'.repeat(5000)}`,
        '/l/%E0%A4%A',
        '/l/<script>',
      ]) {
        expect([path.slice(0, 30), (await visit(app, path)).status]).toEqual([path.slice(0, 30), 404]);
      }

      const campaign = await createCampaign(app.strapi, null);
      const link = await createLink({
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: 'https://example.org/',
      });
      expect((await admin.post(`/engagement/links/${link.id}/disable`)).body.data.enabled).toBe(false);
      const gone = await visit(app, `/l/${link.code}`);
      expect(gone.status).toBe(410);
      expect(gone.text).toContain('Ce lien n’est plus actif.');
      expect((await admin.post(`/engagement/links/${link.id}/enable`)).body.data.enabled).toBe(true);
      expect((await visit(app, `/l/${link.code}`)).status).toBe(302);
    });

    it('answers HEAD like GET', async () => {
      const campaign = await createCampaign(app.strapi, null);
      const link = await createLink({
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: 'https://example.org/',
      });
      const head = await app.http().head(`/l/${link.code}`).redirects(0);
      expect(head.status).toBe(302);
      expect(head.headers.location).toBe((await visit(app, `/l/${link.code}`)).headers.location);
      expect((await app.http().head('/l/zzzzzzzzzz')).status).toBe(404);
    });

    it('is answered ahead of the body parser, session and route table, other methods left to them', async () => {
      const campaign = await createCampaign(app.strapi, null);
      const link = await createLink({
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: 'https://example.org/early',
      });
      // The app lists the tracked-links middleware, so no /l/:code route exists: the middleware answered.
      const paths = app.strapi.server.listRoutes().map((route: any) => route.path);
      expect(paths).not.toContain('/l/:code');
      expect(paths).toContain('/share/:token');
      expect((await visit(app, `/l/${link.code}`)).headers.location).toMatch(
        /^https:\/\/example\.org\/early/
      );
      // A malformed escape is a missing link, not a server error; a POST is not a click.
      expect((await app.http().get('/l/%E0%A4%A')).status).toBe(404);
      expect([404, 405]).toContain((await app.http().post(`/l/${link.code}`)).status);
    });
  });

  describe('the admin API', () => {
    it('links a partnership and one of its deliverables, sent to the partner site by default', async () => {
      const campaign = await createCampaign(app.strapi);
      const partnership = await createPartnership(app.strapi, { campaigns: [campaign.documentId] });
      const link = await createLink({
        target: {
          type: 'partnership',
          documentId: partnership.documentId,
          deliverable: 'Newsletter de juin',
        },
      });
      expect(link.destinationUrl).toBe('https://partenaire.example.org/');
      expect(link.label).toBe(`${partnership.partnerName}: Newsletter de juin`);
      expect(link.target.partnership).toEqual({
        documentId: partnership.documentId,
        name: partnership.partnerName,
        deliverable: 'Newsletter de juin',
      });
      // The partnership's only campaign gives its UTM defaults.
      expect(link.target.campaign.documentId).toBe(campaign.documentId);

      const refused = await admin.post('/engagement/links', {
        target: {
          type: 'partnership',
          documentId: partnership.documentId,
          deliverable: 'Un livrable inventé',
        },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.reason).toBe('deliverable_not_of_partnership');
    });

    it("links an event's registration page, counted in the event's time zone", async () => {
      const event = await createEvent(app.strapi);
      const link = await createLink({ target: { type: 'event', documentId: event.documentId } });
      expect(link.destinationUrl).toBe('https://tickets.example.org/inscription');
      expect(link.timeZone).toBe('America/Montreal');
      expect(link.target.event).toEqual({ documentId: event.documentId, title: event.title });
    });

    it('says what is missing or wrong, field by field', async () => {
      const noTarget = await admin.post('/engagement/links', { destinationUrl: 'https://example.org/' });
      expect(noTarget.status).toBe(400);
      expect(noTarget.body.error.details.field).toBe('target');

      const badType = await admin.post('/engagement/links', { target: { type: 'tweet', documentId: 'abc' } });
      expect(badType.status).toBe(400);
      expect(badType.body.error.message).toContain(
        'target.type must be one of post, campaign, partnership, event'
      );

      const unknownField = await admin.post('/engagement/links', {
        target: { type: 'campaign', documentId: 'abc' },
        redirectTo: 'https://evil.example/',
      });
      expect(unknownField.status).toBe(400);

      const tooLongLabel = await admin.post('/engagement/links', {
        target: { type: 'campaign', documentId: 'abc' },
        label: 'x'.repeat(201),
        utm: { source: 'a\nb' },
      });
      expect(tooLongLabel.status).toBe(400);
      expect(tooLongLabel.body.error.details.issues.map((issue: any) => issue.path).sort()).toEqual([
        'label',
        'utm.source',
      ]);

      const missing = await admin.post('/engagement/links', {
        target: { type: 'post', documentId: 'nosuchpost00000000000000' },
      });
      expect(missing.status).toBe(404);
      expect(missing.body.error.details.reason).toBe('post_not_found');

      const campaign = await createCampaign(app.strapi);
      const noDestination = await admin.post('/engagement/links', {
        target: { type: 'campaign', documentId: campaign.documentId },
      });
      expect(noDestination.status).toBe(400);
      expect(noDestination.body.error.details.reason).toBe('destination_required');

      for (const path of ['/engagement/links/abc', '/engagement/links/0', '/engagement/links/99999999999']) {
        expect([path, (await admin.get(path)).status]).toEqual([path, 400]);
      }
      expect((await admin.get('/engagement/links/987654')).status).toBe(404);
      expect((await admin.get('/engagement/links?pageSize=1000')).status).toBe(400);
      expect((await admin.get('/engagement/links?campaign[$ne]=x')).status).toBe(400);
    });

    it('lists links by campaign, partnership, event or post with their human, unique and bot counts', async () => {
      const campaign = await createCampaign(app.strapi);
      const post = await createPost(app.strapi, { campaign: campaign.documentId });
      const event = await createEvent(app.strapi, { campaign: campaign.documentId });
      const partnership = await createPartnership(app.strapi);
      const postLink = await createLink({ target: { type: 'post', documentId: post.documentId } });
      const eventLink = await createLink({ target: { type: 'event', documentId: event.documentId } });
      const partnerLink = await createLink({
        target: { type: 'partnership', documentId: partnership.documentId, campaign: campaign.documentId },
      });

      await visit(app, `/l/${postLink.code}`, { ip: '198.51.100.1' });
      await visit(app, `/l/${postLink.code}`, { ip: '198.51.100.2' });
      await visit(app, `/l/${postLink.code}`, { ip: '198.51.100.2' });
      await visit(app, `/l/${postLink.code}`, { userAgent: 'Twitterbot/1.0' });
      await flushTraffic(app);

      const byCampaign = await admin.get(`/engagement/links?campaign=${campaign.documentId}`);
      expect(byCampaign.status).toBe(200);
      expect(byCampaign.body.data.map((link: any) => link.id).sort()).toEqual(
        [postLink.id, eventLink.id, partnerLink.id].sort()
      );
      const counted = byCampaign.body.data.find((link: any) => link.id === postLink.id);
      expect(counted.counts).toEqual({ humanClicks: 2, uniqueVisitors: 2, botClicks: 1 });
      expect(counted.target.post.title).toBe(post.title);
      expect(byCampaign.body.meta.pagination).toMatchObject({ page: 1, total: 3 });

      const byPost = await admin.get(`/engagement/links?post=${post.documentId}`);
      expect(byPost.body.data.map((link: any) => link.id)).toEqual([postLink.id]);
      const byEvent = await admin.get(`/engagement/links?event=${event.documentId}`);
      expect(byEvent.body.data.map((link: any) => link.id)).toEqual([eventLink.id]);
      const byPartnership = await admin.get(`/engagement/links?partnership=${partnership.documentId}`);
      expect(byPartnership.body.data.map((link: any) => link.id)).toEqual([partnerLink.id]);

      await admin.post(`/engagement/links/${eventLink.id}/disable`);
      const disabled = await admin.get(`/engagement/links?campaign=${campaign.documentId}&enabled=false`);
      expect(disabled.body.data.map((link: any) => link.id)).toEqual([eventLink.id]);
    });

    it("gives a link's counts per day, days without traffic as zeros", async () => {
      const campaign = await createCampaign(app.strapi, null);
      const link = await createLink({
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: 'https://example.org/',
      });
      await visit(app, `/l/${link.code}`, { ip: '198.51.100.40' });
      await visit(app, `/l/${link.code}`, { userAgent: null });
      await flushTraffic(app);

      const response = await admin.get(`/engagement/links/${link.id}/daily`);
      expect(response.status).toBe(200);
      const { days, to, timeZone } = response.body.data;
      expect(timeZone).toBe('Europe/Paris');
      expect(days).toHaveLength(30);
      expect(days[29]).toEqual({ day: to, humanClicks: 1, uniqueVisitors: 1, botClicks: 1 });
      expect(days.slice(0, 29).every((day: any) => day.humanClicks === 0 && day.botClicks === 0)).toBe(true);

      const range = await admin.get(`/engagement/links/${link.id}/daily?from=2026-01-30&to=2026-02-02`);
      expect(range.body.data.days.map((day: any) => day.day)).toEqual([
        '2026-01-30',
        '2026-01-31',
        '2026-02-01',
        '2026-02-02',
      ]);
      expect((await admin.get(`/engagement/links/${link.id}/daily?from=2026-02-30`)).status).toBe(400);
      expect(
        (await admin.get(`/engagement/links/${link.id}/daily?from=2026-03-01&to=2026-02-01`)).status
      ).toBe(400);
    });

    it('offers targets to pick, with their default destination and deliverables', async () => {
      const partnership = await createPartnership(app.strapi);
      const response = await admin.get(
        `/engagement/links/targets?type=partnership&q=${encodeURIComponent(partnership.partnerName)}`
      );
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual([
        {
          documentId: partnership.documentId,
          label: partnership.partnerName,
          defaultDestination: 'https://partenaire.example.org/',
          deliverables: ['Article sur leur blog', 'Newsletter de juin'],
          campaigns: [],
        },
      ]);
      expect((await admin.get('/engagement/links/targets?type=tweet')).status).toBe(400);
    });
  });

  describe('permissions', () => {
    it('refuses anonymous callers', async () => {
      expect((await app.http().get('/engagement/links')).status).toBe(401);
      expect((await app.http().post('/engagement/links').send({})).status).toBe(401);
    });

    it('gives an editor without engagement rights a 403', async () => {
      const editor = asAdmin(app, await app.adminToken({ roleCode: 'strapi-editor' }));
      expect((await editor.get('/engagement/links')).status).toBe(403);
      expect((await editor.post('/engagement/links', {})).status).toBe(403);
    });

    it('lets a role with "read" but not "links.manage" list links and counts, not create or disable them', async () => {
      const campaign = await createCampaign(app.strapi, null);
      const link = await createLink({
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: 'https://example.org/',
      });
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
      const reader = asAdmin(app, await app.adminToken({ roleCode: 'strapi-author' }));

      expect((await reader.get('/engagement/links')).status).toBe(200);
      expect((await reader.get(`/engagement/links/${link.id}/daily`)).status).toBe(200);
      const create = await reader.post('/engagement/links', {
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: 'https://example.org/',
      });
      expect(create.status).toBe(403);
      expect((await reader.post(`/engagement/links/${link.id}/disable`)).status).toBe(403);
      expect((await reader.get('/engagement/links/targets?type=post')).status).toBe(403);
      expect((await visit(app, `/l/${link.code}`)).status).toBe(302);
    });
  });
});
