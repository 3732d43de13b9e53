/**
 * Notifications: each person's notices in the admin (waiting for my approval, approved, sent back),
 * read and unread per person; and the e-mail digest, one e-mail per person per period in their admin
 * language, never twice for the same notification, whatever the number of instances running it.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';

const POST = 'api::post.post';
const HOUR = 3_600_000;
let app: TestApp;
let run = 0;
const unique = () => `${Date.now().toString(36)}-${++run}`;

beforeAll(async () => {
  // The schedule is off: each test runs the digest itself, at the moments it chooses.
  app = await bootStrapi({ env: { EDITORIAL_DIGESTS: 'false' } });
});
afterAll(async () => {
  await app?.stop();
});

/** An admin (super admin unless told) with a token of their own and an admin language. */
async function person(name: string, language: 'fr' | 'en' = 'fr', roleCode = 'strapi-super-admin') {
  const email = `${name}-${unique()}@tests.porte-voix.local`;
  const token = await app.adminToken({ roleCode, email });
  const user = await app.strapi.db
    .query('admin::user')
    .update({ where: { email }, data: { preferedLanguage: language } });
  const as = (request: any) => request.set('Authorization', `Bearer ${token}`);
  return {
    id: user.id as number,
    email,
    get: (url: string) => as(app.http().get(url)),
    post: (url: string, body: object = {}) => as(app.http().post(url).send(body)),
  };
}
type Person = Awaited<ReturnType<typeof person>>;

async function submitted(author: Person, title: string) {
  const created = await author.post(`/content-manager/collection-types/${POST}?locale=fr`, {
    title,
    body: `${title} : le texte`,
  });
  expect(created.status).toBeLessThan(300);
  const documentId = created.body.data.documentId as string;
  const response = await author.post('/editorial/review/submit', { documentId, locale: 'fr' });
  expect(response.status).toBe(200);
  return { documentId, hash: response.body.data.hash as string };
}

const notices = async (who: Person, unread = true) => {
  const response = await who.get(`/editorial/notifications?unread=${unread}&pageSize=100`);
  expect(response.status).toBe(200);
  return response.body as { data: any[]; meta: { unread: number } };
};

const digest = () => app.strapi.plugin('editorial').service('digest');
/** A minute into an hour ahead: the digest's periods are hours, and a test never straddles one. */
const hourAhead = (hours: number) => new Date((Math.ceil(Date.now() / HOUR) + hours) * HOUR + 60_000);
const mailsTo = (who: Person) => app.sentEmails().filter((mail) => mail.to === who.email);

describe('notices in the admin', () => {
  it('tells approvers what waits and authors what came back, each reading their own', async () => {
    const author = await person('author');
    const first = await person('approver');
    const second = await person('approver');
    const title = `Sortie vélo ${unique()}`;
    const { documentId, hash } = await submitted(author, title);

    const waiting = (await notices(first)).data.filter((n) => n.documentId === documentId);
    expect(waiting).toEqual([
      expect.objectContaining({ kind: 'submitted', title, type: POST, locale: 'fr', read: false }),
    ]);
    expect((await notices(second)).data.some((n) => n.documentId === documentId)).toBe(true);
    // Not the person who submitted it.
    expect((await notices(author)).data.some((n) => n.documentId === documentId)).toBe(false);

    // Read by one approver: still unread for the other.
    const before = (await notices(second)).meta.unread;
    const marked = await first.post('/editorial/notifications/read', { ids: [waiting[0].id] });
    expect(marked.status).toBe(200);
    expect(marked.body.data.marked).toBe(1);
    expect((await notices(first)).data.some((n) => n.documentId === documentId)).toBe(false);
    expect((await notices(first, false)).data.find((n) => n.id === waiting[0].id)).toMatchObject({
      read: true,
    });
    expect((await notices(second)).meta.unread).toBe(before);

    // Nobody marks another person's notices read.
    const theirs = (await notices(second)).data.find((n) => n.documentId === documentId);
    const foreign = await first.post('/editorial/notifications/read', { ids: [theirs.id] });
    expect(foreign.body.data.marked).toBe(0);
    expect((await notices(second)).data.find((n) => n.id === theirs.id)).toMatchObject({ read: false });

    await first.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    const approved = (await notices(author)).data.filter((n) => n.documentId === documentId);
    expect(approved).toEqual([expect.objectContaining({ kind: 'approved', actorName: expect.any(String) })]);

    const all = await author.post('/editorial/notifications/read', { all: true });
    expect(all.body.data.unread).toBe(0);
    expect((await notices(author)).meta.unread).toBe(0);
  });

  it('refuses a body that names nothing to mark, with the reason', async () => {
    const someone = await person('reader');
    const response = await someone.post('/editorial/notifications/read', { ids: [] });
    expect(response.status).toBe(400);
    expect(response.body.error.details.reason).toBe('invalid_input');
  });
});

describe('the e-mail digest', () => {
  it('sends each person one e-mail per period, in their language, never twice, with three instances at once', async () => {
    const author = await person('author', 'fr');
    const english = await person('approver', 'en');
    const french = await person('approver', 'fr');
    const titles = [`Atelier ${unique()}`, `Balade ${unique()}`, `Concours ${unique()}`];
    for (const title of titles) await submitted(author, title);
    const now = hourAhead(0);

    // Three instances run the same period at the same moment.
    await Promise.all([digest().run(now), digest().run(now), digest().run(now)]);
    const [toEnglish, ...moreEnglish] = mailsTo(english);
    expect(moreEnglish).toEqual([]);
    expect(toEnglish.subject).toMatch(/^\[Approval\] \d+ waiting for your approval$/);
    for (const title of titles) expect(toEnglish.text).toContain(`"${title}" (fr)`);
    const [toFrench, ...moreFrench] = mailsTo(french);
    expect(moreFrench).toEqual([]);
    expect(toFrench.subject).toMatch(/^\[Validation\] \d+ à valider$/);
    for (const title of titles) expect(toFrench.text).toContain(`« ${title} » (fr)`);

    // Again in the same period: nothing, even with something new.
    const late = `Dernière minute ${unique()}`;
    const { documentId, hash } = await submitted(author, late);
    await digest().run(new Date(now.getTime() + 1000));
    expect(mailsTo(english)).toHaveLength(1);

    // The next period carries only what is new: nothing is e-mailed twice.
    await english.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    await digest().run(new Date(now.getTime() + HOUR));
    const next = mailsTo(english)[1];
    expect(next.text).toContain(late);
    for (const title of titles) expect(next.text).not.toContain(title);
    const toAuthor = mailsTo(author);
    expect(toAuthor).toHaveLength(1);
    expect(toAuthor[0].subject).toBe('[Validation] 1 validé');
    expect(toAuthor[0].text).toContain(`« ${late} » (fr)`);

    // Read in the admin before the digest: not e-mailed.
    const read = `Déjà lu ${unique()}`;
    await submitted(author, read);
    await french.post('/editorial/notifications/read', { all: true });
    await digest().run(new Date(now.getTime() + 2 * HOUR));
    expect(mailsTo(french).some((mail) => mail.text?.includes(read))).toBe(false);
    expect(mailsTo(english).some((mail) => mail.text?.includes(read))).toBe(true);
  });

  it('gives back what a digest could not send, for the next period', async () => {
    const author = await person('author');
    const approver = await person('approver', 'en');
    const title = `Panne de messagerie ${unique()}`;
    await submitted(author, title);
    const email = app.strapi.plugin('email').service('email');
    const send = email.send;
    email.send = async (message: { to: string }) => {
      if (message.to === approver.email) throw new Error('SMTP unavailable');
      return send.call(email, message);
    };
    const at = hourAhead(10);
    try {
      await digest().run(at);
    } finally {
      email.send = send;
    }
    expect(mailsTo(approver)).toEqual([]);
    await digest().run(new Date(at.getTime() + HOUR));
    expect(mailsTo(approver)).toHaveLength(1);
    expect(mailsTo(approver)[0].text).toContain(title);
  });
});
