/**
 * Two Strapi processes on one PostgreSQL or MariaDB database, both sending digests while
 * notifications arrive (the second on its own schedule, checking every second; this one every
 * 300 ms): each person gets one e-mail for the period, and no notification is e-mailed twice.
 * (SQLite is one file for one process.)
 */
import type { ChildProcess } from 'node:child_process';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { startInstance, stopInstance, waitFor } from '../cross-post/helpers';

const onServer = ['postgres', 'mysql'].includes(process.env.DATABASE_CLIENT ?? '');
const POST = 'api::post.post';
const DIGEST_ENV = { EDITORIAL_DIGESTS: 'true', EDITORIAL_DIGEST_CHECK_SECONDS: '1' };

(onServer ? describe : describe.skip)('digests from two instances on one database server', () => {
  let app: TestApp;
  let second: ChildProcess | undefined;

  beforeAll(async () => {
    app = await bootStrapi({ env: { EDITORIAL_DIGESTS: 'false' } });
    second = await startInstance(DIGEST_ENV);
  });
  afterAll(async () => {
    await stopInstance(second);
    await app?.stop();
  });

  it('sends each person one digest for the period, and no notification twice', async () => {
    const stamp = Date.now().toString(36);
    const approvers = [];
    for (const n of [1, 2, 3, 4]) {
      const email = `digest-${stamp}-${n}@tests.porte-voix.local`;
      await app.adminToken({ email });
      approvers.push(email);
    }
    const authorEmail = `digest-author-${stamp}@tests.porte-voix.local`;
    const token = await app.adminToken({ email: authorEmail });
    const titles: string[] = [];
    const periodAtStart = periodNow();
    const mine = setInterval(() => void app.strapi.plugin('editorial').service('digest').run(), 300);
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const title = `Deux instances ${stamp} ${n}`;
      titles.push(title);
      const created = await app
        .http()
        .post(`/content-manager/collection-types/${POST}?locale=fr`)
        .set('Authorization', `Bearer ${token}`)
        .send({ title, body: title });
      await app
        .http()
        .post('/editorial/review/submit')
        .set('Authorization', `Bearer ${token}`)
        .send({ documentId: created.body.data.documentId, locale: 'fr' });
    }
    try {
      const mails = await waitFor(
        async () => app.sentEmails().filter((mail) => approvers.includes(mail.to)),
        (found) => new Set(found.map((mail) => mail.to)).size === approvers.length,
        60_000
      );
      // Let both instances look a few more times: nothing more may go out.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const all = app.sentEmails().filter((mail) => approvers.includes(mail.to));
      const periods = new Set([periodAtStart, periodNow()]).size;
      for (const email of approvers) {
        const theirs = all.filter((mail) => mail.to === email);
        // One e-mail per period (two only if the test straddled the hour), never a notification twice.
        expect(theirs.length).toBeGreaterThanOrEqual(1);
        expect(theirs.length).toBeLessThanOrEqual(periods);
        for (const title of titles)
          expect(theirs.filter((mail) => mail.text?.includes(`« ${title} »`)).length).toBeLessThanOrEqual(1);
      }
      expect(mails.length).toBeGreaterThanOrEqual(approvers.length);
    } finally {
      clearInterval(mine);
    }
  });

  /** The hour in progress (the digest's period). */
  function periodNow() {
    return Math.floor(Date.now() / 3_600_000);
  }
});
