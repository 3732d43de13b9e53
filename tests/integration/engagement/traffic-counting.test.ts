import path from 'node:path';

import { restoreClock, skewClock } from '../../harness/clock';
import { bootStrapi, type TestApp } from '../../harness/strapi';
import {
  asAdmin,
  BROWSER,
  clickEvents,
  createCampaign,
  createPost,
  flushTraffic,
  linkDaily,
  MASTODON,
  TRAFFIC_ENV,
  visit,
} from './traffic-helpers';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Every value of every row of every table, as text: what a privacy scan reads. */
async function everyStoredText(app: TestApp): Promise<Map<string, string>> {
  const knex = app.strapi.db.connection;
  const client = app.strapi.db.dialect.client;
  const tables: string[] =
    client === 'postgres'
      ? (await knex.raw("select tablename as name from pg_tables where schemaname = 'public'")).rows.map(
          (r: any) => r.name
        )
      : client === 'mysql'
        ? (
            await knex.raw(
              'select table_name as name from information_schema.tables where table_schema = database()'
            )
          )[0].map((r: any) => r.name ?? r.NAME ?? r.TABLE_NAME)
        : (await knex.raw("select name from sqlite_master where type = 'table'")).map((r: any) => r.name);
  const texts = new Map<string, string>();
  for (const table of tables) texts.set(table, JSON.stringify(await knex(table).select('*')));
  return texts;
}

/** Clicks as the database counts them: who is a person, who a bot, once per hour, salted per day. */
describe('counting clicks', () => {
  let app: TestApp;
  let admin: ReturnType<typeof asAdmin>;

  beforeAll(async () => {
    app = await bootStrapi({
      // Nothing is written unless a test flushes (or the app stops): what the queue holds stays visible.
      env: { ...TRAFFIC_ENV, ENGAGEMENT_TRAFFIC_FLUSH_MS: '60000' },
    });
    admin = asAdmin(app, await app.adminToken());
  });
  afterEach(() => {
    restoreClock();
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function newLink(destinationUrl = 'https://example.org/article') {
    const campaign = await createCampaign(app.strapi);
    const post = await createPost(app.strapi, { campaign: campaign.documentId, link: destinationUrl });
    const response = await admin.post('/engagement/links', {
      target: { type: 'post', documentId: post.documentId },
    });
    expect(response.status).toBe(201);
    return response.body.data[0] as { id: number; code: string };
  }

  const totals = async (linkId: number) => {
    const rows = await linkDaily(app, linkId);
    return rows.reduce(
      (sum: any, row: any) => ({
        humans: sum.humans + row.humanClicks,
        uniques: sum.uniques + row.uniqueVisitors,
        bots: sum.bots + row.botClicks,
      }),
      { humans: 0, uniques: 0, bots: 0 }
    );
  };

  it('answers before it writes: the click waits in the queue until the next batch', async () => {
    const link = await newLink();
    const response = await visit(app, `/l/${link.code}`);
    expect(response.status).toBe(302);
    expect(await clickEvents(app, link.id)).toHaveLength(0);
    await flushTraffic(app);
    const [event] = await clickEvents(app, link.id);
    expect(event).toMatchObject({ isBot: false, botReason: null });
    expect(await totals(link.id)).toEqual({ humans: 1, uniques: 1, bots: 0 });
  });

  it('counts a Mastodon preview stampede of 200 fetches as 200 bots and no person', async () => {
    const link = await newLink();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        visit(app, `/l/${link.code}`, {
          ip: `192.0.2.${n % 250}`,
          userAgent: MASTODON(`instance${n}.example`),
        })
      )
    );
    expect(responses.every((response) => response.status === 302)).toBe(true);
    await flushTraffic(app);

    const events = await clickEvents(app, link.id);
    expect(events).toHaveLength(200);
    expect(events.every((event: any) => event.isBot && event.botReason === 'fediverse_preview')).toBe(true);
    expect(await totals(link.id)).toEqual({ humans: 0, uniques: 0, bots: 200 });
  });

  it('flags link-preview fetchers, crawlers, AI crawlers, HEAD and an empty user agent, and keeps them', async () => {
    const link = await newLink();
    const bots: [string | null, string][] = [
      ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'link_preview'],
      ['Twitterbot/1.0', 'link_preview'],
      ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'link_preview'],
      ['Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'link_preview'],
      ['TelegramBot (like TwitterBot)', 'link_preview'],
      ['WhatsApp/2.23.20.0 A', 'link_preview'],
      [
        'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
        'link_preview',
      ],
      ['Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)', 'link_preview'],
      ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'crawler'],
      [
        'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
        'ai_crawler',
      ],
      [null, 'empty_user_agent'],
    ];
    for (const [userAgent] of bots) {
      expect((await visit(app, `/l/${link.code}`, { userAgent })).status).toBe(302);
    }
    expect((await app.http().head(`/l/${link.code}`).set('User-Agent', BROWSER).redirects(0)).status).toBe(
      302
    );
    await flushTraffic(app);

    const reasons = (await clickEvents(app, link.id)).map((event: any) => event.botReason);
    expect(reasons).toEqual([...bots.map(([, reason]) => reason), 'head_request']);
    expect(await totals(link.id)).toEqual({ humans: 0, uniques: 0, bots: 12 });
  });

  it('counts a person once per hour and link, and each new hour again', async () => {
    const link = await newLink();
    const other = await newLink();
    for (let i = 0; i < 5; i += 1) await visit(app, `/l/${link.code}`, { ip: '198.51.100.7' });
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.8' });
    await visit(app, `/l/${other.code}`, { ip: '198.51.100.7' });
    await flushTraffic(app);
    // Flushed apart from the first ones: the database, not the batch, remembers who was counted.
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.7' });
    await flushTraffic(app);
    expect(await totals(link.id)).toEqual({ humans: 2, uniques: 2, bots: 0 });
    expect(await totals(other.id)).toEqual({ humans: 1, uniques: 1, bots: 0 });
    expect(await clickEvents(app, link.id)).toHaveLength(7);

    // An hour later (or earlier, so as to stay on the same day in Paris), the same person counts again.
    const parisHour = Number(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(new Date())
    );
    skewClock(parisHour < 22 ? HOUR : -HOUR);
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.7' });
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.7' });
    await flushTraffic(app);
    expect(await totals(link.id)).toEqual({ humans: 3, uniques: 2, bots: 0 });
  });

  it('counts one person per hour even when two instances write the same hour at once', async () => {
    const link = await newLink();
    const plugin = require(path.resolve(__dirname, '../../../plugins/engagement/dist/server'));
    // A second recorder, with its own queue: what another instance of the app would run.
    const recorders = [
      app.strapi.plugin('engagement').service('recorder'),
      (plugin.default ?? plugin).services.recorder({ strapi: app.strapi }),
    ];
    const visitors = app.strapi.plugin('engagement').service('visitors');
    const at = new Date();
    const traits = { ip: '198.51.100.50', userAgent: BROWSER, method: 'GET', referer: undefined };
    for (const recorder of recorders) {
      recorder.record('clicks', {
        key: String(link.id),
        ...(await visitors.visit(traits, 'Europe/Paris', at)),
      });
    }
    // Both look the visitor up, find nothing counted, and insert: the unique index lets one count.
    await Promise.all(recorders.map((recorder) => recorder.flush()));
    expect(await totals(link.id)).toEqual({ humans: 1, uniques: 1, bots: 0 });
    const events = await clickEvents(app, link.id);
    expect(events).toHaveLength(2);
    expect(events.filter((event: any) => event.countedHour !== null)).toHaveLength(1);
  });

  it('keeps only the referring host', async () => {
    const link = await newLink();
    await visit(app, `/l/${link.code}`, { referer: 'https://mastodon.social/@someone/112233?token=secret' });
    await flushTraffic(app);
    const [event] = await clickEvents(app, link.id);
    expect(event.referrerHost).toBe('mastodon.social');
  });

  it('hashes visitors under a salt of the day: a new day, a new hash and the old salt gone', async () => {
    const link = await newLink();
    const salts = () => app.strapi.db.query('plugin::engagement.visitor-salt' as any).findMany({});
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.99' });
    await flushTraffic(app);
    const [today] = await clickEvents(app, link.id);
    const todaySalts = await salts();
    expect(todaySalts).toHaveLength(1);

    skewClock(DAY);
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.99' });
    await flushTraffic(app);
    const [, tomorrow] = await clickEvents(app, link.id);
    expect(tomorrow.visitorHash).not.toBe(today.visitorHash);
    expect(tomorrow.day).not.toBe(today.day);
    // The person counts on the new day as a new visitor, and yesterday's salt is deleted.
    expect(await totals(link.id)).toEqual({ humans: 2, uniques: 2, bots: 0 });
    const tomorrowSalts = await salts();
    expect(tomorrowSalts).toHaveLength(1);
    expect(tomorrowSalts[0].day).not.toBe(todaySalts[0].day);
    restoreClock();
    // Back to today: a fresh salt, since the old one is gone for good.
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.99' });
    await flushTraffic(app);
    const [, , again] = await clickEvents(app, link.id);
    expect(again.visitorHash).not.toBe(today.visitorHash);
  });

  it('deletes raw clicks after 90 days and daily counts after 25 months, on the maintenance run', async () => {
    const link = await newLink();
    const maintenance = app.strapi.plugin('engagement').service('trafficMaintenance');
    skewClock(-26 * 31 * DAY);
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.61' });
    await flushTraffic(app);
    restoreClock();
    skewClock(-100 * DAY);
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.62' });
    await flushTraffic(app);
    restoreClock();
    skewClock(-89 * DAY);
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.63' });
    await flushTraffic(app);
    restoreClock();
    expect(await clickEvents(app, link.id)).toHaveLength(3);
    expect(await linkDaily(app, link.id)).toHaveLength(3);

    await maintenance.runOnce();
    // The click of 89 days ago is kept; the older ones are gone, their daily counts kept unless past 25 months.
    expect((await clickEvents(app, link.id)).map((event: any) => event.day)).toHaveLength(1);
    const days = (await linkDaily(app, link.id)).map((row: any) => row.day);
    expect(days).toHaveLength(2);
    expect(await totals(link.id)).toEqual({ humans: 2, uniques: 2, bots: 0 });
    // Run by the timer on every instance: a second run changes nothing.
    await maintenance.runOnce();
    expect(await linkDaily(app, link.id)).toHaveLength(2);
  });

  it('recounts a past day from its raw clicks', async () => {
    const link = await newLink();
    skewClock(-2 * DAY);
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.71' });
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.72' });
    await visit(app, `/l/${link.code}`, { userAgent: 'Twitterbot/1.0' });
    await flushTraffic(app);
    restoreClock();
    const [row] = await linkDaily(app, link.id);
    // As if a batch's daily update had failed after its clicks were stored.
    await app.strapi.db
      .query('plugin::engagement.link-daily' as any)
      .update({ where: { id: row.id }, data: { humanClicks: 0, uniqueVisitors: 0, botClicks: 0 } });
    await app.strapi.plugin('engagement').service('trafficMaintenance').recountDay(row.day);
    expect(await totals(link.id)).toEqual({ humans: 2, uniques: 2, bots: 1 });
  });

  it('stores no address and no user agent anywhere: every table scanned', async () => {
    const link = await newLink();
    const probe = {
      ip: '203.0.113.77',
      userAgent: 'Mozilla/5.0 (PrivacyProbe 4242) Gecko/20100101 Firefox/127.0',
    };
    await visit(app, `/l/${link.code}`, probe);
    await visit(app, `/l/${link.code}`, { ...probe, userAgent: 'PrivacyProbeBot/1.0' });
    const post = await createPost(app.strapi);
    const view = await app
      .http()
      .post('/api/engagement/views')
      .set('X-Forwarded-For', probe.ip)
      .set('User-Agent', probe.userAgent)
      .send({ post: post.documentId, path: '/blog/article?email=someone@example.org' });
    expect(view.status).toBe(202);
    await flushTraffic(app);
    expect(await clickEvents(app, link.id)).toHaveLength(2);

    const leaks: string[] = [];
    for (const [table, text] of await everyStoredText(app)) {
      for (const needle of ['203.0.113.77', 'PrivacyProbe', 'someone@example.org']) {
        if (text.includes(needle)) leaks.push(`${table}: ${needle}`);
      }
    }
    expect(leaks).toEqual([]);
    const views = await app.strapi.db
      .query('plugin::engagement.page-view' as any)
      .findMany({ where: { targetDocumentId: post.documentId } });
    expect(views.map((row: any) => row.path)).toEqual(['/blog/article']);
  });

  it('writes what is still queued when the app stops', async () => {
    const link = await newLink();
    await visit(app, `/l/${link.code}`, { ip: '198.51.100.81' });
    await visit(app, `/l/${link.code}`, { userAgent: 'Twitterbot/1.0' });
    expect(await clickEvents(app, link.id)).toHaveLength(0);
    // The plugin's destroy, which strapi.destroy() runs first (called here without stopping the app).
    // (this checkout's build: the package name may resolve to another checkout through node_modules)
    const plugin = require(path.resolve(__dirname, '../../../plugins/engagement/dist/server'));
    await (plugin.default ?? plugin).destroy({ strapi: app.strapi });
    expect(await clickEvents(app, link.id)).toHaveLength(2);
    expect(await totals(link.id)).toEqual({ humans: 1, uniques: 1, bots: 1 });
  });
});
