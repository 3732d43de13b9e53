/**
 * `npm run bench:engagement -- links`: `/l/<code>` against a plain Strapi route answering 302, in the
 * same process, database and middleware stack, in alternated rounds (scripts/bench/harness.mjs).
 *
 * The tracked links are real: 50 links of a campaign with UTM defaults, each request to one of them,
 * from one of 5,000 addresses (X-Forwarded-For through the trusted proxy), one in ten a Mastodon
 * preview fetch; every click is described (daily-salted visitor hash, bot rules) and queued, and the
 * batches are written while the load runs. After the run, every answered click is checked to be stored.
 *
 * Options (environment): BENCH_SECONDS per phase (default 4), BENCH_ROUNDS (default 4),
 * BENCH_CONCURRENCY (default 8), DATABASE_CLIENT=postgres.
 */
type Harness = {
  bootBenchApp(
    name: string,
    env?: Record<string, string>
  ): Promise<{
    strapi: any;
    client: string;
    baseUrl: string;
    close(): Promise<void>;
  }>;
  compareWithBaseline(options: Record<string, unknown>): Promise<{
    baseline: number;
    feature: number;
    ratio: number;
    answered: Record<string, number>;
  }>;
};

const SECONDS = Number(process.env.BENCH_SECONDS || 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
const LINKS = 50;
const PLAIN_PATH = '/bench/plain-redirect';

/** Who sends each request (it runs in the load worker: self-contained). */
function visitorHeaders(n: number) {
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${(n % 5000) & 255}`;
  const userAgent =
    n % 10 === 0
      ? `http.rb/5.1.1 (Mastodon/4.2.8; +https://instance${n % 300}.example/)`
      : `Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.${n % 5000}`;
  return { 'x-forwarded-for': address, 'user-agent': userAgent, accept: 'text/html' };
}

export async function run({ bootBenchApp, compareWithBaseline }: Harness) {
  const app = await bootBenchApp('links', {
    TRUST_PROXY: 'true',
    ENGAGEMENT_TRAFFIC_MAINTENANCE_MINUTES: '0',
  });
  const { strapi, baseUrl } = app;

  // The baseline: a plain route at the root answering 302, through the same middlewares as /l/<code>.
  strapi.server.routes([
    {
      method: 'GET',
      path: PLAIN_PATH,
      handler: (ctx: any) => ctx.redirect('https://example.org/article?utm_source=bench&utm_medium=social'),
      config: { auth: false },
    },
  ]);

  const campaign = await strapi.documents('api::campaign.campaign').create({
    locale: 'fr',
    data: {
      name: 'Bench',
      slug: 'bench',
      objective: 'traffic',
      state: 'active',
      startsOn: '2026-01-01',
      utm: { source: 'porte-voix', medium: 'social', campaign: 'bench' },
    },
  });
  await strapi.documents('api::campaign.campaign').publish({ documentId: campaign.documentId, locale: 'fr' });
  const links = strapi.plugin('engagement').service('links');
  const codes: string[] = [];
  for (let i = 0; i < LINKS; i += 1) {
    const [link] = await links.create(
      {
        target: { type: 'campaign', documentId: campaign.documentId },
        destinationUrl: `https://example.org/article-${i}?ref=bench`,
      },
      null
    );
    codes.push(link.code);
  }

  const { baseline, feature, ratio, answered } = await compareWithBaseline({
    label: `Tracked links bench on ${app.client}`,
    baseUrl,
    rounds: ROUNDS,
    seconds: SECONDS,
    concurrency: CONCURRENCY,
    baseline: {
      url: `${baseUrl}${PLAIN_PATH}`,
      method: 'GET',
      okStatuses: [302],
      makeHeaders: visitorHeaders,
    },
    feature: {
      name: 'links',
      url: `${baseUrl}/l/${codes[0]}`,
      makeUrl: (n: number, data: { baseUrl: string; codes: string[] }) =>
        `${data.baseUrl}/l/${data.codes[n % data.codes.length]}`,
      data: { baseUrl, codes },
      method: 'GET',
      okStatuses: [302],
      makeHeaders: visitorHeaders,
    },
  });

  const recorder = strapi.plugin('engagement').service('recorder');
  await recorder.flush();
  const knex = strapi.db.connection;
  const table = strapi.db.metadata.get('plugin::engagement.click-event').tableName;
  const daily = strapi.db.metadata.get('plugin::engagement.link-daily').tableName;
  const [{ events }] = await knex(table).count({ events: '*' });
  const [sums] = await knex(daily).sum({ humans: 'human_clicks', bots: 'bot_clicks' });

  console.log('');
  console.log(`plain Strapi route answering 302: ${baseline.toFixed(0)} requests/s (median of ${ROUNDS})`);
  console.log(
    `/l/<code> (look-up, UTM, visitor hash, bot rules, queued write): ${feature.toFixed(0)} requests/s`
  );
  console.log(
    `ratio /l/<code> / plain 302: ${ratio.toFixed(2)} (median of the rounds' ratios; target >= 0.9)`
  );
  console.log(
    `answered ${answered.links} redirects; stored ${events} click events (${recorder.queued('clicks')} still queued); ` +
      `daily counts: ${sums.humans} people (once per visitor and hour), ${sums.bots} bots`
  );
  await app.close();
}
