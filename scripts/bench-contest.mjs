#!/usr/bin/env node
/**
 * `npm run bench:contest`: what the contests plugin costs.
 *
 *  1. entries over HTTP through the whole path (validation, event look-up, eligibility, person
 *     key, fraud evidence queries, slot insert under the unique indexes), each from a new person;
 *  2. a plain Strapi `create` (core controller + Document Service) over HTTP on a minimal content
 *     type registered by this script only (`api::bench-entry.bench-entry`, one text field);
 *     both HTTP phases in the same process and database, interleaved (A B A B);
 *  3. the draw of 100,000 entries: the whole admin draw (freeze from the database, rank, store,
 *     reveal), the public state read, and verify-draw's independent recomputation of it.
 *
 * Needs the built app and plugins (`npm run build:plugins && npm run compile`).
 * Options (environment): BENCH_SECONDS per phase (default 4), BENCH_CONCURRENCY (default 8),
 * BENCH_DRAW_ENTRIES (default 100000), DATABASE_CLIENT=postgres (a fresh database, dropped after).
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';

import { verifyDraw } from './verify-draw.mjs';

const require = createRequire(import.meta.url);
const APP_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SECONDS = Number(process.env.BENCH_SECONDS || 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
const DRAW_ENTRIES = Number(process.env.BENCH_DRAW_ENTRIES || 100_000);
const ROUNDS = 2;
const DAY = 24 * 3600 * 1000;

// --- a database of its own ------------------------------------------------------------------
const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
let dropDatabase = async () => {};
Object.assign(process.env, {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  PORTE_VOIX_SEED_DEMO: 'false',
  PORTE_VOIX_DEV_ADMIN: 'false',
  STRAPI_LOG_LEVEL: 'error',
  STRAPI_TELEMETRY_DISABLED: 'true',
  // All the load comes from one address: no rate limit, and no sweeps during the run.
  CONTESTS_RATE_LIMIT_MAX: '100000000',
  CONTESTS_SWEEP_INTERVAL_MINUTES: '0',
});
if (client === 'postgres') {
  const { Client } = require('pg');
  const name = `porte_voix_bench_contest_${process.pid}`;
  const run = async (sql) => {
    const pg = new Client({
      host: process.env.DATABASE_HOST || '127.0.0.1',
      port: Number(process.env.DATABASE_PORT || 5432),
      user: process.env.DATABASE_USERNAME || 'postgres',
      database: 'postgres',
    });
    await pg.connect();
    try {
      await pg.query(sql);
    } finally {
      await pg.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  dropDatabase = () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name });
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'porte-voix-bench-'));
  dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db') });
}

// --- boot, with a minimal content type for the baseline ---------------------------------------
const { createStrapi, factories } = require('@strapi/strapi');
const strapi = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') });
await strapi.register();
strapi.get('apis').add('bench-entry', {
  contentTypes: {
    'bench-entry': {
      schema: {
        kind: 'collectionType',
        collectionName: 'bench_entries',
        info: { singularName: 'bench-entry', pluralName: 'bench-entries', displayName: 'Bench entry' },
        options: { draftAndPublish: false },
        attributes: { text: { type: 'text' } },
      },
    },
  },
  controllers: { 'bench-entry': factories.createCoreController('api::bench-entry.bench-entry') },
  services: { 'bench-entry': factories.createCoreService('api::bench-entry.bench-entry') },
  routes: {
    'bench-entry': {
      type: 'content-api',
      routes: [
        { method: 'POST', path: '/bench-entries', handler: 'bench-entry.create', config: { auth: false } },
      ],
    },
  },
});
await strapi.bootstrap();
strapi.log.level = 'error';
strapi.plugin('email').service('email').send = async () => undefined;
await strapi.server.mount();
await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;

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
        ...contest,
      },
    },
  });
  await strapi.documents('api::event.event').publish({ documentId: event.documentId, locale: 'fr' });
  return event.documentId;
}
const contest = await createContest('Bench HTTP', {});

// --- load from a worker thread ----------------------------------------------------------------
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { baseUrl, concurrency, seconds, kind, contest, seed } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const FIRST = ['Camille', 'Youssef', 'Léa', 'Hugo', 'Inès', 'Théo', 'Chloé', 'Malik', 'Zoé', 'Nathan'];
const LAST = ['Durand', 'Benali', 'Martin', 'Lefèvre', 'Moreau', 'Garnier', 'Roux', 'Diallo', 'Petit', 'Fontaine'];
let n = seed * 1000000;
const body = () => {
  n++;
  const name = FIRST[n % 10] + ' ' + LAST[Math.floor(n / 10) % 10] + '-' + n.toString(36);
  if (kind === 'baseline') return JSON.stringify({ data: { text: name + ' <p' + n + '@example.fr>' } });
  return JSON.stringify({ data: {
    name, email: 'p' + n + '@example.fr', country: 'FR', birthDate: '1990-04-02',
    answers: { q1: 'oui' }, consents: { rules: true, marketing: n % 3 === 0 },
  } });
};
const path = kind === 'baseline' ? '/api/bench-entries' : '/api/contests/' + contest + '/entries';
const send = () => new Promise((resolve) => {
  const payload = body();
  const req = http.request(baseUrl + path, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', () => resolve(0));
  req.end(payload);
});
(async () => {
  const deadline = Date.now() + seconds * 1000;
  let ok = 0, failed = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < deadline) {
      const status = await send();
      if (status === 200 || status === 201) ok++; else failed++;
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  parentPort.postMessage({ ok, failed, elapsed });
})();
`;

let seed = 0;
const phase = (kind, seconds = SECONDS) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { baseUrl, concurrency: CONCURRENCY, seconds, kind, contest, seed: ++seed },
    });
    worker.once('message', (result) => resolve({ ...result, rate: result.ok / result.elapsed }));
    worker.once('error', reject);
  });

console.log(
  `Contest bench on ${client}: ${ROUNDS} rounds of ${SECONDS}s per phase, ${CONCURRENCY} concurrent keep-alive clients`
);
await phase('baseline', 1);
await phase('entries', 1);
const results = { baseline: [], entries: [] };
for (let round = 1; round <= ROUNDS; round++) {
  for (const kind of ['baseline', 'entries']) {
    const result = await phase(kind);
    if (result.failed > 0) console.warn(`  ${kind}: ${result.failed} requests failed`);
    results[kind].push(result.rate);
    console.log(
      `  round ${round} ${kind.padEnd(8)} ${result.rate.toFixed(0)} requests/s (${result.ok} in ${result.elapsed.toFixed(1)}s)`
    );
  }
}
const baseline = Math.max(...results.baseline);
const entries = Math.max(...results.entries);

// --- the draw of 100,000 entries --------------------------------------------------------------
const drawContest = await createContest('Bench draw', {});
await strapi.plugin('contests').service('draw').commit(drawContest, 'system');
let started = Date.now();
const ENTRY = 'plugin::contests.contest-entry';
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
console.log(`plain Strapi create (HTTP):        ${baseline.toFixed(0)} requests/s`);
console.log(`contest entry (HTTP, full checks): ${entries.toFixed(0)} entries/s`);
console.log(`ratio entries / plain create:      ${(entries / baseline).toFixed(2)}`);
console.log(
  `draw of ${state.entryIds.length} entries (${DRAW_ENTRIES} inserted in ${insertSeconds.toFixed(1)}s):`
);
console.log(`  admin draw, end to end:          ${drawMs} ms (target < 5000 ms)`);
console.log(`  public state read:               ${readMs} ms, ${(publicBody.length / 1e6).toFixed(1)} MB`);
console.log(`  independent re-check (verify-draw): ${verifyMs} ms, OK`);
console.log(`  winners: ${state.winners.length}, substitutes: ${state.substitutes.length}`);

await new Promise((resolve) => strapi.server.httpServer.close(resolve));
await strapi.destroy();
await dropDatabase();
process.exit(drawMs < 5000 ? 0 : 1);
