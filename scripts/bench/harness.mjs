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
const { url, method, concurrency, seconds, makeBody, makeHeaders, makeUrl, okStatuses, data, seed } = workerData;
const bodyOf = makeBody ? eval('(' + makeBody + ')') : null;
const headersOf = makeHeaders ? eval('(' + makeHeaders + ')') : () => ({});
const urlOf = makeUrl ? eval('(' + makeUrl + ')') : () => url;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
let n = seed * 1000000;
const send = () => new Promise((resolve) => {
  const count = ++n;
  const payload = bodyOf ? JSON.stringify(bodyOf(count, data)) : null;
  const headers = { ...headersOf(count, data), ...(payload !== null && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) };
  const req = http.request(urlOf(count, data), { method, agent, headers }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', () => resolve(0));
  req.end(payload ?? undefined);
});
(async () => {
  const deadline = Date.now() + seconds * 1000;
  let ok = 0, failed = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < deadline) {
      const status = await send();
      if (okStatuses.includes(status)) ok++; else failed++;
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  parentPort.postMessage({ ok, failed, elapsed });
})();
`;

let seed = 0;

/**
 * Sends requests to `url` for `seconds` from a worker thread, `concurrency` requests in flight: POSTs
 * with a JSON body from `makeBody`, or another method (GET) without one. `makeBody`, `makeHeaders` and
 * `makeUrl` (a URL per request instead of `url`) are self-contained functions `(n, data) => value`
 * (they run in the worker: no closures), n unique per request. A request counts as done when its
 * status is one of `okStatuses`.
 */
export function loadPhase({
  url,
  method = 'POST',
  makeBody,
  makeHeaders,
  makeUrl,
  okStatuses = [200, 201],
  data = {},
  seconds,
  concurrency,
}) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        url,
        method,
        concurrency,
        seconds,
        makeBody: makeBody ? makeBody.toString() : null,
        makeHeaders: makeHeaders ? makeHeaders.toString() : null,
        makeUrl: makeUrl ? makeUrl.toString() : null,
        okStatuses,
        data,
        seed: ++seed,
      },
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
 * The feature against the plain create (or another `baseline.url`), in alternated rounds (A B, then B A) after a warm-up, so
 * that drift and other work on the machine hit both alike. Returns the medians of each side and of
 * the rounds' ratios (feature / baseline), the CPU each side spent per request, and how many
 * requests of each side were answered.
 */
export async function compareWithBaseline({
  baseUrl,
  feature,
  baseline,
  rounds,
  seconds,
  concurrency,
  label,
  strapi,
  beforePhase,
}) {
  // With the app passed in: how many SQL statements each side runs per request (what a request costs).
  let statements = 0;
  let phaseName = '';
  const shapes = new Map();
  const countStatement = (query) => {
    statements++;
    // BENCH_SQL_STATS=1: which statements the feature runs (numbers folded), to see what a request costs.
    if (process.env.BENCH_SQL_STATS && phaseName !== 'baseline') {
      const shape = String(query.sql)
        .replace(/\s+/g, ' ')
        .replace(/\b\d+\b/g, 'N')
        .slice(0, 150);
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
  };
  strapi?.db.connection.on('query', countStatement);
  const perRequest = { baseline: [], [feature.name]: [] };
  // CPU of this process (server and load worker alike) per answered request: unlike a rate, it
  // barely moves when other work shares the machine.
  const cpuPerRequest = { baseline: [], [feature.name]: [] };
  console.log(
    `${label}: ${rounds} rounds of ${seconds}s per phase, ${concurrency} concurrent keep-alive clients, load average ${os
      .loadavg()[0]
      .toFixed(1)}`
  );
  const phases = {
    baseline: { url: `${baseUrl}${BASELINE_PATH}`, ...baseline },
    [feature.name]: feature,
  };
  const answered = { baseline: 0, [feature.name]: 0 };
  for (const [name, phase] of Object.entries(phases)) {
    answered[name] += (await loadPhase({ ...phase, seconds: 1, concurrency })).ok;
  }

  const rates = { baseline: [], [feature.name]: [] };
  const ratios = [];
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? ['baseline', feature.name] : [feature.name, 'baseline'];
    const roundRates = {};
    for (const name of order) {
      // Untimed upkeep between phases (the contest bench refreshes PostgreSQL's statistics there).
      if (beforePhase) await beforePhase();
      statements = 0;
      phaseName = name;
      const cpuBefore = process.cpuUsage();
      const result = await loadPhase({ ...phases[name], seconds, concurrency });
      const cpu = process.cpuUsage(cpuBefore);
      if (result.ok > 0) {
        perRequest[name].push(statements / result.ok);
        cpuPerRequest[name].push((cpu.user + cpu.system) / 1000 / result.ok);
      }
      if (result.failed > 0) console.warn(`  ${name}: ${result.failed} requests failed`);
      roundRates[name] = result.rate;
      answered[name] += result.ok;
      rates[name].push(result.rate);
      console.log(
        `  round ${round} ${name.padEnd(10)} ${result.rate.toFixed(0)} requests/s (${result.ok} in ${result.elapsed.toFixed(1)}s)`
      );
    }
    ratios.push(roundRates[feature.name] / roundRates.baseline);
  }
  const cpu = { baseline: median(cpuPerRequest.baseline), feature: median(cpuPerRequest[feature.name]) };
  console.log(
    `  CPU per request: baseline ${cpu.baseline.toFixed(2)} ms, ${feature.name} ${cpu.feature.toFixed(2)} ms (ratio ${(cpu.baseline / cpu.feature).toFixed(2)})`
  );
  if (strapi) {
    strapi.db.connection.off('query', countStatement);
    console.log(
      `  SQL statements per request: baseline ${median(perRequest.baseline).toFixed(1)}, ${feature.name} ${median(perRequest[feature.name]).toFixed(1)}`
    );
    const requests = answered[feature.name] || 1;
    for (const [shape, count] of [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`    ${(count / requests).toFixed(2).padStart(5)} × ${shape}`);
  }
  return {
    baseline: median(rates.baseline),
    feature: median(rates[feature.name]),
    ratio: median(ratios),
    // Milliseconds of CPU per request on each side (medians of the rounds).
    cpu,
    // Requests answered as expected, warm-up included: what the feature should have stored.
    answered,
  };
}
