// A Strapi boot takes a few seconds, more on PostgreSQL with a fresh database (MariaDB runs in memory
// for the tests: scripts/with-test-mariadb.sh).
jest.setTimeout(120_000);
