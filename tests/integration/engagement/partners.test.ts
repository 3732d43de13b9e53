/**
 * What a partnership brought: the partners report (human clicks, bots apart, and the posts of its
 * campaigns), the campaign's "by partner", the homepage widget, and the read-only page a partner
 * opens from a share link that expires, can be revoked, shows that partnership only and nothing
 * unpublished, and whose token is stored only as a hash.
 */
import { createHash } from 'node:crypto';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { addDelivery, counters, createCollector, DAY, recordReading } from './helpers';
import {
  asAdmin,
  createCampaign,
  createPartnership,
  createPost,
  flushTraffic,
  MASTODON,
  TRAFFIC_ENV,
  visit,
} from './traffic-helpers';

let app: TestApp;
let admin: ReturnType<typeof asAdmin>;
let campaign: any;
let partner: any;
let other: any;
let publishedPost: any;
let draftPost: any;
let partnerLink: any;
let otherLink: any;

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(Date.now());
const daysAgo = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(Date.now() - days * DAY);
const week = () => `from=${daysAgo(6)}&to=${today()}`;

const createLink = async (documentId: string, label: string) => {
  const response = await admin.post('/engagement/links', {
    target: { type: 'partnership', documentId },
    label,
  });
  expect(response.status).toBe(201);
  return response.body.data[0];
};

const share = async (documentId: string, body: Record<string, unknown> = {}) =>
  admin.post(`/engagement/partners/${documentId}/shares`, {
    expiresInDays: 30,
    from: daysAgo(6),
    language: 'fr',
    ...body,
  });

const openShare = (path: string, ip = '203.0.113.10', accept = 'application/json') =>
  app.http().get(path).set('X-Forwarded-For', ip).set('Accept', accept);

beforeAll(async () => {
  app = await bootStrapi({ env: { ...TRAFFIC_ENV, CROSS_POST_DISPATCHER: 'false' } });
  admin = asAdmin(app, await app.adminToken());
  campaign = await createCampaign(app.strapi);
  partner = await createPartnership(app.strapi, { campaigns: [campaign.documentId] });
  other = await createPartnership(app.strapi, { campaigns: [campaign.documentId] });
  // A private note and a draft name that must never reach the partner's page.
  await app.strapi.documents('api::partnership.partnership' as any).update({
    documentId: partner.documentId,
    locale: 'fr',
    data: { internalNotes: 'Note interne confidentielle' },
  } as any);
  await app.strapi.documents('api::partnership.partnership' as any).publish({
    documentId: partner.documentId,
    locale: 'fr',
  });
  await app.strapi.documents('api::partnership.partnership' as any).update({
    documentId: partner.documentId,
    locale: 'fr',
    data: { partnerName: 'Nom de brouillon secret' },
  } as any);

  publishedPost = await createPost(app.strapi, { campaign: campaign.documentId });
  draftPost = await createPost(app.strapi, { campaign: campaign.documentId, published: false });
  const c = createCollector(app.strapi);
  for (const [post, impressions] of [
    [publishedPost, 900],
    [draftPost, 400],
  ] as const) {
    const delivery = await addDelivery(c, {
      network: 'x',
      postDocumentId: post.documentId,
      campaignDocumentId: campaign.documentId,
      postedAt: new Date(Date.now() - DAY),
    });
    await recordReading(c, delivery.deliveryId, counters({ impressions, reactions: 10 }), new Date());
  }

  partnerLink = await createLink(partner.documentId, 'Bannière du partenaire');
  otherLink = await createLink(other.documentId, "Lien de l'autre partenaire");
  // Two people and a Mastodon preview stampede on the partner's link; one person on the other's.
  await visit(app, `/l/${partnerLink.code}`, { ip: '198.51.100.1' });
  await visit(app, `/l/${partnerLink.code}`, { ip: '198.51.100.2' });
  await visit(app, `/l/${partnerLink.code}`, { ip: '198.51.100.3', userAgent: MASTODON('mastodon.social') });
  await visit(app, `/l/${otherLink.code}`, { ip: '198.51.100.4' });
  await flushTraffic(app);
});

afterAll(async () => {
  await app?.stop();
});

describe('the partners report', () => {
  it("counts each partner's human clicks over the period, bots apart", async () => {
    const response = await admin.get(`/engagement/reports/partners?${week()}`);
    expect(response.status).toBe(200);
    const rows = new Map(response.body.data.partners.map((row: any) => [row.documentId, row]));
    expect(rows.get(partner.documentId)).toMatchObject({
      links: 1,
      humanClicks: 2,
      uniqueVisitors: 2,
      botClicks: 1,
      campaigns: 1,
    });
    expect(rows.get(other.documentId)).toMatchObject({ links: 1, humanClicks: 1, botClicks: 0 });
    // A period without the clicks counts none.
    const before = await admin.get(`/engagement/reports/partners?from=2025-01-01&to=2025-01-31`);
    expect(
      before.body.data.partners.find((row: any) => row.documentId === partner.documentId).humanClicks
    ).toBe(0);
  });

  it('gives one partner its links, its days and the posts of its campaigns', async () => {
    const response = await admin.get(`/engagement/reports/partners/${partner.documentId}?${week()}`);
    expect(response.status).toBe(200);
    const report = response.body.data;
    expect(report.totals).toMatchObject({ humanClicks: 2, botClicks: 1, links: 1, posts: 2 });
    expect(report.daily).toHaveLength(7);
    expect(report.daily.at(-1)).toEqual({ day: today(), humanClicks: 2, uniqueVisitors: 2, botClicks: 1 });
    expect(report.links).toEqual([
      expect.objectContaining({ id: partnerLink.id, label: 'Bannière du partenaire', humanClicks: 2 }),
    ]);
    expect(report.posts.map((post: any) => post.post).sort()).toEqual(
      [publishedPost.documentId, draftPost.documentId].sort()
    );
    expect(report.posts.find((post: any) => post.post === publishedPost.documentId)).toMatchObject({
      impressions: 900,
      interactions: 10,
    });
    expect((await admin.get(`/engagement/reports/partners/nosuchpartner?${week()}`)).status).toBe(404);
    expect(
      (await admin.get(`/engagement/reports/partners/${partner.documentId}?from=2026-13-01`)).status
    ).toBe(400);
  });

  it('exports CSV that French Excel opens as it is', async () => {
    const list = await admin.get(`/engagement/reports/partners.csv?${week()}&locale=fr`);
    expect(list.status).toBe(200);
    expect(list.headers['content-type']).toMatch(/text\/csv/);
    expect(list.text.startsWith('\uFEFF')).toBe(true);
    expect(list.text).toContain('Partenaire;Type;État;Campagnes;Liens suivis;Clics humains');
    const daily = await admin.get(
      `/engagement/reports/partners/${partner.documentId}/export.csv?${week()}&table=daily&locale=en`
    );
    expect(daily.text).toContain('Day,Human clicks,Unique visitors,Bot requests (not counted)');
    expect(daily.text).toContain(`${today()},2,2,1`);
  });

  it("shows the campaign's partners in its report, and the week's partners on the homepage", async () => {
    const report = await admin.get(`/engagement/reports/campaigns/${campaign.documentId}`);
    expect(report.status).toBe(200);
    const byPartner = new Map<string, any>(
      report.body.data.byPartner.map((row: any) => [row.partnership, row])
    );
    expect(byPartner.get(partner.documentId)).toMatchObject({ humanClicks: 2, botClicks: 1, links: 1 });
    expect(byPartner.get(other.documentId)).toMatchObject({ humanClicks: 1 });

    const csv = await admin.get(
      `/engagement/reports/campaigns/${campaign.documentId}/export.csv?table=partners&locale=fr`
    );
    expect(csv.status).toBe(200);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'Partenaire;Liens suivis;Clics humains;Visiteurs uniques;Requêtes de robots (non comptées)'
    );
    // The admin's report names the partnership as its latest draft does.
    expect(lines).toContain(`${byPartner.get(partner.documentId).partnerName};1;2;2;1`);
    expect(
      (await admin.get(`/engagement/reports/overview.csv?${week()}&table=partners`)).body.error.message
    ).toMatch(/table must be daily, networks or posts/);

    const widget = await admin.get('/engagement/homepage/partners');
    expect(widget.status).toBe(200);
    expect(widget.body.data.partners[0]).toMatchObject({
      documentId: partner.documentId,
      humanClicks: 2,
      previousHumanClicks: 0,
    });
    expect(widget.body.data.partners.length).toBeLessThanOrEqual(5);
  });
});

describe('share links', () => {
  it('stores only a hash of the token, and opens that partnership’s figures without a login', async () => {
    const created = await share(partner.documentId);
    expect(created.status).toBe(201);
    const { token, path, id } = created.body.data;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/share/${token}`);
    expect(created.body.data.status).toBe('active');

    const row = await app.strapi.db
      .query('plugin::engagement.partner-share' as any)
      .findOne({ where: { id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    // The list never gives the token back.
    const list = await admin.get(`/engagement/partners/${partner.documentId}/shares`);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body.data[0]).toMatchObject({ id, status: 'active', language: 'fr', to: null });

    const opened = await openShare(path);
    expect(opened.status).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    expect(opened.body.data.partnership.documentId).toBe(partner.documentId);
    expect(opened.body.data.totals).toMatchObject({ humanClicks: 2, botClicks: 1 });

    const page = await openShare(path, '203.0.113.10', 'text/html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('Clics humains');
    expect(page.text).toContain(partner.partnerName);
  });

  it('shows nothing of another partnership, nothing unpublished and nothing private', async () => {
    const { path } = (await share(partner.documentId, { language: 'en' })).body.data;
    for (const accept of ['application/json', 'text/html']) {
      const answer = await openShare(path, '203.0.113.11', accept);
      expect(answer.status).toBe(200);
      const text = answer.text;
      expect(text).not.toContain(other.documentId);
      expect(text).not.toContain(other.partnerName);
      expect(text).not.toContain("Lien de l'autre partenaire");
      expect(text).not.toContain(otherLink.code);
      // Drafts: the partnership's unpublished name, the post never published.
      expect(text).not.toContain('Nom de brouillon secret');
      expect(text).not.toContain(draftPost.documentId);
      expect(text).not.toContain(draftPost.title);
      expect(text).toContain(publishedPost.title);
      // Private fields and where links lead.
      expect(text).not.toContain('Note interne confidentielle');
      expect(text).not.toContain('Newsletter de juin');
      expect(text).not.toContain('partenaire.example.org');
    }
    const html = await openShare(path, '203.0.113.11', 'text/html');
    expect(html.text).toContain('<html lang="en">');
    expect(html.text).toContain('Human clicks');

    const otherShare = (await share(other.documentId)).body.data;
    const otherPage = await openShare(otherShare.path, '203.0.113.11');
    expect(otherPage.body.data.partnership.documentId).toBe(other.documentId);
    expect(otherPage.body.data.totals.humanClicks).toBe(1);
    expect(JSON.stringify(otherPage.body)).not.toContain(partnerLink.code);
  });

  it('answers 410 once revoked or expired, 404 for an unknown token, and never a figure then', async () => {
    const revoked = (await share(partner.documentId)).body.data;
    const revokedAnswer = await admin.post(`/engagement/partner-shares/${revoked.id}/revoke`);
    expect(revokedAnswer.status).toBe(200);
    expect(revokedAnswer.body.data.status).toBe('revoked');
    const gone = await openShare(revoked.path, '203.0.113.12', 'text/html');
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('retiré');
    expect(gone.text).not.toContain(partner.partnerName);
    expect((await openShare(revoked.path, '203.0.113.12')).body.data).toBeNull();

    const expiring = (await share(partner.documentId, { expiresInDays: 7, language: 'en' })).body.data;
    expect(Date.parse(expiring.expiresAt) - Date.now()).toBeGreaterThan(6.9 * DAY);
    expect((await openShare(expiring.path, '203.0.113.12')).status).toBe(200);
    await app.strapi.db
      .query('plugin::engagement.partner-share' as any)
      .update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await openShare(expiring.path, '203.0.113.12', 'text/html');
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('expired');
    expect(expired.text).not.toContain('Human clicks');

    for (const path of [
      '/share/' + 'a'.repeat(43),
      '/share/short',
      '/share/%00',
      `/share/${revoked.token}x`,
    ]) {
      const answer = await openShare(path, '203.0.113.12', 'text/html');
      expect([path, answer.status]).toEqual([path, 404]);
    }
  });

  it('refuses a share of a partnership that is not published, and stops showing one unpublished since', async () => {
    const draftOnly = await app.strapi.documents('api::partnership.partnership' as any).create({
      data: { partnerName: 'Partenaire en brouillon', slug: 'partenaire-en-brouillon', type: 'media' },
      locale: 'fr',
    } as any);
    const refused = await share(draftOnly.documentId);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.reason).toBe('partnership_not_published');
    expect((await share('nosuchpartnership')).status).toBe(404);

    const later = await createPartnership(app.strapi);
    const { path } = (await share(later.documentId)).body.data;
    expect((await openShare(path, '203.0.113.13')).status).toBe(200);
    await app.strapi.documents('api::partnership.partnership' as any).unpublish({
      documentId: later.documentId,
      locale: 'fr',
    });
    expect((await openShare(path, '203.0.113.13')).status).toBe(404);
  });

  it('validates what it is asked to share', async () => {
    for (const body of [
      { expiresInDays: 10 },
      { language: 'de' },
      { from: '2026-02-30' },
      { from: today(), to: daysAgo(3) },
      { extra: true },
    ]) {
      const answer = await share(partner.documentId, body);
      expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), 400]);
    }
  });

  it('limits how often one visitor reads shared pages', async () => {
    const { path } = (await share(partner.documentId)).body.data;
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) statuses.push((await openShare(path, '203.0.113.99')).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await openShare(path, '203.0.113.99');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another visitor is not held back.
    expect((await openShare(path, '203.0.113.98')).status).toBe(200);
  });
});

describe('permissions', () => {
  it('refuses anonymous callers and roles without engagement rights', async () => {
    expect((await app.http().get(`/engagement/reports/partners?${week()}`)).status).toBe(401);
    const editor = asAdmin(app, await app.adminToken({ roleCode: 'strapi-editor' }));
    expect((await editor.get(`/engagement/reports/partners?${week()}`)).status).toBe(403);
    expect((await editor.get('/engagement/homepage/partners')).status).toBe(403);
  });

  it('lets "read" see partner reports, and only "export" download them or share them', async () => {
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
    expect((await reader.get(`/engagement/reports/partners?${week()}`)).status).toBe(200);
    expect((await reader.get(`/engagement/reports/partners/${partner.documentId}?${week()}`)).status).toBe(
      200
    );
    expect((await reader.get('/engagement/homepage/partners')).status).toBe(200);
    expect((await reader.get(`/engagement/reports/partners.csv?${week()}`)).status).toBe(403);
    expect(
      (await reader.get(`/engagement/reports/partners/${partner.documentId}/export.csv?${week()}`)).status
    ).toBe(403);
    expect((await reader.get(`/engagement/partners/${partner.documentId}/shares`)).status).toBe(403);
    const created = await reader.post(`/engagement/partners/${partner.documentId}/shares`, {
      expiresInDays: 7,
      from: daysAgo(6),
      language: 'fr',
    });
    expect(created.status).toBe(403);
    const existing = (await share(partner.documentId)).body.data;
    expect((await reader.post(`/engagement/partner-shares/${existing.id}/revoke`)).status).toBe(403);
    expect((await openShare(existing.path, '203.0.113.14')).status).toBe(200);
  });
});
