#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in the order that fails fastest.
 *   1. build the plugins and compile the app (integration tests boot the built app)
 *   2. unit tests, with typecheck and lint beside them (Jest's unit run leaves the second core idle)
 *   3. integration tests on SQLite, then on PostgreSQL (every file), then on MariaDB (a throwaway server
 *      in memory, scripts/with-test-mariadb.sh) the files whose SQL is written by hand per dialect
 *      (MARIADB_FILES; PORTE_VOIX_MARIADB=all runs every file there too). Two files at a time (two Jest
 *      workers, PORTE_VOIX_TEST_WORKERS to change it): a file keeps one core about half busy, waiting on
 *      its database, its fakes and its timers, so two share the machine's two cores (SQLite: 689 s → 301 s).
 *   4. browser tests (Chromium) against a production build of the admin
 * Each step's outcome is printed; the last line reads "N passed, N failed".
 * The integration steps end Jest when their tests are done (--forceExit): with Strapi loaded once per
 * process (tests/harness/strapi-environment.js), a handle a destroyed app leaves open (seen once on
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

const workers = `--maxWorkers=${Number(process.env.PORTE_VOIX_TEST_WORKERS) || 2}`;

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
    cmd: `npx jest --selectProjects integration ${workers} --ci --forceExit ${jestReport('sqlite')}`,
    env: { DATABASE_CLIENT: 'sqlite' },
  },
  {
    name: 'postgres',
    cmd: `npx jest --selectProjects integration ${workers} --ci --forceExit ${jestReport('postgres')}`,
    env: { DATABASE_CLIENT: 'postgres' },
  },
  {
    name: 'mysql',
    cmd: `bash scripts/with-test-mariadb.sh npx jest --selectProjects integration ${workers} --ci --forceExit ${mariadbFiles} ${jestReport('mysql')}`,
  },
  { name: 'e2e', cmd: `npm run test:e2e --silent -- ${jestReport('e2e')}` },
];

/**
 * What a step's report says of its tests: each failed test ("file › test name" and its failure), and each
 * test that failed once and passed on its retry (jest-setup.ts retries once), with the first failure: a
 * flaky test is a finding too, and a test that failed twice says here why it failed the first time.
 */
function reportedTests(step) {
  const file = path.join(REPORTS, `${step}.json`);
  if (!existsSync(file)) return { failures: [], retried: [] };
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { failures: [], retried: [] };
  }
  const failures = [];
  const retried = [];
  for (const suite of report.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name);
    const tests = suite.assertionResults ?? [];
    const failed = tests.filter((test) => test.status === 'failed');
    if (failed.length === 0 && suite.status === 'failed')
      failures.push({ where, name: '(the file failed to run)', message: suite.message ?? '' });
    for (const test of tests) {
      const firstTry = (test.retryReasons ?? []).join('\n');
      if (test.status === 'failed')
        failures.push({
          where,
          name: test.fullName,
          message: (test.failureMessages ?? []).join('\n'),
          firstTry,
        });
      else if (firstTry) retried.push({ where, name: test.fullName, message: firstTry });
    }
  }
  return { failures, retried };
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

const reports = results.map((result) => ({ step: result.name, ...reportedTests(result.name) }));
const failures = reports.flatMap(({ step, failures }) => failures.map((failure) => ({ step, ...failure })));
const retried = reports.flatMap(({ step, retried }) => retried.map((test) => ({ step, ...test })));
if (retried.length > 0) console.log(`\nPassed on their retry, failed first (${retried.length}):`);
for (const test of retried.slice(0, 10)) {
  console.log(`[${test.step}] ${test.where} › ${test.name}`);
  for (const line of firstLines(test.message, 4)) console.log(`    ${line}`);
}
if (failures.length > 0) console.log(`\nFailed tests (${failures.length}):`);
for (const failure of failures.slice(0, 10)) {
  console.log(`[${failure.step}] ${failure.where} › ${failure.name}`);
  for (const line of firstLines(failure.message, 6)) console.log(`    ${line}`);
  if (failure.firstTry) {
    console.log('    first try:');
    for (const line of firstLines(failure.firstTry, 6)) console.log(`    ${line}`);
  }
}
if (failures.length > 10) console.log(`… and ${failures.length - 10} more`);

console.log('\nSummary:');
for (const { name, ok, seconds } of results)
  console.log(`  ${ok ? 'ok    ' : 'FAILED'} ${name} (${seconds}s)`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
