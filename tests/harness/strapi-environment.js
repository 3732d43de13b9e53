/**
 * Jest's Node environment for the integration and browser tests, with Strapi loaded once per Jest process.
 *
 * Jest evaluates every module again for each test file, and Strapi's are thousands: ~4.5 s a file before
 * anything boots. This environment is itself loaded by Node, outside Jest's module registry, and hands the
 * test files Node's own `require` (`__nativeRequire`, used by tests/harness/strapi.ts for `@strapi/strapi`),
 * so Strapi and its dependencies are evaluated once and each boot only builds a new instance. What that
 * shares between files, and how each file still starts clean:
 * - `process.env`: Strapi reads the process's real one, so the test file gets that same object (Jest
 *   would give it a copy), and every variable a file set or removed is put back when it ends.
 * - Our own code (the app's `dist/` and each plugin's `dist/`) and the rate limiters' in-memory counts
 *   (koa2-ratelimit) are removed from Node's module cache when a file ends: module-level caches of one file
 *   never answer in the next. A Strapi still running when a file ends is destroyed.
 * - `Date`: the test's dates are Node's, so that Strapi and the database drivers take them for dates.
 * - The clock: `skewClock()` (tests/harness/clock.ts) moves Node's `Date` too (`__nativeGlobal`), and it is
 *   put back when a file ends.
 * - `process`'s listeners: Strapi's `destroy()` removes every listener on `process`, the test runner's own
 *   among them. A Jest worker whose IPC `message` listener is gone lets go of its channel and exits (code 0)
 *   as soon as it is idle, so the next file "crashed for an unknown reason". The listeners a file started
 *   with are put back after each destroy (`__restoreProcessListeners`, called by the harness) and when it ends.
 */
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const { restoreProcessEnv } = require('./process-env');

const APP_DIR = path.resolve(__dirname, '..', '..');
const OWN_BUILDS = [path.join(APP_DIR, 'dist') + path.sep, path.join(APP_DIR, 'plugins') + path.sep];
/** Dependencies that keep process-wide state of their own: the rate limiters' in-memory hit counts. */
const STATEFUL_DEPENDENCIES = [path.join('node_modules', 'koa2-ratelimit') + path.sep];
const isFreshPerFile = (file) =>
  (OWN_BUILDS.some((dir) => file.startsWith(dir)) && file.includes(`${path.sep}dist${path.sep}`)) ||
  STATEFUL_DEPENDENCIES.some((dir) => file.includes(dir));

class IntegrationEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__nativeRequire = require;
    this.global.__nativeGlobal = globalThis;
    this.global.process.env = process.env;
    // A date a test builds goes into Strapi's queries, which know a date by `instanceof Date` (Node's).
    this.global.Date = Date;
  }

  async setup() {
    await super.setup();
    this.savedEnv = { ...process.env };
    const listening = process.eventNames().map((event) => [event, process.listeners(event)]);
    this.restoreProcessListeners = () => {
      for (const [event, listeners] of listening) {
        const present = process.listeners(event);
        for (const listener of listeners) if (!present.includes(listener)) process.on(event, listener);
      }
    };
    this.global.__restoreProcessListeners = this.restoreProcessListeners;
  }

  async teardown() {
    if (globalThis.__porteVoixRealDate) {
      globalThis.Date = globalThis.__porteVoixRealDate;
      delete globalThis.__porteVoixRealDate;
    }
    restoreProcessEnv(this.savedEnv);
    // A Strapi a file left running (a boot that failed half-way, a forgotten stop) would hold what the next
    // boot registers (Strapi's admin keeps its permission actions in module state, cleared by destroy).
    if (globalThis.strapi) await globalThis.strapi.destroy().catch(() => undefined);
    this.restoreProcessListeners();
    for (const file of Object.keys(require.cache)) if (isFreshPerFile(file)) delete require.cache[file];
    await super.teardown();
  }
}

module.exports = IntegrationEnvironment;
