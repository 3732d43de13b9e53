/**
 * The inbox on WordPress: readers' approved comments under each of our recent articles, swept article
 * by article from the time the last sweep started, 100 a page (`page` and `X-WP-TotalPages`), placed
 * under the article or under the comment they answer; read again, each comment is kept once. From the
 * queue a comment is answered on its article under the reader's, held back (unapproved) and our
 * answer trashed; a refusal of the blog says what to do and changes nothing.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, unique } from './helpers';

describe('inbox: WordPress comments', () => {
  const inbox = useInboxApp();

  const commentReads = () =>
    inbox.fakes.wordpress.requests
      .filter((r) => r.path === '/wp-json/wp/v2/comments')
      .map((r) => new URLSearchParams(r.query));

  it('sweeps the comments of each recent article, 100 a page, then reads on from the last sweep', async () => {
    const username = unique('redaction');
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'wordpress' as any, {
      name: unique('Blog'),
      credentials: { username, appPassword: 'abcd efgh ijkl mnop qrst uvwx' },
    });
    const first = await publishOne(inbox.app.strapi, account.id);
    const second = await publishOne(inbox.app.strapi, account.id);
    const question = inbox.fakes.wordpress.addComment(first.remoteId, {
      text: 'Est-ce que l’atelier est gratuit ?',
      author: 'Camille',
    });
    inbox.fakes.wordpress.addComment(first.remoteId, { text: 'Oui, entrée libre.', parentId: question });
    // The team answered on the blog itself, as the account's user: not a reader's comment.
    inbox.fakes.wordpress.addComment(first.remoteId, {
      text: 'Entrée libre, inscription conseillée.',
      parentId: question,
      asUser: username,
    });
    for (let i = 0; i < 230; i++)
      inbox.fakes.wordpress.addComment(second.remoteId, { text: `Commentaire ${i}`, author: `Lecteur ${i}` });
    inbox.fakes.wordpress.requests.length = 0;

    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows).toHaveLength(232);
    expect(rows.map((row: any) => row.content)).not.toContain('Entrée libre, inscription conseillée.');
    const asked = rows.find((row: any) => row.remoteId === String(question));
    expect(asked).toMatchObject({
      sourceNetwork: 'wordpress',
      targetKey: `post:${first.postDocumentId}`,
      remoteParentId: first.remoteId,
      authorHandle: 'Camille',
      content: 'Est-ce que l’atelier est gratuit ?',
    });
    expect(rows.find((row: any) => row.remoteParentId === String(question))).toMatchObject({
      parentId: asked.documentId,
    });

    // One page for the first article, three of at most 100 for the second.
    const sweep = commentReads();
    expect(sweep.map((q) => [q.get('post'), q.get('page')])).toEqual([
      [first.remoteId, '1'],
      [second.remoteId, '1'],
      [second.remoteId, '2'],
      [second.remoteId, '3'],
    ]);
    for (const q of sweep) expect(Number(q.get('per_page'))).toBeLessThanOrEqual(100);

    // The next sweep reads from when the last one started, and keeps each comment once.
    inbox.fakes.wordpress.addComment(first.remoteId, { text: 'Merci pour la réponse !' });
    await dueNow(inbox.app.strapi, account.id);
    inbox.fakes.wordpress.requests.length = 0;
    await inboxOnce(inbox.app.strapi);
    const again = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(again).toHaveLength(233);
    const next = commentReads();
    expect(Date.parse(next[0].get('after')!)).toBeGreaterThanOrEqual(Date.parse(sweep[0].get('after')!));
    expect(new Set(next.map((q) => q.get('post')))).toEqual(new Set([first.remoteId, second.remoteId]));
  });

  async function collectedQuestion() {
    const username = unique('redaction');
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'wordpress' as any, {
      name: unique('Blog'),
      credentials: { username, appPassword: 'abcd efgh ijkl mnop qrst uvwx' },
    });
    const article = await publishOne(inbox.app.strapi, account.id);
    const question = inbox.fakes.wordpress.addComment(article.remoteId, {
      text: 'Le parking est-il gratuit ?',
      author: 'Camille',
    });
    const followUp = inbox.fakes.wordpress.addComment(article.remoteId, {
      text: 'Et le dimanche ?',
      author: 'Hugo',
      parentId: question,
    });
    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    const rowOf = (id: number) => rows.find((row: any) => row.remoteId === String(id));
    return {
      username,
      article,
      question,
      followUp,
      questionRow: rowOf(question),
      followUpRow: rowOf(followUp),
    };
  }

  const answersBy = (username: string) =>
    inbox.fakes.wordpress.published.filter((p) => p.account === username && p.inReplyTo);

  it('answers a comment on its article under the reader’s, once even when sent twice', async () => {
    const { username, article, followUp, followUpRow } = await collectedQuestion();
    const body = { text: 'Oui, le dimanche aussi.', idempotencyKey: inbox.answerKey() };
    const { published } = await inbox.answerTwiceAtOnce(followUpRow.documentId, body, () =>
      answersBy(username)
    );
    const again = await inbox.admin('post', `/moderation/comments/${followUpRow.documentId}/reply`, body);
    expect(again.body.data).toMatchObject({ status: 'sent', inReplyTo: String(followUp) });

    expect(again.body.data.remoteId).toBe(published.id);
    expect(inbox.fakes.wordpress.comments.get(Number(published.id))).toMatchObject({
      post: Number(article.remoteId),
      parent: followUp,
      content: 'Oui, le dimanche aussi.',
      status: 'approved',
    });
  });

  it('finds an answer whose outcome was unknown by the account’s user, and never re-sends one it cannot find', async () => {
    const { username, article, question, questionRow } = await collectedQuestion();
    const body = { text: 'Oui, gratuit.', idempotencyKey: inbox.answerKey() };
    // A reader wrote the same words under the same comment: not ours.
    inbox.fakes.wordpress.addComment(article.remoteId, {
      text: 'Oui, gratuit.',
      author: 'Nina',
      parentId: question,
    });
    const path = `/moderation/comments/${questionRow.documentId}/reply`;
    inbox.fakes.wordpress.failNext('drop-after-accept');
    const first = (await inbox.admin('post', path, body)).body.data;
    expect(first.status).toBe('unconfirmed');
    expect(first.failureReason).toMatch(/check on WordPress/);
    // The blog kept it: looked for under the reader's comment by the account's user, recorded sent.
    const again = (await inbox.admin('post', path, body)).body.data;
    const [kept] = answersBy(username);
    expect(again).toMatchObject({ status: 'sent', remoteId: kept.id });
    expect(again.url).toMatch(new RegExp(`#comment-${kept.id}$`));
    expect(answersBy(username)).toHaveLength(1);

    // Lost before the blog had it: not found, and still not sent again blindly.
    const lost = { text: 'Le parking est gratuit aussi.', idempotencyKey: inbox.answerKey() };
    inbox.fakes.wordpress.failNext('drop-before-store');
    expect((await inbox.admin('post', path, lost)).body.data.status).toBe('unconfirmed');
    expect((await inbox.admin('post', path, lost)).body.data.status).toBe('unconfirmed');
    expect(answersBy(username)).toHaveLength(1);
  });

  it('holds a reader’s comment back, deletes our answer to the trash, and says why the blog refuses', async () => {
    const { username, question, questionRow, followUpRow } = await collectedQuestion();
    const fake = inbox.fakes.wordpress;

    // A user who may not moderate: a clear refusal, and the comment stays on the blog.
    fake.cannotModerate.add(username);
    const refused = await inbox.admin('post', `/moderation/comments/${questionRow.documentId}/hide`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Editor role/);
    expect(fake.comments.get(question)!.status).toBe('approved');
    fake.cannotModerate.delete(username);

    const hidden = await inbox.admin('post', `/moderation/comments/${questionRow.documentId}/hide`);
    expect(hidden.status).toBe(200);
    expect(hidden.body.data.source.hiddenOnNetworkAt).toBeTruthy();
    expect(fake.comments.get(question)!.status).toBe('hold');

    const sent = (
      await inbox.admin('post', `/moderation/comments/${followUpRow.documentId}/reply`, {
        text: 'Réponse à retirer',
        idempotencyKey: inbox.answerKey(),
      })
    ).body.data;
    expect(sent.status).toBe('sent');
    const removed = await inbox.admin(
      'delete',
      `/moderation/comments/${followUpRow.documentId}/replies/${sent.id}`
    );
    expect(removed.status).toBe(200);
    expect(removed.body.data.status).toBe('deleted');
    expect(fake.comments.get(Number(sent.remoteId))!.status).toBe('trash');
  });
});
