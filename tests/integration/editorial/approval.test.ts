/**
 * Editorial approval: nothing reaches a network that a second person has not approved, exactly as
 * approved. Through the admin API as the side panel uses it, with two admins (author, approver).
 */
import type { TestApp } from '../../harness/strapi';
import type { Fakes } from '../../fakes';
import { adminApiOnFakes, createAccount } from '../cross-post/helpers';

let app: TestApp;
let fakes: Fakes;
const { api, dispatchOnce } = adminApiOnFakes((session) => ({ app, fakes } = session));

const POST = 'api::post.post';
let run = 0;
const unique = () => `${Date.now().toString(36)}-${++run}`;

/** An admin of `roleCode` with a token of their own: the same person across a test. */
async function person(name: string, roleCode = 'strapi-super-admin') {
  const email = `${name}-${unique()}@tests.porte-voix.local`;
  const token = await app.adminToken({ roleCode, email });
  const user = await app.strapi.db.query('admin::user').findOne({ where: { email } });
  const as = (request: any) => request.set('Authorization', `Bearer ${token}`);
  return {
    id: user.id as number,
    email,
    get: (url: string) => as(app.http().get(url)),
    post: (url: string, body: object = {}) => as(app.http().post(url).send(body)),
    put: (url: string, body: object = {}) => as(app.http().put(url).send(body)),
  };
}
type Person = Awaited<ReturnType<typeof person>>;

/** Writes the French post through the content manager, as the admin in the browser does. */
async function write(author: Person, documentId: string | null, data: Record<string, unknown>) {
  const base = `/content-manager/collection-types/${POST}`;
  const response = documentId
    ? await author.put(`${base}/${documentId}?locale=fr`, data)
    : await author.post(`${base}?locale=fr`, data);
  expect(response.status).toBeLessThan(300);
  return response.body.data.documentId as string;
}

const review = (who: Person, documentId: string) =>
  who.get(`/editorial/review?documentId=${documentId}&locale=fr`);

/** Written and submitted by `author`; returns the hash of the version waiting. */
async function submitted(author: Person, text: string, accountIds?: number[]) {
  const documentId = await write(author, null, { title: text.slice(0, 60), body: text });
  const response = await author.post('/editorial/review/submit', {
    documentId,
    locale: 'fr',
    ...(accountIds && { accountIds }),
  });
  expect(response.status).toBe(200);
  expect(response.body.data.status).toBe('in_review');
  return { documentId, hash: response.body.data.hash as string };
}

let digestPeriod = 0;
/** The e-mail digest, as its schedule sends it: one run in a period of its own (a test is quicker than an hour). */
const sendDigests = () =>
  app.strapi
    .plugin('editorial')
    .service('digest')
    .run(new Date(Date.now() + ++digestPeriod * 3_600_000));

const deliveriesOf = async (documentId: string) =>
  (await api().get(`/posts/${documentId}/deliveries`)).body.data as any[];

describe('editorial approval', () => {
  it('refuses to schedule an unapproved version whatever the role; bypass is off by default', async () => {
    const author = await person('author');
    const account = await createAccount(app.strapi, fakes, 'mastodon');
    const documentId = await write(author, null, { title: 'Brouillon', body: `Pas encore relu ${unique()}` });

    const refused = await author.post(`/cross-post/posts/${documentId}/deliveries`, {
      accountIds: [account.id],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.reason).toBe('not_approved');

    const bypass = await author.post(`/cross-post/posts/${documentId}/deliveries`, {
      accountIds: [account.id],
      bypassApproval: true,
    });
    expect(bypass.status).toBe(403);
    expect(bypass.body.error.details.reason).toBe('bypass_not_allowed');

    // Submitted is not approved either, and neither the service nor the dispatcher lets it through.
    await author.post('/editorial/review/submit', { documentId, locale: 'fr' });
    await expect(
      app.strapi.plugin('cross-post').service('deliveries').schedule(documentId, [account.id], new Date())
    ).rejects.toMatchObject({ details: { reason: 'not_approved' } });
    await dispatchOnce();
    expect(await deliveriesOf(documentId)).toEqual([]);
    expect(fakes.mastodon.published).toHaveLength(0);
  });

  it('keeps the status field read-only: only the workflow moves it', async () => {
    const author = await person('author');
    const documentId = await write(author, null, { title: 'Statut', body: `Statut ${unique()}` });
    const forced = await author.put(`/content-manager/collection-types/${POST}/${documentId}?locale=fr`, {
      editorialStatus: 'approved',
    });
    expect(forced.status).toBe(400);
    expect(forced.body.error.details.reason).toBe('status_read_only');
    expect((await review(author, documentId)).body.data.status).toBe('draft');
  });

  it('four eyes: the last editor of a version cannot approve it; someone else can, the version they read', async () => {
    const author = await person('author');
    const approver = await person('approver');
    const { documentId, hash } = await submitted(author, `Quatre yeux ${unique()}`);

    const own = await author.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    expect(own.status).toBe(403);
    expect(own.body.error.details.reason).toBe('own_version');

    const stale = await approver.post('/editorial/review/approve', {
      documentId,
      locale: 'fr',
      hash: 'a'.repeat(64),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.reason).toBe('changed_since_seen');

    const approved = await approver.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ status: 'approved', approvedHash: hash });
    expect(approved.body.data.history.map((e: any) => e.action)).toEqual(['submitted', 'approved']);
    await sendDigests();
    expect(app.sentEmails().some((m) => m.to === author.email && /approved|validé/.test(m.subject))).toBe(
      true
    );
  });

  it('sends changes back with a comment, and the author is told', async () => {
    const author = await person('author');
    const approver = await person('approver');
    const { documentId } = await submitted(author, `À revoir ${unique()}`);
    const empty = await approver.post('/editorial/review/request-changes', {
      documentId,
      locale: 'fr',
      comment: ' ',
    });
    expect(empty.status).toBe(400);
    const sentBack = await approver.post('/editorial/review/request-changes', {
      documentId,
      locale: 'fr',
      comment: 'Le ton est trop familier pour LinkedIn.',
      variant: 'linkedin',
    });
    expect(sentBack.status).toBe(200);
    expect(sentBack.body.data.status).toBe('draft');
    const inbox = (await author.get('/editorial/inbox')).body.data;
    expect(inbox.sentBack.map((r: any) => r.documentId)).toContain(documentId);
    await sendDigests();
    expect(
      app.sentEmails().some((m) => m.to === author.email && /Le ton est trop familier/.test(m.text ?? ''))
    ).toBe(true);
  });

  it('an edit after scheduling voids the approval and pauses the deliveries; approving again sends the new text', async () => {
    const author = await person('author');
    const approver = await person('approver');
    const mastodon = await createAccount(app.strapi, fakes, 'mastodon');
    const bluesky = await createAccount(app.strapi, fakes, 'bluesky');
    const first = `Première version ${unique()}`;
    const { documentId, hash } = await submitted(author, first, [mastodon.id, bluesky.id]);
    expect(
      (await approver.get('/editorial/inbox')).body.data.waiting.map((r: any) => r.documentId)
    ).toContain(documentId);
    await approver.post('/editorial/review/approve', { documentId, locale: 'fr', hash });

    const soon = new Date(Date.now() + 60_000).toISOString();
    const scheduled = await author.post(`/cross-post/posts/${documentId}/deliveries`, {
      accountIds: [mastodon.id, bluesky.id],
      scheduledAt: soon,
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.data.map((d: any) => d.approvalHash)).toEqual([hash, hash]);

    const second = `Deuxième version ${unique()}`;
    await write(author, documentId, { body: second });
    const voided = (await review(approver, documentId)).body.data;
    expect(voided.status).toBe('in_review');
    const entry = voided.history.find((e: any) => e.action === 'voided');
    expect(entry.details.changes).toEqual([{ field: 'body', before: first, after: second }]);
    expect((await deliveriesOf(documentId)).map((d) => d.status)).toEqual(['paused', 'paused']);
    await sendDigests();
    expect(
      app.sentEmails().some((m) => m.to === approver.email && /changed after|modifié après/.test(m.subject))
    ).toBe(true);

    // Due now: still nothing goes out while the new version waits.
    await app.strapi.db.query('plugin::cross-post.delivery').updateMany({
      where: { postDocumentId: documentId },
      data: { nextAttemptAt: new Date(), scheduledAt: new Date() },
    });
    await dispatchOnce();
    expect(fakes.mastodon.published).toHaveLength(0);

    const again = await approver.post('/editorial/review/approve', {
      documentId,
      locale: 'fr',
      hash: voided.hash,
    });
    expect(again.status).toBe(200);
    expect((await deliveriesOf(documentId)).map((d) => d.status)).toEqual(['scheduled', 'scheduled']);
    await dispatchOnce();
    const sent = await deliveriesOf(documentId);
    expect(sent.map((d) => d.status)).toEqual(['published', 'published']);
    expect(sent.map((d) => d.approvalHash)).toEqual([voided.hash, voided.hash]);
    expect(fakes.mastodon.published[0].text).toMatch(new RegExp(`^${second}`));
    expect(fakes.bluesky.published[0].text).toMatch(new RegExp(`^${second}`));
    const history = (await review(author, documentId)).body.data.history;
    expect(history.filter((e: any) => e.action === 'sent').map((e: any) => e.contentHash)).toEqual([
      voided.hash,
      voided.hash,
    ]);
  });

  it('sends the approved snapshot: a change that skipped the editor pauses the delivery instead of going out', async () => {
    const author = await person('author');
    const approver = await person('approver');
    const account = await createAccount(app.strapi, fakes, 'mastodon');
    const { documentId, hash } = await submitted(author, `Texte validé ${unique()}`);
    await approver.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    await author.post(`/cross-post/posts/${documentId}/deliveries`, { accountIds: [account.id] });
    await app.strapi.db
      .query(POST)
      .updateMany({ where: { documentId, locale: 'fr' }, data: { body: 'Changé directement en base' } });
    await dispatchOnce();
    expect(fakes.mastodon.published).toHaveLength(0);
    expect((await deliveriesOf(documentId)).map((d) => d.status)).toEqual(['paused']);
    expect((await review(author, documentId)).body.data.status).toBe('in_review');
  });

  it('senders share an approval read for a moment, but a review changed on this instance is read anew at once', async () => {
    const author = await person('author');
    const approver = await person('approver');
    const { documentId, hash } = await submitted(author, `Lecture partagée ${unique()}`);
    await approver.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    const workflow = app.strapi.plugin('editorial').service('workflow');
    const key = { uid: POST, documentId, locale: 'fr' };
    const shared = { approvalMaxAgeMs: 60_000, liveCheckMaxAgeMs: 60_000 };
    expect((await workflow.approvedVersion(key, shared))?.hash).toBe(hash);

    // Another instance voiding it is seen once the read is older than the senders allow.
    await app.strapi.db
      .query('plugin::editorial.review')
      .updateMany({ where: { subjectDocumentId: documentId }, data: { status: 'in_review' } });
    expect((await workflow.approvedVersion(key, shared))?.hash).toBe(hash);
    expect(await workflow.approvedVersion(key, { approvalMaxAgeMs: 0 })).toBeNull();
    await app.strapi.db
      .query('plugin::editorial.review')
      .updateMany({ where: { subjectDocumentId: documentId }, data: { status: 'approved' } });
    expect((await workflow.approvedVersion(key, { approvalMaxAgeMs: 0 }))?.hash).toBe(hash);
    expect((await workflow.approvedVersion(key, shared))?.hash).toBe(hash);

    // An edit through Strapi on this instance: the shared read is forgotten with it.
    await write(author, documentId, { body: `Modifié ${unique()}` });
    expect(await workflow.approvedVersion(key, shared)).toBeNull();
  });

  it('schedules only to the accounts the version was approved for', async () => {
    const author = await person('author');
    const approver = await person('approver');
    const chosen = await createAccount(app.strapi, fakes, 'mastodon');
    const other = await createAccount(app.strapi, fakes, 'discord');
    const { documentId, hash } = await submitted(author, `Comptes choisis ${unique()}`, [chosen.id]);
    await approver.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    const refused = await author.post(`/cross-post/posts/${documentId}/deliveries`, {
      accountIds: [chosen.id, other.id],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ reason: 'account_not_approved', accountId: other.id });
    expect(await deliveriesOf(documentId)).toEqual([]);
  });

  it('a campaign can require two approvals, from two people other than the author', async () => {
    const author = await person('author');
    const first = await person('approver');
    const second = await person('approver');
    const campaign = await app.strapi.documents('api::campaign.campaign' as any).create({
      locale: 'fr',
      data: { name: `Campagne ${unique()}`, slug: `campagne-${unique()}` } as any,
    });
    const settings = await person('settings');
    const rule = await settings.put(`/editorial/rules/${campaign.documentId}`, { requiredApprovals: 2 });
    expect(rule.status).toBe(200);
    // What the settings page lists: every campaign with its rule, the roles and people to name.
    const overview = (await settings.get('/editorial/rules')).body.data;
    expect(overview.campaigns.find((c: any) => c.documentId === campaign.documentId)).toMatchObject({
      rule: { requiredApprovals: 2, approverRoleIds: [], approverUserIds: [] },
    });
    expect(overview.roles.map((role: any) => role.code)).toContain('strapi-editor');
    expect(overview.users.map((user: any) => user.id)).toContain(first.id);
    const author2 = await person('author', 'strapi-author');
    expect((await author2.get('/editorial/rules')).status).toBe(403);
    const documentId = await write(author, null, {
      title: 'Deux validations',
      body: `Deux validations ${unique()}`,
      campaign: { connect: [{ documentId: campaign.documentId, locale: 'fr' }] },
    });
    const { hash } = (await author.post('/editorial/review/submit', { documentId, locale: 'fr' })).body.data;
    const once = await first.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    expect(once.body.data).toMatchObject({ status: 'in_review', approvals: [expect.any(Object)] });
    const twice = await first.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    expect(twice.body.error.details.reason).toBe('already_approved_by_you');
    const done = await second.post('/editorial/review/approve', { documentId, locale: 'fr', hash });
    expect(done.body.data.status).toBe('approved');
  });

  it('concurrent approve and edit never leave an approval on a changed text', async () => {
    const author = await person('author');
    const approver = await person('approver');
    const subjects = app.strapi.plugin('editorial').service('subjects');
    for (let round = 0; round < 8; round++) {
      const { documentId, hash } = await submitted(author, `Course ${round} ${unique()}`);
      await Promise.allSettled([
        approver.post('/editorial/review/approve', { documentId, locale: 'fr', hash }),
        write(author, documentId, { body: `Modifiée pendant la relecture ${round} ${unique()}` }),
      ]);
      const state = (await review(approver, documentId)).body.data;
      const live = await subjects.load({ uid: POST, documentId, locale: 'fr' }, []);
      expect(state.hash).toBe(live.hash);
      if (state.status === 'approved') expect(state.approvedHash).toBe(live.hash);
      else expect(state.status).toBe('in_review');
    }
  });
});
