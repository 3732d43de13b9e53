#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in the order that fails fastest.
 *   1. build the plugins and compile the app (integration tests boot the built app)
 *   2. unit tests, with typecheck and lint beside them (Jest's unit run leaves the second core idle)
 *   3. integration tests on SQLite, then on PostgreSQL (every file), then on MariaDB (a throwaway server
 *      in memory, scripts/with-test-mariadb.sh) the files whose SQL is written by hand per dialect
 *      (MARIADB_FILES; PORTE_VOIX_MARIADB=all runs every file there too)
 *   4. browser tests (Chromium) against a production build of the admin
 * Each step's outcome is printed; the last line reads "N passed, N failed".
 * The integration steps end Jest when their tests are done (--forceExit): with Strapi loaded once per
 * process (tests/harness/integration-environment.js), a handle a destroyed app leaves open (seen once on
 * MariaDB) would otherwise keep the step waiting for ever.
 * Skip a step with e.g. PORTE_VOIX_SKIP=e2e,postgres,mysql (for quick local runs only).
 * The names and first lines of failed tests are repeated after the summary, so the tail of a CI log
 * says what failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const REPORTS = '.tmp/test-reports';
/** Jest writes its results as JSON beside its usual output; read back to name failed tests. */
const jestReport = (step) => `--json --outputFile=${path.join(REPORTS, `${step}.json`)}`;

const skip = new Set((process.env.PORTE_VOIX_SKIP || '').split(',').filter(Boolean));

/**
 * The integration files that run the SQL written by hand for each database (claims and leases, the
 * fair claim, rollups, rate windows, the draw, inbox and listening sources): MariaDB differs from PostgreSQL and
 * SQLite there. The rest goes through Strapi's query engine, which runs every file on the other two.
 */
const MARIADB_FILES = [
  'cross-post/(multi-instance|uncertain-sends|fairness|crash-recovery|clock-skew|token-refresh|network-scheduling)',
  'engagement/(collector|rollups|traffic-counting|reports|links)',
  'contests/(concurrency|entries|draw)',
  'moderation/(abuse|public-api|admin-api)',
  'inbox/',
  'listening/',
  'editorial/approval',
]
  .map((files) => `tests/integration/${files}`)
  .join('|');
const mariadbFiles = process.env.PORTE_VOIX_MARIADB === 'all' ? '' : `--testPathPattern '${MARIADB_FILES}'`;

const steps = [
  { name: 'build', cmd: 'npm run build:plugins --silent && npm run compile --silent' },
  {
    name: 'unit',
    cmd: `npx jest --selectProjects unit --ci ${jestReport('unit')}`,
    beside: [
      { name: 'typecheck', cmd: 'npm run typecheck --silent' },
      { name: 'lint', cmd: 'npm run lint --silent' },
    ],
  },
  {
    name: 'sqlite',
    cmd: `npx jest --selectProjects integration --runInBand --ci --forceExit ${jestReport('sqlite')}`,
    env: { DATABASE_CLIENT: 'sqlite' },
  },
  {
    name: 'postgres',
    cmd: `npx jest --selectProjects integration --runInBand --ci --forceExit ${jestReport('postgres')}`,
    env: { DATABASE_CLIENT: 'postgres' },
  },
  {
    name: 'mysql',
    cmd: `bash scripts/with-test-mariadb.sh npx jest --selectProjects integration --runInBand --ci --forceExit ${mariadbFiles} ${jestReport('mysql')}`,
  },
  { name: 'e2e', cmd: `npm run test:e2e --silent -- ${jestReport('e2e')}` },
];

/** "file › test name" and the first lines of its failure, for each failed test of a step. */
function failedTests(step) {
  const file = path.join(REPORTS, `${step}.json`);
  if (!existsSync(file)) return [];
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  const failures = [];
  for (const suite of report.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name);
    const failed = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    if (failed.length === 0 && suite.status === 'failed')
      failures.push({ where, name: '(the file failed to run)', message: suite.message ?? '' });
    for (const test of failed)
      failures.push({ where, name: test.fullName, message: (test.failureMessages ?? []).join('\n') });
  }
  return failures;
}

/** Jest's colours: the escape character, then `[…m`. */
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const firstLines = (text, count) =>
  text
    .replace(COLOUR, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(0, count);

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

/** A step run beside another: its output goes to a file, printed whole once it is done. */
function startBeside(step) {
  const log = path.join(REPORTS, `${step.name}.log`);
  const fd = openSync(log, 'w');
  const started = Date.now();
  console.log(`=== ${step.name} (beside): ${step.cmd}`);
  const child = spawn(step.cmd, { shell: true, stdio: ['ignore', fd, fd], env: process.env });
  closeSync(fd);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      const ok = code === 0;
      console.log(`\n=== ${step.name}: output`);
      process.stdout.write(readFileSync(log, 'utf8'));
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds}s`);
      resolve({ name: step.name, ok, seconds });
    });
  });
}

const results = [];
for (const step of steps) {
  if (skip.has(step.name)) {
    console.log(`\n=== ${step.name}: skipped (PORTE_VOIX_SKIP)`);
    continue;
  }
  const beside = (step.beside ?? []).filter((other) => !skip.has(other.name)).map(startBeside);
  console.log(`\n=== ${step.name}: ${step.cmd}`);
  const started = Date.now();
  const run = spawnSync(step.cmd, {
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = run.status === 0;
  results.push({ name: step.name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${results.at(-1).seconds}s`);
  results.push(...(await Promise.all(beside)));
  if (step.name === 'build' && !ok) break;
}

const failures = results
  .filter((result) => !result.ok)
  .flatMap((result) => failedTests(result.name).map((failure) => ({ step: result.name, ...failure })));
if (failures.length > 0) console.log(`\nFailed tests (${failures.length}):`);
for (const failure of failures.slice(0, 10)) {
  console.log(`[${failure.step}] ${failure.where} › ${failure.name}`);
  for (const line of firstLines(failure.message, 6)) console.log(`    ${line}`);
}
if (failures.length > 10) console.log(`… and ${failures.length - 10} more`);

console.log('\nSummary:');
for (const { name, ok, seconds } of results)
  console.log(`  ${ok ? 'ok    ' : 'FAILED'} ${name} (${seconds}s)`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
