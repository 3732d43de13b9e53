import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV, setWindow } from './contest-fixtures';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const OUTBOX = 'plugin::contests.contest-email';

/**
 * Winners are told through a durable outbox: a provider failure is retried, a send interrupted by a
 * dying instance is picked up again, and the claim period starts when the e-mail actually went out.
 */
describe(`contests: winner e-mails through the outbox (${process.env.DATABASE_CLIENT || 'sqlite'})`, () => {
  let app: TestApp;
  let token: string;
  let failuresLeft = 0;

  beforeAll(async () => {
    app = await bootStrapi({ env: QUIET_ENV });
    token = await app.adminToken();
    // The test's e-mail provider fails while `failuresLeft` lasts, then writes to the outbox folder.
    const provider = app.strapi.plugin('email').provider;
    const send = provider.send.bind(provider);
    provider.send = async (message: unknown) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('SMTP 421: service not available');
      }
      return send(message);
    };
  });
  afterAll(async () => {
    await app?.stop();
  });

  const admin = (method: 'get' | 'post', path: string, body?: object) => {
    const request = app.http()[method](path).set('Authorization', `Bearer ${token}`);
    return body ? request.send(body) : request;
  };
  const outbox = () => app.strapi.plugin('contests').service('outbox');
  const claimsOf = async (contest: string) =>
    (await admin('get', `/contests/${contest}/overview`)).body.data.state.claims;
  const emailsTo = (address: string) => app.sentEmails().filter((email) => email.to === address);

  /** A closed, committed contest with one winner and one substitute, drawn now. */
  async function drawnContest(emails: string[]) {
    const contest = await createContest(app.strapi, { winnersCount: 1, substitutesCount: 1, claimDays: 14 });
    expect((await admin('post', `/contests/${contest}/commit`)).status).toBe(201);
    for (const email of emails) {
      expect(
        (await app.http().post(`/api/contests/${contest}/entries`).send(entryBody({ email }))).status
      ).toBe(201);
    }
    await setWindow(app.strapi, contest, new Date(Date.now() - 2 * DAY), new Date(Date.now() - 1000));
    const draw = await admin('post', `/contests/${contest}/draw`, { beacon: '' });
    expect(draw.status).toBe(200);
    return { contest, winner: draw.body.data.winners[0] as string };
  }
  const addressOf = async (publicId: string) =>
    (await app.strapi.db.query('plugin::contests.contest-entry').findOne({ where: { publicId } }))
      .email as string;

  it('retries a failing provider with backoff: sent once, and the claim period runs from the send', async () => {
    failuresLeft = 2;
    const drawnAt = Date.now();
    const { contest, winner } = await drawnContest(['retry.a@example.fr', 'retry.b@example.fr']);
    const address = await addressOf(winner);

    // The first try failed during the draw: no e-mail, no deadline running yet.
    expect(emailsTo(address)).toHaveLength(0);
    expect((await claimsOf(contest))[0]).toMatchObject({ notification: 'queued', deadline: null });

    // Not due again before its backoff; the second try fails too; the third goes out.
    expect(await outbox().deliverDue(new Date(drawnAt + 10 * 1000))).toBe(0);
    expect(await outbox().deliverDue(new Date(drawnAt + 2 * MINUTE))).toBe(0);
    expect(failuresLeft).toBe(0);
    const sentAt = new Date(drawnAt + 3 * 60 * MINUTE);
    expect(await outbox().deliverDue(sentAt)).toBe(1);
    expect(await outbox().deliverDue(new Date(sentAt.getTime() + DAY))).toBe(0);

    expect(emailsTo(address)).toHaveLength(1);
    const [claim] = await claimsOf(contest);
    expect(claim).toMatchObject({ notification: 'sent', notifiedAt: sentAt.toISOString() });
    expect(Date.parse(claim.deadline)).toBe(sentAt.getTime() + 14 * DAY);
    expect(emailsTo(address)[0].text).toContain(
      new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
        new Date(claim.deadline)
      )
    );
    const [message] = await app.strapi.db.query(OUTBOX).findMany({ where: { entryPublicId: winner } });
    expect(message).toMatchObject({ state: 'sent', attempts: 3 });

    // The deadline counts from the send, not from the draw: 14 days after the draw nothing passes on.
    const claims = app.strapi.plugin('contests').service('claims');
    expect(await claims.sweepDeadlines(new Date(drawnAt + 14 * DAY + MINUTE))).toBe(0);
  });

  it('picks up a send interrupted by a stopped instance once its lease ran out, and never sends it twice', async () => {
    failuresLeft = 1;
    const { contest, winner } = await drawnContest(['lease.a@example.fr', 'lease.b@example.fr']);
    const address = await addressOf(winner);
    // As if an instance took the message and died mid-send: `sending`, with a lease.
    const now = Date.now();
    await app.strapi.db.query(OUTBOX).updateMany({
      where: { entryPublicId: winner },
      data: { state: 'sending', leaseToken: 'dead-instance', leaseUntil: new Date(now + MINUTE) },
    });
    // While the lease holds, no other instance touches it.
    expect(await outbox().deliverDue(new Date(now + 30 * 1000))).toBe(0);
    expect(emailsTo(address)).toHaveLength(0);

    // Once it ran out, two instances at once: one sends, once.
    const later = new Date(now + 5 * MINUTE);
    const sent = await Promise.all([outbox().deliverDue(later), outbox().deliverDue(later)]);
    expect(sent[0] + sent[1]).toBe(1);
    expect(emailsTo(address)).toHaveLength(1);
    const [claim] = await claimsOf(contest);
    expect(Date.parse(claim.deadline)).toBe(later.getTime() + 14 * DAY);
  });

  it('gives up after the last try: the winner keeps the prize until the organiser decides', async () => {
    failuresLeft = 1000;
    const { contest, winner } = await drawnContest(['never.a@example.fr', 'never.b@example.fr']);
    let at = Date.now();
    for (let i = 0; i < 10; i += 1) {
      at += DAY;
      await outbox().deliverDue(new Date(at));
    }
    failuresLeft = 0;
    const [claim] = await claimsOf(contest);
    expect(claim).toMatchObject({
      publicId: winner,
      status: 'pending',
      notification: 'failed',
      deadline: null,
    });
    // Other contests' prizes pass on at this date; this one, never told, stays.
    await app.strapi
      .plugin('contests')
      .service('claims')
      .sweepDeadlines(new Date(at + 60 * DAY));
    expect((await claimsOf(contest))[0]).toMatchObject({ publicId: winner, status: 'pending' });
    const [message] = await app.strapi.db.query(OUTBOX).findMany({ where: { entryPublicId: winner } });
    expect(message).toMatchObject({ state: 'failed', attempts: 6 });
  });
});
