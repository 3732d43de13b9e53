#!/usr/bin/env node
/**
 * Browser tests: build the admin bundle when it is missing or stale, then run the e2e Jest project.
 * Extra arguments are passed to Jest (e.g. a test file).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const BUILD_MARKER = 'dist/build/index.html';

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['src/admin', ...readdirSync('plugins').map((plugin) => `plugins/${plugin}/dist/admin`)];
const builtAt = existsSync(BUILD_MARKER) ? statSync(BUILD_MARKER).mtimeMs : 0;
const stale = sources.some((dir) => newestMtime(dir) > builtAt);

const run = (cmd, env = {}) => {
  const result = spawnSync(cmd, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
  console.error('Chromium is missing: apt-get install -y chromium (CI does it in .ci/run).');
  process.exit(1);
}
if (stale) {
  console.log('Building the admin bundle for browser tests…');
  run('npx strapi build', { NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' });
}
run(`npx jest --selectProjects e2e --runInBand --ci ${process.argv.slice(2).join(' ')}`);
