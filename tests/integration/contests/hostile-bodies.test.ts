import fc from 'fast-check';

import {
  anything,
  deepObject,
  encodePath,
  expectAnswered,
  hostileString,
  hugeNumber,
  postChunked,
  sendJson,
} from '../../harness/hostile-input';
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV } from './contest-fixtures';

const ENTRY = 'plugin::contests.contest-entry';

/**
 * Random and hostile input thrown at every public contests route: the answer is always a 2xx or a
 * 4xx with a message, never a 500 (on SQLite and PostgreSQL, where a NUL in a text column fails).
 */
describe(`contests: hostile input to the public API (${process.env.DATABASE_CLIENT || 'sqlite'})`, () => {
  let app: TestApp;
  let contest: string;
  let optIn: string;

  beforeAll(async () => {
    app = await bootStrapi({ env: QUIET_ENV });
    contest = await createContest(app.strapi, { entriesPerPerson: 1000 });
    optIn = await createContest(app.strapi, { doubleOptIn: true, entriesPerPerson: 1000 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const hostileText = hostileString(
    '<<b>i</b>>nested</<b>i</b>>',
    "'; DROP TABLE contests_entries; --",
    'a'.repeat(70_000)
  );
  const hostileValue = fc.oneof(hostileText, hugeNumber, anything, fc.constant(deepObject(200)));

  const entryData = fc.record(
    {
      name: fc.oneof(fc.constant('Camille Durand'), hostileValue),
      email: fc.oneof(fc.emailAddress(), hostileValue),
      phone: fc.oneof(fc.constant('+33612345678'), hostileValue),
      country: fc.oneof(fc.constant('FR'), hostileValue),
      birthDate: fc.oneof(fc.constant('1990-04-02'), hostileValue),
      answers: fc.oneof(fc.dictionary(hostileText, hostileValue, { maxKeys: 5 }), hostileValue),
      consents: fc.oneof(fc.constant({ rules: true }), fc.record({ rules: hostileValue }), hostileValue),
    },
    { requiredKeys: [] }
  );

  const expectFieldRefused = (response: any, field: string) => {
    expect(response.status).toBe(400);
    expect(response.body.error.details.reason).toBe('invalid_body');
    expect(response.body.error.details.issues.map((issue: any) => issue.path)).toContain(field);
    expect(response.body.error.message).toContain(field);
  };

  it.each(['name', 'email', 'phone'])('answers a NUL in %s with a 400 naming the field', async (field) => {
    const valid = entryBody().data as Record<string, unknown>;
    const response = await sendJson(app, `/api/contests/${contest}/entries`, {
      data: { ...valid, [field]: `${String(valid[field] ?? '+33612345679')}\u0000` },
    });
    expectFieldRefused(response, `data.${field}`);
  });

  it('answers a NUL or a lone surrogate in an answer with a 400 naming it', async () => {
    for (const answer of ['x\u0000y', 'x\ud800y']) {
      const response = await sendJson(
        app,
        `/api/contests/${contest}/entries`,
        entryBody({ answers: { q1: answer } })
      );
      expectFieldRefused(response, 'data.answers.q1');
    }
  });

  it('gives every public text field a maximum length, named in the 400', async () => {
    const tooLong: [string, unknown][] = [
      ['data.name', { name: 'n'.repeat(201) }],
      ['data.email', { email: `${'e'.repeat(250)}@example.fr` }],
      ['data.phone', { phone: '6'.repeat(33) }],
      ['data.answers.q1', { answers: { q1: 'a'.repeat(2001) } }],
      ['data.answers', { answers: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, 'x'])) }],
    ];
    for (const [field, data] of tooLong) {
      expectFieldRefused(
        await sendJson(app, `/api/contests/${contest}/entries`, entryBody(data as any)),
        field
      );
    }
  });

  it('stores nothing with a control character', async () => {
    const rows = await app.strapi.db.query(ENTRY).findMany({ select: ['name', 'email', 'phone', 'answers'] });
    // eslint-disable-next-line no-control-regex
    expect(JSON.stringify(rows)).not.toMatch(/\\u0000|[\u0000-\u0008]/);
  });

  it.each([
    ['an open contest', () => contest],
    ['a double opt-in contest', () => optIn],
    ['a hostile contest id', () => 'x\u0000y'],
  ])('POST entries to %s never fails', async (_label, target) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          entryData.map((data) => ({ data })),
          fc.object(),
          fc.array(anything, { maxLength: 3 })
        ),
        async (body) => {
          expectAnswered(await sendJson(app, `/api/contests/${encodePath(target())}/entries`, body));
        }
      ),
      { numRuns: 60 }
    );
  });

  it('GET the public state, and the confirmation route, answer any id or body with a 2xx or a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileText.filter((id) => id.trim() !== ''),
          fc.constant(contest)
        ),
        fc.oneof(entryData, fc.object(), fc.constant(deepObject(200))),
        async (id, body) => {
          const encoded = encodePath(id);
          expectAnswered(await app.http().get(`/api/contests/${encoded}`));
          expectAnswered(await app.http().get(`/api/contests/confirmations/${encoded}`));
          expectAnswered(await sendJson(app, `/api/contests/confirmations/${encoded}`, body));
        }
      ),
      { numRuns: 80 }
    );
  });

  it('answers a bare JSON value, a deep body and a chunked body with a 4xx or a 2xx', async () => {
    const deepText = `{"data":${'{"nested":'.repeat(5000)}1${'}'.repeat(5001)}`;
    for (const body of ['42', '"text"', 'null', deepText, `{"data":${'['.repeat(10000)}`]) {
      const response = await app
        .http()
        .post(`/api/contests/${contest}/entries`)
        .set('content-type', 'application/json')
        .send(body);
      expectAnswered(response);
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
    const text = JSON.stringify(entryBody({ name: 'Chunked\u0000Name' }));
    const chunked = await postChunked(`${await app.listen()}/api/contests/${contest}/entries`, text, 7);
    expect(chunked.status).toBe(400);
  });
});
