import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV } from './contest-fixtures';

const ENTRY = 'plugin::contests.contest-entry';

/** The organiser's contest page: counts, entries per day in the contest's time zone, signals. */
describe("the organiser's contest page", () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await bootStrapi({ env: QUIET_ENV });
    token = await app.adminToken();
  });
  afterAll(async () => {
    await app?.stop();
  });

  const admin = (method: 'get' | 'post', path: string, body?: object) => {
    const request = app.http()[method](path).set('Authorization', `Bearer ${token}`);
    return body ? request.send(body) : request;
  };

  /** Enters once per instant, then dates each entry to it, as if it had arrived then. */
  async function enterAt(contest: string, instants: string[], data: Record<string, unknown>[] = []) {
    const ids: string[] = [];
    for (const [i, instant] of instants.entries()) {
      const response = await app
        .http()
        .post(`/api/contests/${contest}/entries`)
        .send(entryBody(data[i] ?? {}));
      expect(response.status).toBe(201);
      await app.strapi.db
        .query(ENTRY)
        .update({ where: { publicId: response.body.data.id }, data: { createdAt: new Date(instant) } });
      ids.push(response.body.data.id);
    }
    return ids;
  }

  it('counts per status and signal, and per day in the contest time zone (Paris, UTC+1 in winter)', async () => {
    const contest = await createContest(app.strapi);
    const ids = await enterAt(
      contest,
      [
        '2025-01-10T22:30:00Z', // 23:30 in Paris: 10 January
        '2025-01-10T23:30:00Z', // 00:30 in Paris: already 11 January
        '2025-01-11T12:00:00Z',
        '2025-01-12T05:00:00Z',
      ],
      [{}, {}, { email: 'someone@mailinator.com' }, {}]
    );
    const invalidated = await admin('post', `/contests/entries/${ids[3]}/invalidate`, {
      reason: 'Duplicate',
    });
    expect(invalidated.status).toBe(200);

    const response = await admin('get', `/contests/${contest}/overview`);
    expect(response.status).toBe(200);
    expect(response.body.data.counts).toEqual({ valid: 2, review: 1, invalidated: 1, unconfirmed: 0 });
    expect(response.body.data.signals).toEqual({ disposable_email: 1 });
    expect(response.body.data.perDay).toEqual([
      { day: '2025-01-10', entries: 1 },
      { day: '2025-01-11', entries: 2 },
      { day: '2025-01-12', entries: 1 },
    ]);
  });

  it('splits days at local midnight in a zone offset by half an hour (Kolkata, UTC+5:30)', async () => {
    const contest = await createContest(app.strapi);
    await app.strapi.db
      .query('api::event.event')
      .updateMany({ where: { documentId: contest }, data: { timeZone: 'Asia/Kolkata' } });
    await enterAt(contest, [
      '2025-03-01T18:20:00Z', // 23:50 in Kolkata, 1 March
      '2025-03-01T18:35:00Z', // 00:05 in Kolkata, 2 March
      '2025-03-02T10:00:00Z',
    ]);

    const response = await admin('get', `/contests/${contest}/overview`);
    expect(response.status).toBe(200);
    expect(response.body.data.timeZone).toBe('Asia/Kolkata');
    expect(response.body.data.counts).toEqual({ valid: 3, review: 0, invalidated: 0, unconfirmed: 0 });
    expect(response.body.data.perDay).toEqual([
      { day: '2025-03-01', entries: 1 },
      { day: '2025-03-02', entries: 2 },
    ]);
  });
});
