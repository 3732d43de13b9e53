import path from 'node:path';

/** How many distinct statements one SQLite connection keeps compiled (the least recently used go first). */
const PREPARED_STATEMENTS = 500;

/**
 * knex compiles every SQLite statement anew, each time it runs (`prepare`), which cost as much CPU as
 * running it: the publishing dispatcher runs the same few statements hundreds of times a second. A
 * compiled better-sqlite3 statement can be run again with other bindings (knex runs each to the end at
 * once, and SQLite recompiles by itself after a schema change), so the connection keeps them.
 */
function reusePreparedStatements(connection: any) {
  const prepare = connection.prepare.bind(connection);
  const compiled = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    let statement = compiled.get(sql);
    if (statement) {
      compiled.delete(sql);
    } else {
      statement = prepare(sql);
      if (compiled.size >= PREPARED_STATEMENTS) compiled.delete(compiled.keys().next().value!);
    }
    compiled.set(sql, statement);
    return statement;
  };
}

/**
 * SQLite by default (a file under .tmp/), PostgreSQL or MySQL/MariaDB through DATABASE_* variables.
 * Every setting has a working development default: no `.env` is needed to start.
 */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  const connections = {
    mysql: {
      connection: {
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 3306),
        database: env('DATABASE_NAME', 'porte_voix'),
        user: env('DATABASE_USERNAME', 'root'),
        password: env('DATABASE_PASSWORD', ''),
        ssl: env.bool('DATABASE_SSL', false) && {
          rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
        },
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    postgres: {
      connection: {
        connectionString: env('DATABASE_URL'),
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'porte_voix'),
        user: env('DATABASE_USERNAME', 'postgres'),
        password: env('DATABASE_PASSWORD', ''),
        ssl: env.bool('DATABASE_SSL', false) && {
          rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
        },
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    sqlite: {
      connection: {
        // An empty DATABASE_FILENAME (as create-strapi-app writes it) still means the default file.
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '') || '.tmp/data.db'),
      },
      useNullAsDefault: true,
      pool: {
        // Write-ahead log: readers never block the writer, and a commit waits for the disk once per
        // checkpoint instead of at every statement (each write cost ~4 ms of fsync without it). A
        // crash can lose only the last commits before it, never corrupt the file.
        afterCreate: (connection: any, done: (error: Error | null, connection: any) => void) => {
          try {
            connection.pragma('journal_mode = WAL');
            connection.pragma('synchronous = NORMAL');
            reusePreparedStatements(connection);
            done(null, connection);
          } catch (error) {
            done(error as Error, connection);
          }
        },
      },
    },
  };

  return {
    connection: {
      client,
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
