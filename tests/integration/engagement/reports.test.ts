/**
 * What a community manager reads on Monday: the period against the one before, a campaign's targets
 * against what was measured, and a CSV their manager opens in French Excel. Readings are written
 * through the collector's own recording path, so the reports read what collection would store.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { addDelivery, counters, createCollector, DAY, HOUR, recordReading, type Collector } from './helpers';

let app: TestApp;
let c: Collector;
let token: string;
let campaign: string;
let post: string;

const day = (time: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(time);
const now = Date.now();

beforeAll(async () => {
  app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false' } });
  c = createCollector(app.strapi);
  token = await app.adminToken();
  const documents = app.strapi.documents as any;
  campaign = (
    await documents('api::campaign.campaign').create({
      data: {
        name: 'Mai à vélo',
        startsOn: day(now - 9 * DAY),
        endsOn: day(now + 10 * DAY),
        timeZone: 'Europe/Paris',
        kpiTargets: [
          { metric: 'impressions', target: 10000 },
          { metric: 'engagements', target: 100 },
          { metric: 'engagement_rate', target: 0.05 },
          { metric: 'conversions', target: 20 },
        ],
      },
    })
  ).documentId;
  post = (
    await documents('api::post.post').create({ data: { title: 'Le programme', body: 'Samedi', campaign } })
  ).documentId;

  // X measures impressions, Mastodon does not; both carry the campaign's post.
  const x = await addDelivery(c, {
    network: 'x',
    accountId: 1,
    postDocumentId: post,
    campaignDocumentId: campaign,
    postedAt: new Date(now - 3 * DAY),
  });
  const mastodon = await addDelivery(c, {
    network: 'mastodon',
    accountId: 2,
    postDocumentId: post,
    campaignDocumentId: campaign,
    postedAt: new Date(now - 3 * DAY),
  });
  const other = await addDelivery(c, {
    network: 'mastodon',
    accountId: 2,
    postDocumentId: 'otherpost',
    postedAt: new Date(now - 10 * DAY),
  });
  const nothing = {
    impressions: null,
    reach: null,
    views: null,
    bookmarks: null,
    linkClicks: null,
    profileClicks: null,
  };
  await recordReading(
    c,
    x.deliveryId,
    counters({
      impressions: 1000,
      reactions: 20,
      comments: 4,
      shares: 1,
      quotes: 0,
      bookmarks: 1,
      linkClicks: 10,
      profileClicks: 4,
    }),
    new Date(now - 3 * DAY + HOUR)
  );
  await recordReading(
    c,
    x.deliveryId,
    counters({
      impressions: 3000,
      reactions: 50,
      comments: 5,
      shares: 3,
      quotes: 1,
      bookmarks: 2,
      linkClicks: 30,
      profileClicks: 9,
    }),
    new Date(now - 1 * DAY)
  );
  await recordReading(
    c,
    mastodon.deliveryId,
    counters({ ...nothing, reactions: 12, comments: 3, shares: 5, quotes: 0 }),
    new Date(now - 2 * DAY)
  );
  // Last period's post.
  await recordReading(
    c,
    other.deliveryId,
    counters({ ...nothing, reactions: 7, comments: 1, shares: 0, quotes: 0 }),
    new Date(now - 9 * DAY)
  );
});
afterAll(async () => {
  await app?.stop();
});

const get = (path: string, bearer = token) => app.http().get(path).set('Authorization', `Bearer ${bearer}`);

describe('overview', () => {
  it('adds the period’s daily changes and compares them with the previous period', async () => {
    const from = day(now - 6 * DAY);
    const to = day(now);
    const response = await get(`/engagement/reports/overview?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const { current, previous, changes, daily, byNetwork, comparison } = response.body.data;
    // X: 50+5+3+1+2+30+9 = 100 interactions, Mastodon: 12+3+5+0 = 20.
    expect(current.interactions).toBe(120);
    expect(current.counters.impressions).toBe(3000);
    // Only X measures impressions, yet the rate divides every interaction: the report says by what.
    expect(current.engagementRate).toEqual({
      value: 120 / 3000,
      numerator: 'interactions',
      denominator: 'impressions',
    });
    expect(previous.interactions).toBe(8);
    expect(changes.interactions).toEqual({ absolute: 112, percent: 1400 });
    expect(comparison.kind).toBe('previous');
    expect(daily).toHaveLength(7);
    expect(daily.reduce((sum: number, d: any) => sum + (d.interactions ?? 0), 0)).toBe(120);
    const mastodon = byNetwork.find((row: any) => row.network === 'mastodon');
    expect(mastodon.counters.impressions).toBeNull();
    expect(mastodon.engagementRate).toBeNull();
    // Each network's figures say when they were last read.
    const source = (network: string) => response.body.data.sources.find((s: any) => s.network === network);
    expect(source('x')).toMatchObject({ deliveries: 1 });
    expect(Date.parse(source('x').lastCollectedAt)).toBeGreaterThan(now - 2 * DAY);
    expect(source('mastodon').deliveries).toBe(2);
  });

  it('filters by campaign and by network', async () => {
    const from = day(now - 20 * DAY);
    const to = day(now);
    const byCampaign = await get(`/engagement/reports/overview?from=${from}&to=${to}&campaign=${campaign}`);
    expect(byCampaign.body.data.current.interactions).toBe(120);
    const mastodonOnly = await get(`/engagement/reports/overview?from=${from}&to=${to}&network=mastodon`);
    expect(mastodonOnly.body.data.current.interactions).toBe(28);
    expect(mastodonOnly.body.data.current.counters.impressions).toBeNull();
  });

  it('refuses periods it cannot read, naming the field', async () => {
    for (const [query, message] of [
      ['from=2026-12-10&to=2026-12-01', 'from must not be after to'],
      ['from=2026-02-30&to=2026-03-01', 'from is not a calendar day'],
      ['from=yesterday&to=2026-03-01', 'from must be a day'],
      ['to=2026-03-01', 'from is required'],
      ['from=2020-01-01&to=2026-01-01', 'at most'],
      ['from=2026-01-01&to=2026-01-02&network=myspace', 'network must be one of'],
    ]) {
      const response = await get(`/engagement/reports/overview?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.body.error.message).toContain(message);
    }
  });
});

describe('report filters', () => {
  it('offers the campaigns to filter on and what each network measures', async () => {
    const response = await get('/engagement/reports/filters?locale=fr');
    expect(response.status).toBe(200);
    const { campaigns, networks, timeZone } = response.body.data;
    expect(timeZone).toBe('Europe/Paris');
    expect(campaigns).toEqual([expect.objectContaining({ documentId: campaign, name: 'Mai à vélo' })]);
    expect(networks.x.measures).toContain('impressions');
    expect(networks.mastodon.measures).not.toContain('impressions');
  });
});

describe('campaign report', () => {
  it('sets each target against what was measured, with its pace and what cannot be measured', async () => {
    const response = await get(`/engagement/reports/campaigns/${campaign}`);
    expect(response.status).toBe(200);
    const report = response.body.data;
    expect(report.campaign.name).toBe('Mai à vélo');
    expect(report.totals.deliveries).toBe(2);
    const target = (metric: string) => report.targets.find((t: any) => t.metric === metric);
    expect(target('impressions')).toMatchObject({
      actual: 3000,
      measurability: { status: 'partial', measuredOn: ['x'], notMeasuredOn: ['mastodon'] },
    });
    // 10 of 20 days elapsed: 5,000 expected by today, 3,000 reached.
    expect(target('impressions').pace.status).toBe('behind');
    expect(target('engagements')).toMatchObject({ actual: 120, pace: { status: 'met' } });
    // The rate counts only the networks that measure impressions.
    expect(target('engagement_rate').actual).toBeCloseTo(100 / 3000);
    expect(target('conversions')).toMatchObject({
      actual: null,
      measurability: { status: 'unmeasurable', reason: 'external' },
    });
    expect(report.warnings.map((w: any) => w.metric).sort()).toEqual([
      'conversions',
      'engagement_rate',
      'impressions',
    ]);
    expect(report.byPost).toEqual([
      expect.objectContaining({ post, title: 'Le programme', deliveries: 2, interactions: 120 }),
    ]);
    expect(report.byNetwork.map((row: any) => row.network).sort()).toEqual(['mastodon', 'x']);
  });

  it('says when the campaign does not exist', async () => {
    const response = await get('/engagement/reports/campaigns/nosuchcampaign0000000000');
    expect([response.status, response.body.error.details.reason]).toEqual([404, 'campaign_not_found']);
  });
});

describe('exports', () => {
  it('writes a CSV French Excel opens as it is', async () => {
    const response = await get(
      `/engagement/reports/campaigns/${campaign}/export.csv?table=networks&locale=fr`
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const text = response.text;
    expect(text.startsWith('\uFEFFRéseau;Diffusions;Interactions;')).toBe(true);
    const x = text.split('\r\n').find((line) => line.startsWith('x;'))!;
    // 100 / 3000 with a decimal comma; Mastodon's impressions an empty cell, not 0.
    expect(x).toContain(';0,033333;');
    const mastodon = text.split('\r\n').find((line) => line.startsWith('mastodon;'))!;
    expect(mastodon.split(';')[5]).toBe('');
  });

  it('writes English CSV with commas', async () => {
    const response = await get(
      `/engagement/reports/overview.csv?from=${day(now - 6 * DAY)}&to=${day(now)}&locale=en`
    );
    expect(response.text.startsWith('\uFEFFDay,Interactions,')).toBe(true);
  });

  it('keeps exports to roles allowed to export', async () => {
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
    expect((await get(`/engagement/reports/campaigns/${campaign}`, reader)).status).toBe(200);
    expect((await get(`/engagement/reports/campaigns/${campaign}/export.csv`, reader)).status).toBe(403);
    const editor = await app.adminToken({ roleCode: 'strapi-editor' });
    expect((await get('/engagement/homepage/summary', editor)).status).toBe(403);
  });
});

describe('homepage and audience', () => {
  it('answers the homepage widgets in one call', async () => {
    const response = await get('/engagement/homepage/summary');
    expect(response.status).toBe(200);
    const summary = response.body.data;
    expect(summary.timeZone).toBe('Europe/Paris');
    expect(summary.topPosts[0]).toMatchObject({ post, title: 'Le programme', interactions: 120 });
    expect(summary.campaigns.map((row: any) => row.name)).toEqual(['Mai à vélo']);
    expect(summary.health.deliveries.active).toBeGreaterThanOrEqual(3);
    // This week against the same weekdays of last week, each figure with its change.
    const { current, previous, changes } = summary.week;
    expect(changes.interactions.absolute).toBe(
      current.interactions === null || previous.interactions === null
        ? null
        : current.interactions - previous.interactions
    );
    expect(changes.followersGained).toEqual({ absolute: null, percent: null });
  });

  it('paces every running campaign as its own report does (read for all of them at once)', async () => {
    const documents = app.strapi.documents as any;
    const second = await documents('api::campaign.campaign').create({
      data: {
        name: 'Juin sans voiture',
        startsOn: day(now - 2 * DAY),
        endsOn: day(now + 20 * DAY),
        kpiTargets: [
          { metric: 'engagements', target: 50 },
          { metric: 'followers_gained', target: 10 },
          { metric: 'contest_entries', target: 30 },
        ],
      },
    });
    // A contest of the second campaign, no entry yet: 0 entries, where a campaign without one has none.
    const contest = await documents('api::event.event').create({
      data: {
        title: 'Concours photo',
        slug: 'concours-photo-pacing',
        kind: 'contest',
        state: 'scheduled',
        startsAt: new Date(now + 5 * DAY),
        timeZone: 'Europe/Paris',
        campaign: second.documentId,
      },
    });
    app.strapi.plugin('engagement').service('reports').forgetHomepage();
    try {
      const summary = (await get('/engagement/homepage/summary')).body.data;
      expect(summary.campaigns.map((row: any) => row.documentId).sort()).toEqual(
        [campaign, second.documentId].sort()
      );
      for (const paced of summary.campaigns) {
        const report = (await get(`/engagement/reports/campaigns/${paced.documentId}`)).body.data;
        expect(paced).toMatchObject({ name: report.campaign.name, startsOn: report.campaign.startsOn });
        expect(paced.targets).toEqual(
          report.targets.map(({ metric, network, target, actual, pace, measurability }: any) => ({
            metric,
            network,
            target,
            actual,
            pace,
            measurable: measurability.status !== 'unmeasurable',
          }))
        );
      }
      const first = summary.campaigns.find((row: any) => row.documentId === campaign);
      expect(first.targets.find((t: any) => t.metric === 'engagements').actual).toBe(120);
      const juin = summary.campaigns.find((row: any) => row.documentId === second.documentId);
      expect(juin.targets.find((t: any) => t.metric === 'contest_entries').actual).toBe(0);
    } finally {
      await documents('api::event.event').delete({ documentId: contest.documentId });
      await documents('api::campaign.campaign').delete({ documentId: second.documentId });
      app.strapi.plugin('engagement').service('reports').forgetHomepage();
    }
  });

  it('gives the best-time grid with no figure for slots of fewer than three posts', async () => {
    const response = await get(
      `/engagement/reports/best-times?from=${day(now - 20 * DAY)}&to=${day(now)}&by=impressions`
    );
    expect(response.status).toBe(200);
    expect(response.body.data.denominator).toBe('impressions');
    expect(response.body.data.slots.length).toBeGreaterThan(0);
    for (const slot of response.body.data.slots) expect(slot.medianRate).toBeNull();
  });
});

describe('planning', () => {
  it('warns that impressions cannot be measured on Mastodon before anything is published', async () => {
    const response = await app
      .http()
      .post('/engagement/kpi-targets/check')
      .set('Authorization', `Bearer ${token}`)
      .send({
        targets: [{ metric: 'impressions' }, { metric: 'clicks' }],
        networks: ['mastodon', 'bluesky'],
      });
    expect(response.status).toBe(200);
    expect(response.body.data.targets).toEqual([
      {
        metric: 'impressions',
        network: null,
        status: 'unmeasurable',
        reason: 'not_on_these_networks',
        notMeasuredOn: ['mastodon', 'bluesky'],
      },
      { metric: 'clicks', network: null, status: 'measurable' },
    ]);
    const bad = await app
      .http()
      .post('/engagement/kpi-targets/check')
      .set('Authorization', `Bearer ${token}`)
      .send({ targets: [{ metric: 'likes' }] });
    expect([bad.status, bad.body.error.message]).toEqual([
      400,
      expect.stringContaining('metric must be one of'),
    ]);
  });
});
