#!/usr/bin/env node
/**
 * `npm run bench:engagement [-- <parts>]` (or BENCH_PART=<parts>), comma-separated, default storage,reports:
 *
 *   storage  the collector's claim and one post's series on 20k deliveries and 1M snapshots, with their
 *            query plans (tests/bench/engagement.bench.ts);
 *   reports  the homepage summary (six running campaigns paced), a campaign report and a 30-day
 *            overview on the same deliveries with their daily and campaign rollups, and the plan of every
 *            query each of them runs (same file);
 *   links    `/l/<code>` throughput against a plain Strapi route answering 302, side by side in one
 *            run (tests/bench/links.bench.ts, on the HTTP machinery of scripts/bench/harness.mjs).
 *
 * Builds nothing: boots the built app (run `npm run build:plugins && npm run compile` first);
 * DATABASE_CLIENT=postgres for PostgreSQL.
 */
import { createRequire } from 'node:module';

import * as harness from './bench/harness.mjs';

const require = createRequire(import.meta.url);
require('./fakes-ts-register.cjs');

const parts = (process.argv[2] || process.env.BENCH_PART || 'storage,reports')
  .split(',')
  .map((part) => part.trim());
if (parts.includes('links')) await require('../tests/bench/links.bench.ts').run(harness);
const others = parts.filter((part) => part !== 'links');
if (others.length > 0) {
  // It runs on load, reading its parts from BENCH_PART.
  process.env.BENCH_PART = others.join(',');
  require('../tests/bench/engagement.bench.ts');
} else {
  process.exit(0);
}
