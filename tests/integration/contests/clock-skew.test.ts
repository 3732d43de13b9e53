/**
 * Claim deadlines are judged by the database's clock, the one all instances share: an instance
 * whose clock runs an hour ahead must not take a prize from a winner who still has half an hour.
 */
import { restoreClock, skewClock } from '../../harness/clock';
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV, setWindow } from './contest-fixtures';

const HOUR = 3_600_000;
const STATE_UID = 'plugin::contests.contest-state';

describe('the claim deadline sweep on an instance whose clock runs ahead', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await bootStrapi({ env: QUIET_ENV });
    token = await app.adminToken();
    app.strapi.plugin('email').service('email').send = async () => undefined;
  });
  afterEach(() => restoreClock());
  afterAll(async () => {
    await app?.stop();
  });

  const admin = (path: string, body: object = {}) =>
    app.http().post(path).set('Authorization', `Bearer ${token}`).send(body);

  it('leaves a pending claim alone until its deadline has passed for the database', async () => {
    const contest = await createContest(app.strapi, { winnersCount: 1, substitutesCount: 1 });
    expect((await admin(`/contests/${contest}/commit`)).status).toBe(201);
    for (let i = 0; i < 3; i += 1) {
      expect((await app.http().post(`/api/contests/${contest}/entries`).send(entryBody())).status).toBe(201);
    }
    await setWindow(app.strapi, contest, new Date(Date.now() - 2 * HOUR), new Date(Date.now() - 1000));
    expect((await admin(`/contests/${contest}/draw`, { beacon: 'drand-round-7' })).status).toBe(200);

    // The winner has half an hour left.
    const state = await app.strapi.db.query(STATE_UID).findOne({ where: { eventDocumentId: contest } });
    const deadline = new Date(Date.now() + HOUR / 2).toISOString();
    await app.strapi.db.query(STATE_UID).update({
      where: { id: state.id },
      data: { claims: state.claims.map((claim: any) => ({ ...claim, deadline })) },
    });

    skewClock(HOUR);
    const passedOn = await app.strapi.plugin('contests').service('claims').sweepDeadlines();
    restoreClock();

    expect(passedOn).toBe(0);
    const after = await app.strapi.db.query(STATE_UID).findOne({ where: { eventDocumentId: contest } });
    expect(after.claims.map((claim: any) => [claim.role, claim.status])).toEqual([['winner', 'pending']]);
  });
});
