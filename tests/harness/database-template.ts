import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

import { bootInChild } from './boot-in-child';
import { createTestDatabase, withPostgres } from './database';

/**
 * A database the built app has already booted on once: its schema and what the first boot writes
 * (roles, permissions, content-manager layouts, settings). A test file's database is a copy of it, so
 * each boot takes Strapi's restart path (~3 s less on SQLite, more on PostgreSQL) instead of creating
 * ~100 tables and their rows again. Any test that needs a database nothing ever ran on asks for one
 * (`createTestDatabase()`, or `bootStrapi({ freshDatabase: true })`).
 *
 * The template is named after a hash of the built server code (the app's `dist/` and each plugin's
 * `dist/server`), so a rebuild that changes a schema or a bootstrap makes a new one.
 * Jest's global setup (tests/harness/global-setup.ts) makes it and passes it to the test files in
 * PORTE_VOIX_TEST_DB_TEMPLATE: a file path on SQLite, a database name on PostgreSQL.
 */

const APP_DIR = path.resolve(__dirname, '..', '..');
const SQLITE_TEMPLATES = path.join(APP_DIR, '.tmp', 'test-templates');
const PG_PREFIX = 'porte_voix_tpl_';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(full);
      return entry.name.endsWith('.tsbuildinfo') ? [] : [full];
    })
    .sort();
}

/**
 * What the first boot depends on: the app's compiled server code and each plugin's server build. The
 * admin bundle (`dist/build`, made for the browser tests) is not read on boot.
 */
export function builtServerHash(): string {
  const pluginDirs = readdirSync(path.join(APP_DIR, 'plugins')).map((id) =>
    path.join(APP_DIR, 'plugins', id, 'dist', 'server')
  );
  const adminBundle = path.join(APP_DIR, 'dist', 'build') + path.sep;
  const hash = createHash('sha256');
  const files = [path.join(APP_DIR, 'dist'), ...pluginDirs]
    .flatMap(filesUnder)
    .filter((file) => !file.startsWith(adminBundle));
  for (const file of files) {
    hash.update(path.relative(APP_DIR, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The first boot, in a process of its own, with the environment `bootStrapi()` gives by default. */
async function firstBoot(databaseEnv: Record<string, string>): Promise<void> {
  const boot = await bootInChild('start', {
    NODE_ENV: 'test',
    STRAPI_LOG_LEVEL: 'error',
    PORTE_VOIX_SEED_DEMO: 'false',
    PORTE_VOIX_DEV_ADMIN: 'false',
    EMAIL_PROVIDER: 'outbox',
    ...databaseEnv,
  });
  if (boot.code !== 0 || !boot.result.started) {
    throw new Error(`The template database's first boot failed:\n${boot.output.slice(-4000)}`);
  }
}

async function sqliteTemplate(key: string): Promise<string> {
  const file = path.join(SQLITE_TEMPLATES, `${key}.db`);
  if (existsSync(file)) return file;
  mkdirSync(SQLITE_TEMPLATES, { recursive: true });
  const database = await createTestDatabase();
  await firstBoot(database.env);
  const built = database.env.DATABASE_FILENAME;
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(built + suffix) && statSync(built + suffix).size > 0) {
      throw new Error(`The template database was not closed cleanly (${built}${suffix} is left)`);
    }
  }
  // Older templates (of earlier builds) go; the new one appears whole, under its final name, at once.
  for (const old of readdirSync(SQLITE_TEMPLATES)) rmSync(path.join(SQLITE_TEMPLATES, old), { force: true });
  renameSync(built, file);
  await database.drop();
  return file;
}

/**
 * One checkout's templates on the server: a server is shared by every checkout on the machine (a
 * worktree, a CI clone), and each one's tests run from its own build, so each keeps and clears its own.
 */
const checkoutPrefix = () => `${PG_PREFIX}${createHash('sha256').update(APP_DIR).digest('hex').slice(0, 8)}_`;

async function postgresTemplate(key: string): Promise<string> {
  const prefix = checkoutPrefix();
  const name = `${prefix}${key}`;
  const existing: string[] = await withPostgres(async (pg) =>
    (await pg.query(`SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`)).rows.map(
      (row: { datname: string }) => row.datname
    )
  );
  if (existing.includes(name)) return name;
  const database = await createTestDatabase();
  await firstBoot(database.env);
  await withPostgres(async (pg) => {
    for (const old of existing) {
      await pg.query(`ALTER DATABASE ${old} IS_TEMPLATE false`).catch(() => undefined);
      await pg.query(`DROP DATABASE IF EXISTS ${old} WITH (FORCE)`);
    }
    await pg.query(`ALTER DATABASE ${database.env.DATABASE_NAME} RENAME TO ${name}`);
    await pg.query(`ALTER DATABASE ${name} IS_TEMPLATE true`);
  });
  return name;
}

/** The template for this run's database client, made when missing; undefined where there is none (MariaDB). */
export async function ensureTemplate(): Promise<string | undefined> {
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  if (client === 'sqlite') return sqliteTemplate(builtServerHash());
  if (client === 'postgres') return postgresTemplate(builtServerHash());
  return undefined;
}
