// A Strapi boot takes a few seconds, more on PostgreSQL with a fresh database (MariaDB runs in memory
// for the tests: scripts/with-test-mariadb.sh).
jest.setTimeout(120_000);

// Integration and browser tests run several Strapi processes, fake networks and a browser on a
// 2-core machine: a test that fails is run once more, and its first failure is printed in full
// ("Retry 1 … failed with the error" in the log). A failure that repeats fails the step; one that
// does not is a flake to look into, never to ignore.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
