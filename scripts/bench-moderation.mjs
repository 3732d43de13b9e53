#!/usr/bin/env node
/**
 * `npm run bench:moderation`: what the moderation pipeline costs.
 *
 *  1. comment submissions over HTTP through the full pipeline (validation, target look-up, rate
 *     limits, author record, duplicates, sanctions, rules, insert + audit entry);
 *  2. a plain Strapi `create` (core controller + Document Service) over HTTP on a minimal content
 *     type registered by this script only (`api::bench-item.bench-item`, one text field);
 *  3. the rules engine alone, in comments per second on one core.
 *
 * Both HTTP phases run in the same process against the same database, interleaved (A B A B) so
 * that drift hits both; the load comes from a worker thread with keep-alive connections.
 * Needs the built app and plugins (`npm run build:plugins && npm run compile`).
 *
 * Options (environment): BENCH_SECONDS per phase (default 3), BENCH_ROUNDS (default 4),
 * BENCH_CONCURRENCY (default 8),
 * DATABASE_CLIENT=postgres to run on PostgreSQL (a fresh database, dropped at the end).
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const APP_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SECONDS = Number(process.env.BENCH_SECONDS || 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
// Short phases, alternated; the ratio is the median of each round's neighbouring phases, so that other
// work on the machine hits both alike.
const ROUNDS = Number(process.env.BENCH_ROUNDS || 4);

// --- a database of its own ------------------------------------------------------------------
const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
let dropDatabase = async () => {};
const env = {
  // As the integration tests boot it: development secrets, no admin bundle needed.
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  PORTE_VOIX_SEED_DEMO: 'false',
  PORTE_VOIX_DEV_ADMIN: 'false',
  STRAPI_LOG_LEVEL: 'error',
  STRAPI_TELEMETRY_DISABLED: 'true',
};
if (client === 'postgres') {
  const { Client } = require('pg');
  const admin = {
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    database: 'postgres',
  };
  const name = `porte_voix_bench_${process.pid}`;
  const run = async (sql) => {
    const pg = new Client(admin);
    await pg.connect();
    try {
      await pg.query(sql);
    } finally {
      await pg.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  dropDatabase = () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  Object.assign(env, { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name });
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'porte-voix-bench-'));
  dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
  Object.assign(env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db') });
}
Object.assign(process.env, env);

// --- boot, with a minimal content type for the baseline ---------------------------------------
const { createStrapi, factories } = require('@strapi/strapi');
const strapi = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') });
await strapi.register();
strapi.get('apis').add('bench-item', {
  contentTypes: {
    'bench-item': {
      schema: {
        kind: 'collectionType',
        collectionName: 'bench_items',
        info: { singularName: 'bench-item', pluralName: 'bench-items', displayName: 'Bench item' },
        options: { draftAndPublish: false },
        attributes: { text: { type: 'text' } },
      },
    },
  },
  controllers: { 'bench-item': factories.createCoreController('api::bench-item.bench-item') },
  services: { 'bench-item': factories.createCoreService('api::bench-item.bench-item') },
  routes: {
    'bench-item': {
      type: 'content-api',
      routes: [
        { method: 'POST', path: '/bench-items', handler: 'bench-item.create', config: { auth: false } },
      ],
    },
  },
});
await strapi.bootstrap();
strapi.log.level = 'error';
await strapi.server.mount();
await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;

// The pipeline as a busy site runs it: every rule on, first comments of new authors held; only the
// rate limits are off, since all the load comes from one address.
await strapi
  .plugin('moderation')
  .service('settings')
  .update({
    newAuthorPremoderation: true,
    rateLimits: { perIpPerMinute: 0, perAuthorPerMinute: 0 },
    notifications: { webhookUrl: '', emails: [] },
  });
const post = await strapi.documents('api::post.post').create({
  data: { title: 'Bench', body: 'Un article pour le banc de mesure.', editorialStatus: 'approved' },
  locale: 'fr',
});
await strapi.documents('api::post.post').publish({ documentId: post.documentId, locale: 'fr' });

// --- load from a worker thread ----------------------------------------------------------------
const TEXTS = [
  "Super article, merci ! J'ai hâte de participer au prochain meetup à Lyon.",
  'Great post, thanks for sharing. The event last week was amazing and I learned a lot.',
  "Je ne suis pas d'accord avec le conseil municipal sur ce concours, mais la classe quand même.",
  'Franchement vous êtes des c0nn4rds, allez voir www.example.com pour la vérité',
  'LOL this is the best thing ever!!! check https://bit.ly/xyz for free stuff',
  'Quel crétin cet arbitre, mais bravo aux joueurs pour le match de dimanche.',
];

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { baseUrl, concurrency, seconds, kind, texts, postId, seed } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
let n = seed * 1000000;
const body = () => {
  n++;
  const word = n.toString(36);
  if (kind === 'baseline') return JSON.stringify({ data: { text: texts[n % texts.length] + ' ' + word } });
  return JSON.stringify({ data: {
    target: { type: 'post', documentId: postId },
    authorName: 'Lecteur ' + (n % 200),
    authorEmail: 'reader' + (n % 200) + '@example.org',
    content: texts[n % texts.length] + ' (' + word + ')',
    locale: n % 2 ? 'fr' : 'en',
  } });
};
const path = kind === 'baseline' ? '/api/bench-items' : '/api/moderation/comments';
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
      workerData: {
        baseUrl,
        concurrency: CONCURRENCY,
        seconds,
        kind,
        texts: TEXTS,
        postId: post.documentId,
        seed: ++seed,
      },
    });
    worker.once('message', (result) => resolve({ ...result, rate: result.ok / result.elapsed }));
    worker.once('error', reject);
  });

console.log(
  `Moderation bench on ${client}: ${ROUNDS} rounds of ${SECONDS}s per phase, ${CONCURRENCY} concurrent keep-alive clients, load average ${os.loadavg()[0].toFixed(1)}`
);
await phase('baseline', 1);
await phase('moderation', 1);
const results = { baseline: [], moderation: [], ratios: [] };
for (let round = 1; round <= ROUNDS; round++) {
  // A B, then B A: neither phase always runs first; each round gives one ratio of neighbours.
  const order = round % 2 ? ['baseline', 'moderation'] : ['moderation', 'baseline'];
  const rates = {};
  for (const kind of order) {
    const result = await phase(kind);
    if (result.failed > 0) console.warn(`  ${kind}: ${result.failed} requests failed`);
    rates[kind] = result.rate;
    results[kind].push(result.rate);
    console.log(
      `  round ${round} ${kind.padEnd(10)} ${result.rate.toFixed(0)} requests/s (${result.ok} in ${result.elapsed.toFixed(1)}s)`
    );
  }
  results.ratios.push(rates.moderation / rates.baseline);
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const baseline = median(results.baseline);
const moderation = median(results.moderation);
const ratio = median(results.ratios);

// --- the rules engine alone, on this thread ------------------------------------------------------
const engine = await strapi.plugin('moderation').service('settings').engine();
const context = {
  now: new Date(),
  sanction: null,
  author: { approved: 0, recent: 0, recentRejected: 0 },
  duplicates: { sameAuthor: 0, anyone: 0 },
  premoderated: null,
};
let evaluated = 0;
const engineStart = process.hrtime.bigint();
const engineDeadline = Date.now() + 2000;
while (Date.now() < engineDeadline) {
  for (let i = 0; i < 1000; i++, evaluated++) {
    engine.evaluate(
      {
        content: `${TEXTS[evaluated % TEXTS.length]} ${evaluated}`,
        authorName: 'Lecteur',
        locale: evaluated % 2 ? 'fr' : 'en',
      },
      context
    );
  }
}
const engineRate = evaluated / (Number(process.hrtime.bigint() - engineStart) / 1e9);

const counts = await strapi.plugin('moderation').service('admin').counts({});
console.log('');
console.log(`plain Strapi create (HTTP):          ${baseline.toFixed(0)} requests/s (median of ${ROUNDS})`);
console.log(`comment through the pipeline (HTTP): ${moderation.toFixed(0)} requests/s (median of ${ROUNDS})`);
console.log(
  `ratio pipeline / plain create:       ${ratio.toFixed(2)} (median of the rounds' ratios; target >= 0.8)`
);
console.log(
  `rules engine alone:                  ${engineRate.toFixed(0)} comments/s on one core (target >= 20000)`
);
console.log(`stored: ${counts.approved} approved, ${counts.pending} pending, ${counts.rejected} rejected`);

await new Promise((resolve) => strapi.server.httpServer.close(resolve));
await strapi.destroy();
await dropDatabase();
process.exit(0);
