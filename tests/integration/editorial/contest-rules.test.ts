/**
 * A contest's rules text goes through editorial approval like a post: the contest takes no entry
 * until the rules entrants read are the approved ones, and a change of the rules stops it until
 * someone approves them again. Through the admin API as the review panel uses it, and the public
 * entry route as a frontend uses it.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV, setWindow } from '../contests/contest-fixtures';

const EVENT = 'api::event.event';
const HOUR = 3600 * 1000;
let app: TestApp;
let run = 0;
const unique = () => `${Date.now().toString(36)}-${++run}`;

beforeAll(async () => {
  app = await bootStrapi({ env: { ...QUIET_ENV, EDITORIAL_DIGESTS: 'false' } });
});
afterAll(async () => {
  await app?.stop();
});

async function person(name: string) {
  const email = `${name}-${unique()}@tests.porte-voix.local`;
  const token = await app.adminToken({ email });
  const as = (request: any) => request.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => as(app.http().get(url)),
    post: (url: string, body: object = {}) => as(app.http().post(url).send(body)),
    put: (url: string, body: object = {}) => as(app.http().put(url).send(body)),
  };
}
type Person = Awaited<ReturnType<typeof person>>;

const enter = (documentId: string, locale?: string) =>
  app
    .http()
    .post(`/api/contests/${documentId}/entries${locale ? `?locale=${locale}` : ''}`)
    .send(entryBody());

const publicState = async (documentId: string) =>
  (await app.http().get(`/api/contests/${documentId}`)).body.data;

/** The organiser's contest with a rules text, published, its rules not approved yet. */
async function contestWithRules(rules: string) {
  return createContest(app.strapi, { rules }, { approveRules: false, title: `Concours ${unique()}` });
}

const subject = (documentId: string) => ({ type: EVENT, documentId, locale: 'fr' });

/** Submitted by the organiser, approved by someone else: the exact text they read. */
async function approve(organiser: Person, approver: Person, documentId: string) {
  const submitted = await organiser.post('/editorial/review/submit', subject(documentId));
  expect(submitted.status).toBe(200);
  const approved = await approver.post('/editorial/review/approve', {
    ...subject(documentId),
    hash: submitted.body.data.hash,
  });
  expect(approved.status).toBe(200);
  expect(approved.body.data.status).toBe('approved');
  return approved.body.data;
}

/** Edits the French rules as the organiser does in the content manager (the other contest fields kept). */
async function editRules(organiser: Person, documentId: string, rules: string, publish: boolean) {
  const base = `/content-manager/collection-types/${EVENT}/${documentId}`;
  const draft = (await organiser.get(`${base}?locale=fr`)).body.data;
  const withoutIds = ({ id: _id, ...rest }: any) => rest;
  const contest = {
    ...withoutIds(draft.contest),
    prizes: (draft.contest.prizes ?? []).map(withoutIds),
    rules,
  };
  const saved = await organiser.put(`${base}?locale=fr`, { contest });
  expect(saved.status).toBe(200);
  if (publish) await app.strapi.documents(EVENT).publish({ documentId, locale: 'fr' });
}

describe('a contest opens only with its rules approved', () => {
  it('refuses entries while the rules text waits for approval, in the entrant’s language', async () => {
    const documentId = await contestWithRules(`Article 1 : la participation est gratuite. ${unique()}`);

    const refused = await enter(documentId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({
      reason: 'rules_not_approved',
      approval: 'not_approved',
    });
    expect(refused.body.error.message).toMatch(/règlement attend sa validation/);
    expect((await enter(documentId, 'en')).body.error.message).toMatch(/rules are waiting for approval/);
    expect(await publicState(documentId)).toMatchObject({ rulesApproved: false });

    // Submitted is not approved either.
    const organiser = await person('organiser');
    await organiser.post('/editorial/review/submit', subject(documentId));
    expect((await enter(documentId)).body.error.details.reason).toBe('rules_not_approved');
    expect(
      await app.strapi.db
        .query('plugin::contests.contest-entry')
        .count({ where: { eventDocumentId: documentId } })
    ).toBe(0);
  });

  it('opens once someone other than the organiser approved the rules entrants read', async () => {
    const organiser = await person('organiser');
    const approver = await person('legal');
    const documentId = await contestWithRules(`Article 1 : un vélo cargo à gagner. ${unique()}`);

    const submitted = await organiser.post('/editorial/review/submit', subject(documentId));
    expect(submitted.body.data.history.map((entry: any) => entry.action)).toEqual(['submitted']);
    await approver.post('/editorial/review/approve', {
      ...subject(documentId),
      hash: submitted.body.data.hash,
    });

    const accepted = await enter(documentId);
    expect(accepted.status).toBe(201);
    expect(await publicState(documentId)).toMatchObject({ phase: 'open', rulesApproved: true });

    // The window or the prizes are not the rules text: moving the dates keeps the approval.
    await setWindow(app.strapi, documentId, new Date(Date.now() - HOUR), new Date(Date.now() + 48 * HOUR));
    expect((await enter(documentId)).status).toBe(201);
  });

  it('an edit of the rules voids the approval: entries stop until someone approves them again', async () => {
    const organiser = await person('organiser');
    const approver = await person('legal');
    const before = `Article 2 : un gagnant tiré au sort. ${unique()}`;
    const documentId = await contestWithRules(before);
    await approve(organiser, approver, documentId);
    expect((await enter(documentId)).status).toBe(201);

    const after = `Article 2 : trois gagnants tirés au sort. ${unique()}`;
    await editRules(organiser, documentId, after, true);
    const voided = await enter(documentId);
    expect(voided.status).toBe(403);
    expect(voided.body.error.details).toMatchObject({ reason: 'rules_not_approved', approval: 'voided' });
    expect(voided.body.error.message).toMatch(/a changé depuis sa validation/);
    expect(await publicState(documentId)).toMatchObject({ rulesApproved: false });

    const review = (await approver.get(`/editorial/review?type=${EVENT}&documentId=${documentId}&locale=fr`))
      .body.data;
    expect(review.status).toBe('in_review');
    const entry = review.history.find((e: any) => e.action === 'voided');
    expect(entry.details.changes).toEqual([{ field: 'body', before, after }]);

    // Approving again opens it again, with the new rules.
    const again = await approver.post('/editorial/review/approve', {
      ...subject(documentId),
      hash: review.hash,
    });
    expect(again.body.data.status).toBe('approved');
    expect((await enter(documentId)).status).toBe(201);
  });

  it('an approved draft of the rules does not open the contest until it is the published text', async () => {
    const organiser = await person('organiser');
    const approver = await person('legal');
    const documentId = await contestWithRules(`Article 3 : ouvert aux résidents de France. ${unique()}`);
    await approve(organiser, approver, documentId);
    // A new text, approved but only saved: entrants still read the old one, which is no longer approved.
    await editRules(
      organiser,
      documentId,
      `Article 3 : ouvert aux résidents de France et de Belgique. ${unique()}`,
      false
    );
    const review = (await approver.get(`/editorial/review?type=${EVENT}&documentId=${documentId}&locale=fr`))
      .body.data;
    await approver.post('/editorial/review/approve', { ...subject(documentId), hash: review.hash });
    const unpublished = await enter(documentId, 'en');
    expect(unpublished.status).toBe(403);
    expect(unpublished.body.error.details).toMatchObject({
      reason: 'rules_not_approved',
      approval: 'not_published',
    });
    expect(unpublished.body.error.message).toMatch(/approved version of its rules is not published/);

    await app.strapi.documents(EVENT).publish({ documentId, locale: 'fr' });
    expect((await enter(documentId)).status).toBe(201);
  });

  it('only contests take part: another event has no review', async () => {
    const organiser = await person('organiser');
    const meetup = await createContest(app.strapi, {}, { kind: 'meetup' });
    const response = await organiser.get(`/editorial/review?type=${EVENT}&documentId=${meetup}&locale=fr`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.reason).toBe('not_reviewed_document');
  });
});
