import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Every test file gets a database of its own: a temporary SQLite file, or a fresh PostgreSQL
 * database when DATABASE_CLIENT=postgres (dropped again when the file is done).
 */
export type TestDatabase = {
  client: 'sqlite' | 'postgres';
  env: Record<string, string>;
  drop(): Promise<void>;
};

const postgresAdminConfig = () => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || '',
  database: 'postgres',
});

async function withPostgres<T>(run: (client: any) => Promise<T>): Promise<T> {
  const { Client } = require('pg');
  const client = new Client(postgresAdminConfig());
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
  if (client === 'postgres') {
    const name = `porte_voix_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await withPostgres((pg) => pg.query(`CREATE DATABASE ${name}`));
    return {
      client,
      env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name },
      drop: () => withPostgres((pg) => pg.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'porte-voix-test-'));
  return {
    client,
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'test.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
