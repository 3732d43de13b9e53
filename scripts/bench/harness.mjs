/**
 * What the HTTP benchmarks share: a database of their own, the built app booted in-process with a
 * minimal baseline content type (a plain Strapi `create`, for the ratio every bench reports), load
 * from a worker thread with keep-alive connections, and interleaved rounds summarised by medians.
 * Needs the built app and plugins (`npm run build:plugins && npm run compile`).
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const APP_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export const BASELINE_PATH = '/api/bench-baselines';

async function createDatabase(name) {
  const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
  if (client === 'postgres') {
    const { Client } = require('pg');
    const database = `porte_voix_bench_${name}_${process.pid}`;
    const run = async (sql) => {
      const pg = new Client({
        host: process.env.DATABASE_HOST || '127.0.0.1',
        port: Number(process.env.DATABASE_PORT || 5432),
        user: process.env.DATABASE_USERNAME || 'postgres',
        password: process.env.DATABASE_PASSWORD || '',
        database: 'postgres',
      });
      await pg.connect();
      try {
        await pg.query(sql);
      } finally {
        await pg.end();
      }
    };
    await run(`CREATE DATABASE ${database}`);
    return {
      client,
      env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: database },
      drop: () => run(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'porte-voix-bench-'));
  return {
    client,
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Boots the app as the integration tests do, plus `POST /api/bench-baselines` (one text field, no auth). */
export async function bootBenchApp(name, extraEnv = {}) {
  const database = await createDatabase(name);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    PORTE_VOIX_SEED_DEMO: 'false',
    PORTE_VOIX_DEV_ADMIN: 'false',
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...database.env,
    ...extraEnv,
  });

  const { createStrapi, factories } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') });
  await strapi.register();
  const uid = 'api::bench-baseline.bench-baseline';
  strapi.get('apis').add('bench-baseline', {
    contentTypes: {
      'bench-baseline': {
        schema: {
          kind: 'collectionType',
          collectionName: 'bench_baselines',
          info: {
            singularName: 'bench-baseline',
            pluralName: 'bench-baselines',
            displayName: 'Bench baseline',
          },
          options: { draftAndPublish: false },
          attributes: { text: { type: 'text' } },
        },
      },
    },
    controllers: { 'bench-baseline': factories.createCoreController(uid) },
    services: { 'bench-baseline': factories.createCoreService(uid) },
    routes: {
      'bench-baseline': {
        type: 'content-api',
        routes: [
          {
            method: 'POST',
            path: '/bench-baselines',
            handler: 'bench-baseline.create',
            config: { auth: false },
          },
        ],
      },
    },
  });
  await strapi.bootstrap();
  strapi.log.level = 'error';
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));

  return {
    strapi,
    client: database.client,
    baseUrl: `http://127.0.0.1:${strapi.server.httpServer.address().port}`,
    async close() {
      await new Promise((resolve) => strapi.server.httpServer.close(resolve));
      await strapi.destroy();
      await database.drop();
    },
  };
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, concurrency, seconds, makeBody, data, seed } = workerData;
const bodyOf = eval('(' + makeBody + ')');
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
let n = seed * 1000000;
const send = () => new Promise((resolve) => {
  const payload = JSON.stringify(bodyOf(++n, data));
  const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
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

/**
 * POSTs to `url` for `seconds` from a worker thread, `concurrency` requests in flight. `makeBody` is a
 * self-contained function `(n, data) => object` (it runs in the worker: no closures), n unique per request.
 */
export function loadPhase({ url, makeBody, data = {}, seconds, concurrency }) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { url, concurrency, seconds, makeBody: makeBody.toString(), data, seed: ++seed },
    });
    worker.once('message', (result) => resolve({ ...result, rate: result.ok / result.elapsed }));
    worker.once('error', reject);
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The feature against the plain create, in alternated rounds (A B, then B A) after a warm-up, so
 * that drift and other work on the machine hit both alike. Returns the medians of each side and of
 * the rounds' ratios (feature / baseline).
 */
export async function compareWithBaseline({
  baseUrl,
  feature,
  baseline,
  rounds,
  seconds,
  concurrency,
  label,
}) {
  console.log(
    `${label}: ${rounds} rounds of ${seconds}s per phase, ${concurrency} concurrent keep-alive clients, load average ${os
      .loadavg()[0]
      .toFixed(1)}`
  );
  const phases = {
    baseline: { url: `${baseUrl}${BASELINE_PATH}`, ...baseline },
    [feature.name]: feature,
  };
  for (const phase of Object.values(phases)) await loadPhase({ ...phase, seconds: 1, concurrency });

  const rates = { baseline: [], [feature.name]: [] };
  const ratios = [];
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? ['baseline', feature.name] : [feature.name, 'baseline'];
    const roundRates = {};
    for (const name of order) {
      const result = await loadPhase({ ...phases[name], seconds, concurrency });
      if (result.failed > 0) console.warn(`  ${name}: ${result.failed} requests failed`);
      roundRates[name] = result.rate;
      rates[name].push(result.rate);
      console.log(
        `  round ${round} ${name.padEnd(10)} ${result.rate.toFixed(0)} requests/s (${result.ok} in ${result.elapsed.toFixed(1)}s)`
      );
    }
    ratios.push(roundRates[feature.name] / roundRates.baseline);
  }
  return { baseline: median(rates.baseline), feature: median(rates[feature.name]), ratio: median(ratios) };
}
