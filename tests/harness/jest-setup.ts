// A Strapi boot takes a few seconds, more on PostgreSQL with a fresh database.
jest.setTimeout(120_000);
