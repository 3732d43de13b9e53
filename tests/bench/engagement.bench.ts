/**
 * `npm run bench:engagement`: what the engagement plugin's queries cost at scale. Parts (BENCH_PART,
 * comma-separated, default all):
 *  - storage: seeds 20,000 published deliveries (current rows) and 1,000,000 metric snapshots, then
 *    times the collector's claim of due deliveries and one post's time series (the admin's post
 *    view: its deliveries and every snapshot), and prints both query plans.
 *  - reports: on the same seed (seeded here when storage did not run), adds 20 daily rollup rows per
 *    delivery and 120 days of followers for 30 accounts, makes one campaign real, fills the campaign
 *    rollup from the daily rows, then times the homepage summary (BENCH_CAMPAIGNS running campaigns paced), a campaign report and a 30-day
 *    overview, and prints the plan of every query each of them runs on the plugin's tables (EXPLAIN
 *    QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL), with its time.
 * SQLite by default, PostgreSQL with DATABASE_CLIENT=postgres (a fresh database, dropped after).
 * Figures are printed, nothing is asserted. Needs the built app (`npm run build:plugins && npm run compile`).
 * Options: BENCH_DELIVERIES (20000), BENCH_SNAPSHOTS (1000000), BENCH_REPEATS (40), BENCH_CAMPAIGNS
 * (running campaigns, 6: as many as the homepage paces).
 */
import type { Core } from '@strapi/strapi';
import { claimStatements, clientOf, modelOf } from '@porte-voix/kit/server';

import { bootStrapi } from '../harness/strapi';
import {
  ACCOUNT_DAILY_UID,
  DELIVERY_STAT_UID,
  METRIC_DAILY_UID,
  SNAPSHOT_UID,
} from '../../plugins/engagement/server/src/content-types';
import { DAY_MS, HOUR_MS, nextCollection } from '../../plugins/engagement/server/src/domain/decay';
import { campaignDailiesRepository } from '../../plugins/engagement/server/src/repositories/campaign-dailies.repository';
import { deliveryStatsRepository } from '../../plugins/engagement/server/src/repositories/delivery-stats.repository';
import { metricSnapshotsRepository } from '../../plugins/engagement/server/src/repositories/metric-snapshots.repository';

const PARTS = (process.env.BENCH_PART || 'storage,reports').split(',').map((part) => part.trim());
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 20_000);
const SNAPSHOTS = Number(process.env.BENCH_SNAPSHOTS || 1_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS || 40);
const CAMPAIGNS = Math.min(50, Number(process.env.BENCH_CAMPAIGNS || 6));
const NETWORKS = ['mastodon', 'x', 'bluesky'] as const;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const timed = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const started = process.hrtime.bigint();
  const result = await work();
  return [Number(process.hrtime.bigint() - started) / 1e6, result];
};

/** Inserts rows in multi-row statements, in transactions of many statements. */
async function insertAll(strapi: Core.Strapi, table: string, rows: () => Generator<Record<string, unknown>>) {
  const knex = strapi.db.connection;
  const columns = Object.keys(rows().next().value ?? {}).length || 1;
  // PostgreSQL takes 65,535 parameters a statement; knex writes SQLite's as a compound SELECT of at most 500 terms.
  const perStatement = clientOf(strapi) === 'postgres' ? Math.floor(60_000 / columns) : 500;
  let batch: Record<string, unknown>[] = [];
  let trx = await knex.transaction();
  let inTransaction = 0;
  for (const row of rows()) {
    batch.push(row);
    if (batch.length < perStatement) continue;
    await trx(table).insert(batch);
    batch = [];
    inTransaction += 1;
    if (inTransaction >= 20) {
      await trx.commit();
      trx = await knex.transaction();
      inTransaction = 0;
    }
  }
  if (batch.length > 0) await trx(table).insert(batch);
  await trx.commit();
}

/** When delivery i went out: spread over the last 120 days (some frozen already). */
const postedAtOf = (i: number, now: number) =>
  now - ((i * 7919) % DELIVERIES) * ((120 * DAY_MS) / DELIVERIES);

/** The n-th snapshot of a delivery: hourly for two days, then every 6 hours, then daily. */
const snapshotOffset = (n: number) =>
  n < 48
    ? (n + 1) * 5 * 60_000 + n * HOUR_MS
    : n < 68
      ? 48 * HOUR_MS + (n - 47) * 6 * HOUR_MS
      : 7 * DAY_MS + (n - 67) * DAY_MS;

async function seedStorage(strapi: Core.Strapi, now: number) {
  const stat = modelOf(strapi, DELIVERY_STAT_UID);
  const snap = modelOf(strapi, SNAPSHOT_UID);
  await insertAll(strapi, stat.table, function* () {
    for (let i = 1; i <= DELIVERIES; i++) {
      const postedAt = postedAtOf(i, now);
      const network = NETWORKS[i % 3];
      // The schedule from a last collection some time before now; about 1% overdue.
      const last = Math.max(postedAt, now - ((i * 104_729) % 100) * 0.01 * 2 * DAY_MS);
      let next =
        nextCollection(new Date(postedAt), new Date(last), { freshness: 'live' }).at?.getTime() ?? null;
      if (next !== null && next < now && i % 100 !== 0) next = now + ((i * 31) % 3600) * 1000;
      yield {
        [stat.column('deliveryId')]: i,
        [stat.column('accountId')]: 1 + (i % 30),
        [stat.column('network')]: network,
        [stat.column('remoteId')]: `remote-${i}`,
        [stat.column('postDocumentId')]: `benchpost${Math.ceil(i / 3)}`,
        [stat.column('campaignDocumentId')]: `benchcampaign${i % 50}`,
        [stat.column('timeZone')]: 'Europe/Paris',
        [stat.column('postedAt')]: new Date(postedAt),
        [stat.column('reactions')]: i % 97,
        [stat.column('comments')]: i % 13,
        [stat.column('impressions')]: network === 'x' ? i * 3 : null,
        [stat.column('state')]: next === null ? 'frozen' : 'active',
        [stat.column('nextCollectAt')]: next === null ? null : new Date(next),
        [stat.column('lastCollectedAt')]: new Date(last),
      };
    }
  });
  const perDelivery = Math.max(1, Math.round(SNAPSHOTS / DELIVERIES));
  await insertAll(strapi, snap.table, function* () {
    for (let i = 1; i <= DELIVERIES; i++) {
      const postedAt = postedAtOf(i, now);
      const x = NETWORKS[i % 3] === 'x';
      for (let n = 0; n < perDelivery; n++)
        yield {
          [snap.column('deliveryId')]: i,
          [snap.column('capturedAt')]: new Date(postedAt + snapshotOffset(n)),
          [snap.column('reactions')]: n * 3 + (i % 7),
          [snap.column('comments')]: n,
          [snap.column('shares')]: Math.floor(n / 2),
          [snap.column('impressions')]: x ? n * 120 : null,
        };
    }
  });
  // Statistics as a database that has been running has them.
  await strapi.db.connection.raw('ANALYZE');
}

const ROLLBACK = new Error('rollback');

async function explain(strapi: Core.Strapi, sql: string, bindings: Record<string, unknown> | unknown[] = []) {
  const knex = strapi.db.connection;
  if (clientOf(strapi) === 'postgres') {
    // EXPLAIN ANALYZE runs the statement: inside a transaction that is rolled back.
    let plan: string[] = [];
    await knex
      .transaction(async (trx) => {
        const result = await trx.raw(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, bindings as any);
        plan = result.rows.map((row: any) => row['QUERY PLAN']);
        throw ROLLBACK;
      })
      .catch((error) => {
        if (error !== ROLLBACK) throw error;
      });
    return plan.join('\n');
  }
  const rows = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as any);
  return (rows as any[]).map((row) => `${'  '.repeat(row.parent ? 1 : 0)}${row.detail}`).join('\n');
}

async function storagePart(strapi: Core.Strapi) {
  const now = Date.now();
  const [seedMs] = await timed(() => seedStorage(strapi, now));
  const client = clientOf(strapi);
  const stats = deliveryStatsRepository(strapi);
  const snapshots = metricSnapshotsRepository(strapi);
  const statModel = modelOf(strapi, DELIVERY_STAT_UID);
  const knex = strapi.db.connection;
  const snapshotCount = Number((await knex(modelOf(strapi, SNAPSHOT_UID).table).count({ n: '*' }))[0].n);
  console.log(
    `\nEngagement storage on ${client}: ${DELIVERIES.toLocaleString('en')} deliveries, ${snapshotCount.toLocaleString('en')} snapshots (seeded in ${(seedMs / 1000).toFixed(1)} s)`
  );

  // What any write costs here (one row, its commit): the floor under the claim's figures.
  const commits: number[] = [];
  for (let i = 0; i < REPEATS; i++)
    commits.push(
      (
        await timed(() =>
          knex(statModel.table)
            .where('id', 1 + i)
            .update({ [statModel.column('stateReason')]: null })
        )
      )[0]
    );
  console.log(
    `  a one-row update (the commit alone): p50 ${ms(percentile(commits, 50))}, p95 ${ms(percentile(commits, 95))}`
  );

  // The collector's claim (as many rows as the collector claims per round): due deliveries, leased;
  // given back after each measure so each claim finds as many.
  const CLAIM_LIMIT = strapi.plugin('engagement').config('collectorClaimLimit') as number;
  /**
   * Claims REPEATS times (after three untimed ones: caches, and SQLite's checkpoint of the seed),
   * giving the claimed rows back (due again) after each; answers the times and the last count.
   */
  async function timeClaims() {
    const times: number[] = [];
    let claimed = 0;
    for (let i = -3; i < REPEATS; i++) {
      const [took, ids] = await timed(() =>
        stats.claimDue({ owner: `bench#${i}`, leaseMs: 60_000, limit: CLAIM_LIMIT })
      );
      if (i >= 0) times.push(took);
      claimed = ids.length;
      await knex(statModel.table)
        .whereIn('id', ids)
        .update({
          [statModel.column('leaseOwner')]: null,
          [statModel.column('leaseUntil')]: null,
          [statModel.column('nextCollectAt')]: new Date(Date.now() - 60_000),
        });
    }
    return { times, claimed };
  }
  const steady = await timeClaims();
  console.log(
    `  collector claim, a usual tick (limit ${CLAIM_LIMIT}, ${steady.claimed} due of ${DELIVERIES.toLocaleString('en')}): p50 ${ms(percentile(steady.times, 50))}, p95 ${ms(percentile(steady.times, 95))}  (target ≤ 20 ms)`
  );
  // A backlog (after an outage, or the first run on existing deliveries): a tenth of them due at once.
  const active = await knex(statModel.table)
    .select('id')
    .whereNotNull(statModel.column('nextCollectAt'))
    .orderBy('id')
    .limit(Math.floor(DELIVERIES / 10));
  await knex(statModel.table)
    .whereIn(
      'id',
      active.map((row: any) => row.id)
    )
    .update({ [statModel.column('nextCollectAt')]: new Date(Date.now() - 3_600_000) });
  const backlog = await timeClaims();
  console.log(
    `  collector claim, a backlog (${active.length.toLocaleString('en')} due, ${backlog.claimed} claimed at once): p50 ${ms(percentile(backlog.times, 50))}, p95 ${ms(percentile(backlog.times, 95))}  (target ≤ 20 ms)`
  );

  // One post's time series, as the admin's post view reads it (its deliveries, then their snapshots).
  const postMetrics = strapi.plugin('engagement').service('post-metrics');
  const series: number[] = [];
  const raw: number[] = [];
  let points = 0;
  for (let i = 0; i < REPEATS; i++) {
    const post = `benchpost${1 + ((i * 1543) % Math.floor(DELIVERIES / 3))}`;
    const [took, view] = await timed((): Promise<any> => postMetrics.forPost(post));
    series.push(took);
    points = view.deliveries.reduce((sum: number, d: any) => sum + d.snapshots.length, 0);
    const ids = view.deliveries.map((d: any) => d.deliveryId);
    raw.push((await timed(() => snapshots.seriesOf(ids)))[0]);
  }
  console.log(
    `  one post's time series (3 deliveries, ${points} snapshots): p50 ${ms(percentile(series, 50))}, p95 ${ms(percentile(series, 95))}  (target ≤ 30 ms); the snapshot query alone p95 ${ms(percentile(raw, 95))}`
  );

  const claim = claimStatements(strapi, {
    uid: DELIVERY_STAT_UID,
    dueAttribute: 'nextCollectAt',
    pushDue: true,
    owner: 'bench-plan',
    leaseMs: 60_000,
    limit: CLAIM_LIMIT,
  });
  console.log(`\nQuery plan: collector claim\n${await explain(strapi, claim.claim, claim.bindings)}`);
  const seriesSql = snapshots.seriesQuery([3001, 3002, 3003]).toSQL();
  console.log(
    `\nQuery plan: one post's snapshots\n${await explain(strapi, seriesSql.sql, seriesSql.bindings as unknown[])}`
  );
}

let seeded = false;

/** Daily rollups and followers, as months of collection leave them; one campaign made real. */
async function seedReports(strapi: Core.Strapi, now: number) {
  const daily = modelOf(strapi, METRIC_DAILY_UID);
  const followers = modelOf(strapi, ACCOUNT_DAILY_UID);
  const stat = modelOf(strapi, DELIVERY_STAT_UID);
  const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
  await insertAll(strapi, daily.table, function* () {
    for (let i = 1; i <= DELIVERIES; i++) {
      const postedAt = postedAtOf(i, now);
      const network = NETWORKS[i % 3];
      for (let d = 0; d < 20 && postedAt + d * DAY_MS < now; d++)
        yield {
          [daily.column('deliveryId')]: i,
          [daily.column('day')]: dayOf(postedAt + d * DAY_MS),
          [daily.column('accountId')]: 1 + (i % 30),
          [daily.column('network')]: network,
          [daily.column('postDocumentId')]: `benchpost${Math.ceil(i / 3)}`,
          [daily.column('campaignDocumentId')]: `benchcampaign${i % 50}`,
          [daily.column('reactions')]: Math.max(0, 20 - d) + (i % 5),
          [daily.column('comments')]: d < 3 ? 2 : 0,
          [daily.column('shares')]: d < 2 ? 1 : 0,
          [daily.column('impressions')]: network === 'x' ? Math.max(0, 400 - d * 20) : null,
        };
    }
  });
  await insertAll(strapi, followers.table, function* () {
    for (let account = 1; account <= 30; account++)
      for (let d = 120; d >= 0; d--)
        yield {
          [followers.column('accountId')]: account,
          [followers.column('network')]: NETWORKS[account % 3],
          [followers.column('day')]: dayOf(now - d * DAY_MS),
          [followers.column('followers')]: 1000 + account * 10 + (120 - d) * 3,
          [followers.column('followersChange')]: 3,
          [followers.column('capturedAt')]: new Date(now - d * DAY_MS),
        };
  });
  // Running campaigns the reports can load (the homepage paces up to six): each has a fiftieth of
  // the deliveries (400 at the default size); the campaign report reads the first.
  const campaigns: string[] = [];
  for (let n = 0; n < CAMPAIGNS; n++) {
    const campaign = await (strapi.documents as any)('api::campaign.campaign').create({
      data: {
        name: `Bench campaign ${n + 1}`,
        startsOn: dayOf(now - 120 * DAY_MS),
        endsOn: dayOf(now + 30 * DAY_MS),
        kpiTargets: [
          { metric: 'impressions', target: 1_000_000 },
          { metric: 'engagements', target: 50_000 },
          { metric: 'engagement_rate', target: 0.03 },
        ],
      },
    });
    campaigns.push(campaign.documentId);
    for (const model of [daily, stat])
      await strapi.db
        .connection(model.table)
        .where(model.column('campaignDocumentId'), `benchcampaign${n}`)
        .update({ [model.column('campaignDocumentId')]: campaign.documentId });
  }
  // What the collector's writes would have kept: the daily rows added up per day, network and campaign.
  const [fillMs, campaignRows] = await timed(() => campaignDailiesRepository(strapi).fillFromDailies());
  await strapi.db.connection.raw('ANALYZE');
  return { campaign: campaigns[0], fillMs, campaignRows };
}

type CapturedQuery = { sql: string; bindings: unknown[]; ms: number };

/** Runs `work` once and answers the queries it ran, each with its time. */
async function queriesOf(strapi: Core.Strapi, work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const knex = strapi.db.connection as any;
  const started = new Map<string, { sql: string; bindings: unknown[]; at: bigint }>();
  const done: CapturedQuery[] = [];
  const onQuery = (query: any) =>
    started.set(query.__knexQueryUid, {
      sql: query.sql,
      bindings: query.bindings ?? [],
      at: process.hrtime.bigint(),
    });
  const onResponse = (_response: unknown, query: any) => {
    const begun = started.get(query.__knexQueryUid);
    if (!begun) return;
    done.push({
      sql: begun.sql,
      bindings: begun.bindings,
      ms: Number(process.hrtime.bigint() - begun.at) / 1e6,
    });
  };
  knex.on('query', onQuery);
  knex.on('query-response', onResponse);
  try {
    await work();
  } finally {
    knex.off('query', onQuery);
    knex.off('query-response', onResponse);
  }
  return done;
}

/**
 * The plan of each query a report ran on the plugin's tables (the same SQL once), slowest first;
 * the host app's reads (campaigns, post titles, accounts) by their time only.
 */
async function printPlans(strapi: Core.Strapi, label: string, queries: CapturedQuery[]) {
  const ours = queries.filter((query) => /\bengagement_/.test(query.sql));
  const others = queries.filter((query) => !/\bengagement_/.test(query.sql));
  const sum = (list: CapturedQuery[]) => ms(list.reduce((total, query) => total + query.ms, 0));
  console.log(
    `\nQuery plans: ${label}: ${ours.length} queries on the plugin's tables (${sum(ours)}), ${others.length} on the host app's (${sum(others)}); some run side by side`
  );
  const distinct = new Map<string, CapturedQuery>();
  for (const query of ours) if (!distinct.has(query.sql)) distinct.set(query.sql, query);
  for (const query of [...distinct.values()].sort((a, b) => b.ms - a.ms)) {
    // PostgreSQL's are numbered ($1); knex.raw takes them back as ?.
    const sql = query.sql.replace(/\$\d+/g, '?');
    console.log(`\n  [${ms(query.ms)}] ${sql.replace(/\s+/g, ' ').slice(0, 400)}`);
    const plan = await explain(strapi, sql, query.bindings);
    console.log(plan.replace(/^/gm, '    '));
  }
  if (others.length > 0) console.log(`\n  Host app's queries, slowest first:`);
  for (const query of [...others].sort((a, b) => b.ms - a.ms).slice(0, 8))
    console.log(`  [${ms(query.ms)}] ${query.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
}

async function reportsPart(strapi: Core.Strapi) {
  const now = Date.now();
  if (!seeded) await seedStorage(strapi, now);
  const [seedMs, { campaign, fillMs, campaignRows }] = await timed(() => seedReports(strapi, now));
  const knex = strapi.db.connection;
  const daily = modelOf(strapi, METRIC_DAILY_UID);
  const dailyCount = Number((await knex(daily.table).count({ n: '*' }))[0].n);
  console.log(
    `\nEngagement reports on ${clientOf(strapi)}: ${dailyCount.toLocaleString('en')} daily rows, ${campaignRows.toLocaleString('en')} campaign rollup rows (seeded in ${(seedMs / 1000).toFixed(1)} s, the campaign rollup filled from the daily rows in ${(fillMs / 1000).toFixed(1)} s)`
  );
  const reports = strapi.plugin('engagement').service('reports');
  const day = (offset: number) => new Date(now + offset * DAY_MS).toISOString().slice(0, 10);
  const measures: [string, () => Promise<unknown>, string][] = [
    [
      'homepage summary (uncached)',
      () => {
        reports.forgetHomepage();
        return reports.homepage('fr');
      },
      '≤ 100 ms on PostgreSQL, ≤ 300 ms on SQLite',
    ],
    ['campaign report', () => reports.campaign(campaign, 'fr'), '≤ 250 ms'],
    [
      'overview, 30 days against the previous 30',
      () => reports.overview({ from: day(-29), to: day(0), compare: 'previous' }),
      '—',
    ],
  ];
  for (const [label, work, target] of measures) {
    for (let i = 0; i < 3; i++) await work();
    const times: number[] = [];
    for (let i = 0; i < REPEATS; i++) times.push((await timed(work))[0]);
    console.log(
      `  ${label}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (target ${target})`
    );
  }
  for (const [label, work] of measures) await printPlans(strapi, label, await queriesOf(strapi, work));
}

async function main() {
  const app = await bootStrapi({ env: { STRAPI_LOG_LEVEL: 'error', CROSS_POST_DISPATCHER: 'false' } });
  try {
    for (const part of PARTS) {
      if (part === 'storage') {
        await storagePart(app.strapi);
        seeded = true;
      } else if (part === 'reports') await reportsPart(app.strapi);
      else console.log(`No benchmark part named ${part} (known: storage, reports, links).`);
    }
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
