import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV } from './contest-fixtures';

const ENTRY = 'plugin::contests.contest-entry';

/**
 * Secrets stay where they belong: the draw seed until the reveal, entrants' IP hashes, and
 * confirmation tokens (and their hashes) appear in no response, log line, audit entry or stored error.
 */
describe(`contests: secrets out of responses, logs and the audit log (${process.env.DATABASE_CLIENT || 'sqlite'})`, () => {
  let app: TestApp;
  let token: string;
  const logged: string[] = [];
  let echoOnce = false;

  beforeAll(async () => {
    app = await bootStrapi({ env: QUIET_ENV });
    token = await app.adminToken();
    for (const level of ['error', 'warn', 'info', 'debug'] as const) {
      const original = app.strapi.log[level].bind(app.strapi.log);
      (app.strapi.log as any)[level] = (message: unknown, ...rest: unknown[]) => {
        logged.push(String(message));
        return original(message, ...rest);
      };
    }
    // A provider whose error quotes the whole message, as some SMTP relays do.
    const provider = app.strapi.plugin('email').provider;
    const send = provider.send.bind(provider);
    provider.send = async (message: any) => {
      if (echoOnce) {
        echoOnce = false;
        throw new Error(`550 rejected: ${message.text}`);
      }
      return send(message);
    };
  });
  afterAll(async () => {
    await app?.stop();
  });

  const admin = (path: string) => app.http().get(path).set('Authorization', `Bearer ${token}`);

  it('shows none of them anywhere', async () => {
    const contest = await createContest(app.strapi, { doubleOptIn: true });
    await app.http().post(`/contests/${contest}/commit`).set('Authorization', `Bearer ${token}`);
    echoOnce = true;
    expect(
      (
        await app
          .http()
          .post(`/api/contests/${contest}/entries`)
          .send(entryBody({ email: 'secret@example.fr' }))
      ).status
    ).toBe(202);
    const outbox = app.strapi.plugin('contests').service('outbox');
    await outbox.deliverDue();
    // Let the delivery the entry started finish first: the next call acts ten minutes later.
    const emails = app.strapi.db.query('plugin::contests.contest-email');
    while ((await emails.count({ where: { state: 'sending' } })) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await outbox.deliverDue(new Date(Date.now() + 10 * 60 * 1000));
    const [email] = app.sentEmails().filter((message) => message.to === 'secret@example.fr');
    const link = /confirmations\/([0-9a-f]{64})/.exec(email.text ?? '')![1];
    expect((await app.http().get(`/api/contests/confirmations/${link}`)).status).toBe(200);

    const [row] = await app.strapi.db.query(ENTRY).findMany({ where: { eventDocumentId: contest } });
    const state = await app.strapi.db
      .query('plugin::contests.contest-state')
      .findOne({ where: { eventDocumentId: contest } });
    const outboxRows = await app.strapi.db.query('plugin::contests.contest-email').findMany({});
    expect(outboxRows[0].lastError).toContain('[redacted]');

    const seen = JSON.stringify([
      (await app.http().get(`/api/contests/${contest}`)).body,
      (await admin(`/contests/${contest}/overview`)).body,
      (await admin(`/contests/${contest}/entries`)).body,
      (await admin(`/contests/${contest}/audit`)).body,
      (await admin(`/contests/${contest}/export.csv`)).text,
      (await admin('/contests/overview')).body,
      outboxRows,
      logged,
    ]);
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(seen).not.toContain(row.ipHash);
    expect(seen).not.toContain(state.seed);
    expect(seen).not.toContain(link);
    const { createHash } = require('node:crypto');
    expect(seen).not.toContain(createHash('sha256').update(link).digest('hex'));
  });
});
