#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in the order that fails fastest.
 *   1. build the plugins and compile the app (integration tests boot the built app)
 *   2. unit tests
 *   3. integration tests on SQLite, then on PostgreSQL, then on MariaDB (a throwaway server in memory,
 *      scripts/with-test-mariadb.sh)
 *   4. browser tests (Chromium) against a production build of the admin
 *   5. typecheck and lint
 * Each step's outcome is printed; the last line reads "N passed, N failed".
 * Skip a step with e.g. PORTE_VOIX_SKIP=e2e,postgres,mysql (for quick local runs only).
 */
import { spawnSync } from 'node:child_process';

const skip = new Set((process.env.PORTE_VOIX_SKIP || '').split(',').filter(Boolean));

const steps = [
  { name: 'build', cmd: 'npm run build:plugins --silent && npm run compile --silent' },
  { name: 'unit', cmd: 'npx jest --selectProjects unit --ci' },
  {
    name: 'sqlite',
    cmd: 'npx jest --selectProjects integration --runInBand --ci',
    env: { DATABASE_CLIENT: 'sqlite' },
  },
  {
    name: 'postgres',
    cmd: 'npx jest --selectProjects integration --runInBand --ci',
    env: { DATABASE_CLIENT: 'postgres' },
  },
  {
    name: 'mysql',
    cmd: 'bash scripts/with-test-mariadb.sh npx jest --selectProjects integration --runInBand --ci',
  },
  { name: 'e2e', cmd: 'npm run test:e2e --silent' },
  { name: 'typecheck', cmd: 'npm run typecheck --silent' },
  { name: 'lint', cmd: 'npm run lint --silent' },
];

const results = [];
for (const step of steps) {
  if (skip.has(step.name)) {
    console.log(`\n=== ${step.name}: skipped (PORTE_VOIX_SKIP)`);
    continue;
  }
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
  if (step.name === 'build' && !ok) break;
}

console.log('\nSummary:');
for (const { name, ok, seconds } of results)
  console.log(`  ${ok ? 'ok    ' : 'FAILED'} ${name} (${seconds}s)`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
