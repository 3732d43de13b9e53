#!/usr/bin/env node
/**
 * `npm run bench:contest`: what the contests plugin costs.
 *
 *  1. entries over HTTP through the whole path (validation, event look-up, eligibility, person
 *     key, fraud evidence queries, slot insert under the unique indexes), each from a new person,
 *     with 0, 10k, 50k and 100k entries already in the contest (seeded by batched inserts, half
 *     of them from the bench's address), and the organiser's contest page timed at each size;
 *  2. a plain Strapi `create` (core controller + Document Service) over HTTP on a minimal content
 *     type registered by this script only (`api::bench-entry.bench-entry`, one text field);
 *     both HTTP phases in the same process and database, interleaved (A B A B);
 *  3. the draw of 100,000 entries: the whole admin draw (freeze from the database, rank, store,
 *     reveal), the public state read, and verify-draw's independent recomputation of it.
 *
 * Shared bench machinery (database, boot, baseline, load): scripts/bench/harness.mjs.
 * Options (environment): BENCH_SECONDS per phase (default 4), BENCH_ROUNDS (default 2), BENCH_CONCURRENCY (default 8),
 * BENCH_SIZES (entries already in the contest, default 0,10000,50000,100000),
 * BENCH_DRAW_ENTRIES (default 100000), DATABASE_CLIENT=postgres (a fresh database, dropped after).
 */
import { randomBytes } from 'node:crypto';

import { bootBenchApp, compareWithBaseline, median } from './bench/harness.mjs';
import { verifyDraw } from './verify-draw.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS || 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
const DRAW_ENTRIES = Number(process.env.BENCH_DRAW_ENTRIES || 100_000);
const DAY = 24 * 3600 * 1000;

const app = await bootBenchApp('contest', {
  // All the load comes from one address: no rate limit, and no sweeps during the run.
  CONTESTS_RATE_LIMIT_MAX: '100000000',
  CONTESTS_SWEEP_INTERVAL_MINUTES: '0',
});
const { strapi, baseUrl } = app;
strapi.plugin('email').service('email').send = async () => undefined;

async function createContest(title, contest) {
  const event = await strapi.documents('api::event.event').create({
    locale: 'fr',
    data: {
      title,
      slug: `bench-${randomBytes(4).toString('hex')}`,
      kind: 'contest',
      startsAt: new Date().toISOString(),
      timeZone: 'Europe/Paris',
      contest: {
        organizer: 'Bench SAS',
        entryOpensAt: new Date(Date.now() - DAY).toISOString(),
        entryClosesAt: new Date(Date.now() + DAY).toISOString(),
        minimumAge: 18,
        eligibleCountries: ['FR', 'BE', 'CH'],
        entriesPerPerson: 1,
        winnersCount: 10,
        substitutesCount: 5,
        // Measures direct entries: double opt-in (the default) would store them unconfirmed.
        doubleOptIn: false,
        ...contest,
      },
    },
  });
  // Entries wait for the rules text to be approved (editorial approval of contest rules).
  const workflow = strapi.plugin('editorial')?.service('workflow');
  if (workflow) {
    const key = { uid: 'api::event.event', documentId: event.documentId, locale: 'fr' };
    const submitted = await workflow.submit(key, { type: 'system', id: null, name: 'Bench organiser' });
    await workflow.approve(key, { type: 'system', id: null, name: 'Bench approver' }, submitted.contentHash);
  }
  await strapi.documents('api::event.event').publish({ documentId: event.documentId, locale: 'fr' });
  return event.documentId;
}
const contest = await createContest('Bench HTTP', {});

// --- entries against the plain create, as the contest fills ---------------------------------------
const ENTRY = 'plugin::contests.contest-entry';
const NAMES = {
  first: ['Camille', 'Youssef', 'Léa', 'Hugo', 'Inès', 'Théo', 'Chloé', 'Malik', 'Zoé', 'Nathan'],
  last: ['Durand', 'Benali', 'Martin', 'Lefèvre', 'Moreau', 'Garnier', 'Roux', 'Diallo', 'Petit', 'Fontaine'],
};
const benchIpHash = strapi.plugin('contests').service('entries').hashIp('127.0.0.1');
let seeded = 0;

/**
 * Tops the contest up to `size` entries with batched inserts, spread over the last three days
 * (so the per-day chart has several days) and half of them from the bench's own address: the
 * worst case for the per-IP checks, as when one network floods a contest.
 */
async function fillContestTo(size) {
  const stored = await strapi.db.query(ENTRY).count({ where: { eventDocumentId: contest } });
  const now = Date.now();
  for (let offset = stored; offset < size; offset += 1000) {
    const batch = Math.min(1000, size - offset);
    await strapi.db.query(ENTRY).createMany({
      data: Array.from({ length: batch }, (_, i) => {
        const n = ++seeded;
        return {
          publicId: randomBytes(16).toString('hex'),
          eventDocumentId: contest,
          personKey: `email:seed${n}@example.fr`,
          slot: 1,
          name: `${NAMES.first[n % 10]} ${NAMES.last[Math.floor(n / 10) % 10]}-s${n.toString(36)}`,
          nameKey: `${NAMES.last[Math.floor(n / 10) % 10]} ${NAMES.first[n % 10]} s`.toLowerCase(),
          email: `seed${n}@example.fr`,
          consents: { rules: true },
          ipHash: n % 2 ? benchIpHash : randomBytes(32).toString('hex'),
          entryStatus: n % 2 ? 'review' : 'valid',
          signalTypes: n % 2 ? 'ip_volume' : null,
          createdAt: new Date(now - 3 * DAY + ((offset + i) / size) * 3 * DAY),
        };
      }),
    });
  }
  await refreshPlannerStatistics();
  return strapi.db.query(ENTRY).count({ where: { eventDocumentId: contest } });
}

/**
 * PostgreSQL plans from its statistics, which autovacuum (on by default) refreshes as a contest
 * fills over minutes and hours. A contest seeded with 100,000 rows in seconds has none (and the test
 * server runs with autovacuum off: /etc/postgresql/…/conf.d/90-ci.conf): the planner would guess 20
 * rows and sort the whole contest on every entry. So the bench does what autovacuum would have done,
 * after seeding and between phases (the empty contest grows by thousands of entries a round, which
 * autovacuum would notice after 50 + 10 %); SQLite keeps no statistics.
 */
async function refreshPlannerStatistics() {
  if (app.client !== 'postgres') return;
  await strapi.db.connection.raw(`VACUUM ANALYZE ${strapi.db.metadata.get(ENTRY).tableName}`);
}

/** The organiser's contest page (counts, per-day chart, signals): median of three reads. */
async function timeOverview() {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    await strapi.plugin('contests').service('overview').detail(contest);
    times.push(Date.now() - started);
  }
  return median(times);
}

const SIZES = (process.env.BENCH_SIZES || '0,10000,50000,100000').split(',').map(Number);
const results = [];
for (const size of SIZES) {
  const started = Date.now();
  const before = await fillContestTo(size);
  const seedSeconds = (Date.now() - started) / 1000;
  const { baseline, feature, ratio, cpu } = await compareWithBaseline({
    label: `Contest bench on ${app.client}, ${before} entries already in the contest (seeded in ${seedSeconds.toFixed(1)}s)`,
    baseUrl,
    rounds: ROUNDS,
    seconds: SECONDS,
    concurrency: CONCURRENCY,
    strapi,
    beforePhase: refreshPlannerStatistics,
    // Bodies are built in the load worker: each function is self-contained (no closures).
    baseline: {
      makeBody: (n, { first, last }) => ({
        data: {
          text: `${first[n % 10]} ${last[Math.floor(n / 10) % 10]}-${n.toString(36)} <p${n}@example.fr>`,
        },
      }),
      data: NAMES,
    },
    feature: {
      name: 'entries',
      url: `${baseUrl}/api/contests/${contest}/entries`,
      makeBody: (n, { first, last }) => ({
        data: {
          name: `${first[n % 10]} ${last[Math.floor(n / 10) % 10]}-${n.toString(36)}`,
          email: `p${n}@example.fr`,
          country: 'FR',
          birthDate: '1990-04-02',
          answers: { q1: 'oui' },
          consents: { rules: true, marketing: n % 3 === 0 },
        },
      }),
      data: NAMES,
    },
  });
  results.push({ size: before, baseline, entries: feature, ratio, cpu, overviewMs: await timeOverview() });
}

// --- the draw of 100,000 entries --------------------------------------------------------------
const drawContest = await createContest('Bench draw', {});
await strapi.plugin('contests').service('draw').commit(drawContest, 'system');
let started = Date.now();
for (let offset = 0; offset < DRAW_ENTRIES; offset += 1000) {
  const size = Math.min(1000, DRAW_ENTRIES - offset);
  await strapi.db.query(ENTRY).createMany({
    data: Array.from({ length: size }, (_, i) => ({
      publicId: randomBytes(16).toString('hex'),
      eventDocumentId: drawContest,
      // One person in ten enters twice (as if entriesPerPerson were 2): the draw must skip repeats.
      personKey: `email:p${(offset + i) % Math.ceil(DRAW_ENTRIES * 0.9)}@example.fr`,
      slot: offset + i < Math.ceil(DRAW_ENTRIES * 0.9) ? 1 : 2,
      consents: { rules: true },
      entryStatus: 'valid',
    })),
  });
}
const insertSeconds = (Date.now() - started) / 1000;
for (const event of await strapi.db
  .query('api::event.event')
  .findMany({ where: { documentId: drawContest }, populate: ['contest'] })) {
  await strapi.db
    .query('contest.settings')
    .update({ where: { id: event.contest.id }, data: { entryClosesAt: new Date(Date.now() - 1000) } });
}

started = Date.now();
await strapi.plugin('contests').service('draw').draw(drawContest, 'drand:quicknet:1', 'system');
const drawMs = Date.now() - started;
started = Date.now();
const response = await fetch(`${baseUrl}/api/contests/${drawContest}`);
const publicBody = await response.text();
const readMs = Date.now() - started;
const state = JSON.parse(publicBody).data;
started = Date.now();
const verification = verifyDraw(state);
const verifyMs = Date.now() - started;
if (verification.problems.length > 0)
  throw new Error(`verify-draw disagrees: ${verification.problems.join('; ')}`);

console.log('');
console.log(
  'entries already in | plain create | contest entry | ratio | CPU per request: plain, entry, ratio | contest page'
);
for (const r of results) {
  console.log(
    `${String(r.size).padStart(18)} | ${r.baseline.toFixed(0).padStart(8)} /s | ${r.entries.toFixed(0).padStart(9)} /s | ${r.ratio.toFixed(2).padStart(5)} | ${r.cpu.baseline.toFixed(2).padStart(12)} ms, ${r.cpu.feature.toFixed(2)} ms, ${(r.cpu.baseline / r.cpu.feature).toFixed(2)} | ${String(r.overviewMs).padStart(6)} ms`
  );
}
const [first, last] = [results[0], results[results.length - 1]];
console.log(
  `largest against smallest: entries ${(last.entries / first.entries).toFixed(2)}x, ratio ${(last.ratio / first.ratio).toFixed(2)}x (goal: ratio >= 0.9 everywhere, within 10 % of the smallest)`
);
console.log(
  `draw of ${state.entryIds.length} entries (${DRAW_ENTRIES} inserted in ${insertSeconds.toFixed(1)}s):`
);
console.log(`  admin draw, end to end:          ${drawMs} ms (target < 5000 ms)`);
console.log(`  public state read:               ${readMs} ms, ${(publicBody.length / 1e6).toFixed(1)} MB`);
console.log(`  independent re-check (verify-draw): ${verifyMs} ms, OK`);
console.log(`  winners: ${state.winners.length}, substitutes: ${state.substitutes.length}`);

await app.close();
process.exit(drawMs < 5000 ? 0 : 1);
