import path from 'node:path';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV } from './contest-fixtures';

const ENTRY = 'plugin::contests.contest-entry';

/**
 * The per-person cap is the database's job: 200 simultaneous entries by one person store exactly
 * the allowed number (run on SQLite and, with DATABASE_CLIENT=postgres, on PostgreSQL).
 */
describe(`per-person cap under concurrency (${process.env.DATABASE_CLIENT || 'sqlite'})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi({ env: QUIET_ENV });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const storm = async (cap: number, emails: (i: number) => string) => {
    const contest = await createContest(app.strapi, { entriesPerPerson: cap });
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        app
          .http()
          .post(`/api/contests/${contest}/entries`)
          .send(entryBody({ email: emails(i), name: 'Jean Dupont' }))
      )
    );
    const stored = await app.strapi.db.query(ENTRY).findMany({ where: { eventDocumentId: contest } });
    return { responses, stored };
  };

  it.each([1, 3])('stores exactly %i of 200 parallel entries by one person', async (cap) => {
    const spellings = ['jean.dupont@gmail.com', 'JeanDupont+a@gmail.com', 'j.ean.dupont@googlemail.com'];
    const { responses, stored } = await storm(cap, (i) => spellings[i % spellings.length]);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(cap);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(200 - cap);
    expect(
      responses.every((r) => r.status === 201 || r.body.error.details.reason === 'already_entered')
    ).toBe(true);
    expect(stored).toHaveLength(cap);
    expect(stored.map((entry) => entry.slot).sort()).toEqual(Array.from({ length: cap }, (_, i) => i + 1));
  });

  it('the unique index itself refuses a second row in a taken slot', async () => {
    const contest = await createContest(app.strapi);
    const row = {
      publicId: 'a'.repeat(32),
      eventDocumentId: contest,
      personKey: 'email:direct@example.fr',
      slot: 1,
      consents: { rules: true },
      entryStatus: 'valid',
    };
    await app.strapi.db.query(ENTRY).create({ data: row });
    // better-sqlite3's error is not an Error of Jest's realm: look at what was thrown, and what was stored.
    let refusal: unknown = null;
    await app.strapi.db
      .query(ENTRY)
      .create({ data: { ...row, publicId: 'b'.repeat(32) } })
      .catch((error: unknown) => (refusal = error));
    expect(String((refusal as any)?.code ?? (refusal as any)?.message)).toMatch(/UNIQUE|23505|ER_DUP_ENTRY/);
    expect(await app.strapi.db.query(ENTRY).count({ where: { eventDocumentId: contest } })).toBe(1);
  });

  describe('the IP rate limit', () => {
    const saved = () => app.strapi.config.get('plugin::contests.rateLimit');
    let before: unknown;
    beforeEach(() => {
      before = saved();
      // A long window, so the whole test falls in one.
      app.strapi.config.set('plugin::contests.rateLimit', { max: 5, windowSeconds: 3600 });
    });
    afterEach(() => app.strapi.config.set('plugin::contests.rateLimit', before));

    it('lets exactly the allowance through out of 40 parallel entries from one IP', async () => {
      const contest = await createContest(app.strapi, { entriesPerPerson: 100 });
      const responses = await Promise.all(
        Array.from({ length: 40 }, () =>
          app
            .http()
            .post(`/api/contests/${contest}/entries`)
            .set('X-Forwarded-For', '198.51.100.7')
            .send(entryBody())
        )
      );
      const limited = responses.filter((r) => r.status === 429);
      expect(responses.filter((r) => r.status === 201)).toHaveLength(5);
      expect(limited).toHaveLength(35);
      expect(limited.every((r) => r.body.error.details.reason === 'rate_limited')).toBe(true);
    });

    it('is one count for every instance: a second instance of the limiter sees the first one’s hits', async () => {
      // A second process builds its own services from the plugin's code: only the database is shared.
      const plugin = require(path.resolve(__dirname, '../../../plugins/contests/dist/server/index.js'));
      const secondInstance = (plugin.default ?? plugin).services.rateLimit({ strapi: app.strapi });
      const firstInstance = app.strapi.plugin('contests').service('rateLimit');
      const hash = app.strapi.plugin('contests').service('entries').hashIp('203.0.113.9');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? firstInstance : secondInstance).hit(hash))
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    });
  });
});
