import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Every test file gets a database of its own: a temporary SQLite file, or a PostgreSQL or MySQL/MariaDB
 * database when DATABASE_CLIENT=postgres or mysql (dropped again when the file is done). It is empty,
 * unless `fromTemplate` asks for a copy of the database the app has already booted on once
 * (tests/harness/database-template.ts; made by Jest's global setup, none on MariaDB).
 */
export type TestDatabase = {
  client: 'sqlite' | 'postgres' | 'mysql';
  env: Record<string, string>;
  drop(): Promise<void>;
};

const server = (defaultPort: number, defaultUser: string) => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || defaultPort),
  user: process.env.DATABASE_USERNAME || defaultUser,
  password: process.env.DATABASE_PASSWORD || '',
});

export async function withPostgres<T>(run: (client: any) => Promise<T>): Promise<T> {
  const { Client } = require('pg');
  const client = new Client({ ...server(5432, 'postgres'), database: 'postgres' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function withMysql<T>(run: (connection: any) => Promise<T>): Promise<T> {
  const mysql = require('mysql2/promise');
  const connection = await mysql.createConnection(server(3306, 'root'));
  try {
    return await run(connection);
  } finally {
    await connection.end();
  }
}

/** The server's address as variables, so that a child process reaches the same server as this one. */
const connectionEnv = (defaultPort: number, defaultUser: string): Record<string, string> => {
  const { host, port, user, password } = server(defaultPort, defaultUser);
  return {
    DATABASE_HOST: host,
    DATABASE_PORT: String(port),
    DATABASE_USERNAME: user,
    ...(password ? { DATABASE_PASSWORD: password } : {}),
  };
};

const uniqueName = () => `porte_voix_test_${process.pid}_${randomBytes(4).toString('hex')}`;

export async function createTestDatabase(options: { fromTemplate?: boolean } = {}): Promise<TestDatabase> {
  const requested = process.env.DATABASE_CLIENT;
  const template = options.fromTemplate ? process.env.PORTE_VOIX_TEST_DB_TEMPLATE : undefined;
  if (requested === 'postgres') {
    const name = uniqueName();
    await withPostgres((pg) => pg.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
    return {
      client: 'postgres',
      env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name, ...connectionEnv(5432, 'postgres') },
      drop: () => withPostgres((pg) => pg.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
  }
  if (requested === 'mysql') {
    const name = uniqueName();
    // The README's production setting: a case- and accent-insensitive collation, as people create it.
    await withMysql((db) =>
      db.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
    );
    return {
      client: 'mysql',
      env: { DATABASE_CLIENT: 'mysql', DATABASE_NAME: name, ...connectionEnv(3306, 'root') },
      drop: () => withMysql((db) => db.query(`DROP DATABASE IF EXISTS ${name}`)),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'porte-voix-test-'));
  if (template) copyFileSync(template, path.join(dir, 'test.db'));
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'test.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
