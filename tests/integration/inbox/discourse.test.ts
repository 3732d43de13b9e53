/**
 * The inbox on Discourse: readers' posts in the topics our posts are in, swept topic by topic from the
 * topic's `post_stream.stream`, 20 posts a read (`post_ids[]`), only the ids above the forum's newest
 * post when the last sweep started; each placed under the post it answers (`reply_to_post_number`) or
 * under our post, with the author's profile and the post's link. From the queue a post is answered in
 * its topic under the reader's, once (no idempotency key: an unknown outcome is never re-sent), and our
 * answer deleted; a 429 in Discourse's shape holds the source until the time it names.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, publishedOnDiscourse, sourceOf, unique } from './helpers';

describe('inbox: Discourse replies', () => {
  const inbox = useInboxApp();
  const fake = () => inbox.fakes.discourse;

  const forumAccount = () => publishedOnDiscourse(inbox.app.strapi, inbox.fakes);

  /** The `post_ids[]` of every posts read since the requests were last cleared. */
  const postReads = () =>
    fake()
      .requests.filter((r) => /^\/t\/\d+\/posts\.json$/.test(r.path))
      .map((r) => new URLSearchParams(r.query).getAll('post_ids[]').map(Number));

  it('collects readers’ posts in our topic once, in their thread, then only the posts written later', async () => {
    const { account, username, topic } = await forumAccount();
    const question = fake().addPost(topic.remoteId, {
      username: 'camille',
      raw: 'L’atelier est-il gratuit ?',
    });
    const answer = fake().addPost(topic.remoteId, {
      username: 'hugo',
      raw: 'Oui, entrée libre.',
      replyTo: 2,
    });
    fake().addPost(topic.remoteId, { username, raw: 'Notre propre message dans le sujet.' });
    fake().addPost(topic.remoteId, { username: 'moderateur', raw: 'closed', postType: 3 });

    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows.map((row: any) => row.remoteId)).toEqual([String(question), String(answer)]);
    const topicId = fake().post(topic.remoteId)!.topicId;
    const base = fake().baseUrl;
    expect(rows[0]).toMatchObject({
      sourceNetwork: 'discourse',
      targetKey: `post:${topic.postDocumentId}`,
      remoteParentId: topic.remoteId,
      remotePostId: topic.remoteId,
      authorHandle: 'camille',
      authorUrl: `${base}/u/camille`,
      content: 'L’atelier est-il gratuit ?',
    });
    expect(rows[0].remoteUrl).toMatch(new RegExp(`^${base}/t/[a-z0-9-]+/${topicId}/2$`));
    expect(rows[1]).toMatchObject({ remoteParentId: String(question), parentId: rows[0].documentId });

    // A second round keeps nothing twice; a post written later is kept (the topic's first chunk carries it).
    await dueNow(inbox.app.strapi, account.id);
    await inboxOnce(inbox.app.strapi);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(2);

    const later = fake().addPost(topic.remoteId, {
      username: 'lea',
      raw: 'Et pour les enfants ?',
      replyTo: 1,
    });
    await dueNow(inbox.app.strapi, account.id);
    await inboxOnce(inbox.app.strapi);
    const again = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(again.map((row: any) => row.remoteId)).toEqual([String(question), String(answer), String(later)]);
    expect(again[2]).toMatchObject({ remoteParentId: topic.remoteId, authorHandle: 'lea' });
  });

  it('reads a long topic 20 posts at a time, threads a reply to a post of another page, then reads only newer posts', async () => {
    const { account, topic } = await forumAccount();
    const ids: number[] = [];
    for (let i = 0; i < 45; i++)
      ids.push(fake().addPost(topic.remoteId, { username: `lecteur${i}`, raw: `Message numéro ${i}` }));
    // Post number 47 answers number 25 (read on the page before: asked for again to know its id).
    const late = fake().addPost(topic.remoteId, {
      username: 'camille',
      raw: 'Je réponds à 25.',
      replyTo: 25,
    });
    fake().requests.length = 0;

    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows).toHaveLength(46);
    // The first chunk carries posts 1 to 20; the others are asked for 20 at most at a time.
    expect(postReads()).toEqual([[ids[19]], ids.slice(20, 40), [...ids.slice(40), late], [ids[23]]]);
    const parent = rows.find((row: any) => row.remoteId === String(ids[23]));
    expect(rows.find((row: any) => row.remoteId === String(late))).toMatchObject({
      remoteParentId: String(ids[23]),
      parentId: parent.documentId,
    });

    // The next sweep asks only for the post written since.
    const newer = fake().addPost(topic.remoteId, { username: 'hugo', raw: 'Un message de plus.' });
    await dueNow(inbox.app.strapi, account.id);
    fake().requests.length = 0;
    await inboxOnce(inbox.app.strapi);
    expect(postReads()).toEqual([[newer]]);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(47);
  });

  it('reads the account’s own topic once a sweep, each reader under the post of ours they follow', async () => {
    const opener = await forumAccount();
    await inboxOnce(inbox.app.strapi);
    const topicId = fake().post(opener.topic.remoteId)!.topicId;
    // Post number 2, from before our first post: not collected, and a reply to it stays under ours.
    fake().addPost(opener.topic.remoteId, {
      username: 'camille',
      raw: 'Écrit avant notre première réponse.',
    });
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'discourse' as any, {
      name: unique('Forum'),
      credentials: { apiKey: 'discourse-key', username: unique('porte-voix'), topicId: String(topicId) },
    });
    const first = await publishOne(inbox.app.strapi, account.id);
    const toFirst = fake().addPost(opener.topic.remoteId, { username: 'hugo', raw: 'Après la première.' });
    const second = await publishOne(inbox.app.strapi, account.id);
    const toSecond = fake().addPost(opener.topic.remoteId, { username: 'lea', raw: 'Après la seconde.' });
    const toEarly = fake().addPost(opener.topic.remoteId, {
      username: 'nina',
      raw: 'À Camille.',
      replyTo: 2,
    });
    fake().requests.length = 0;

    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows.map((row: any) => [row.remoteId, row.remoteParentId, row.targetKey])).toEqual([
      [String(toFirst), first.remoteId, `post:${first.postDocumentId}`],
      [String(toSecond), second.remoteId, `post:${second.postDocumentId}`],
      [String(toEarly), second.remoteId, `post:${second.postDocumentId}`],
    ]);
    expect(fake().requests.filter((r) => r.path === `/t/${topicId}.json`)).toHaveLength(1);
  });

  it('holds the source until the time a 429 names', async () => {
    const { account } = await forumAccount();
    fake()
      .configure({ rateLimitWaitMs: 10 * 60_000 })
      .failNextRead('rate-limit');
    await inboxOnce(inbox.app.strapi);
    const source = await sourceOf(inbox.app.strapi, account.id);
    expect(source).toMatchObject({
      lastErrorKind: 'rate_limited',
      lastError: expect.stringMatching(/^Discourse rate limit/),
    });
    // `extras.wait_seconds` (and Retry-After) said 600 s; a 429 that names nothing waits 15 minutes.
    const waitMs = new Date(source.nextRunAt).getTime() - Date.now();
    expect(waitMs).toBeGreaterThan(9 * 60_000);
    expect(waitMs).toBeLessThanOrEqual(10 * 60_000);
    fake().configure({ rateLimitWaitMs: 1000 });
  });

  async function collectedQuestion() {
    const forum = await forumAccount();
    const question = fake().addPost(forum.topic.remoteId, {
      username: 'camille',
      raw: 'Le parking est-il gratuit ?',
    });
    const followUp = fake().addPost(forum.topic.remoteId, {
      username: 'hugo',
      raw: 'Et le dimanche ?',
      replyTo: 2,
    });
    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: forum.account.id });
    const rowOf = (id: number) => rows.find((row: any) => row.remoteId === String(id));
    return { ...forum, question, followUp, questionRow: rowOf(question), followUpRow: rowOf(followUp) };
  }

  const answersBy = (username: string) =>
    fake().published.filter((p) => p.account === username && p.inReplyTo);

  it('answers a post in its topic under the reader’s, once even when sent twice at once', async () => {
    const { username, topic, followUp, followUpRow } = await collectedQuestion();
    const body = {
      text: 'Oui, le parking est gratuit le dimanche aussi.',
      idempotencyKey: inbox.answerKey(),
    };
    const { published } = await inbox.answerTwiceAtOnce(followUpRow.documentId, body, () =>
      answersBy(username)
    );
    const again = await inbox.admin('post', `/moderation/comments/${followUpRow.documentId}/reply`, body);
    expect(again.body.data).toMatchObject({ status: 'sent', inReplyTo: String(followUp) });

    expect(published.inReplyTo).toBe(String(followUp));
    expect(again.body.data.remoteId).toBe(published.id);
    expect(fake().post(published.id)).toMatchObject({
      topicId: fake().post(topic.remoteId)!.topicId,
      replyToPostNumber: 3,
      raw: 'Oui, le parking est gratuit le dimanche aussi.',
    });
  });

  it('finds an answer whose outcome was unknown by author and text, and never re-sends one it cannot find', async () => {
    const { username, questionRow } = await collectedQuestion();
    const path = `/moderation/comments/${questionRow.documentId}/reply`;
    // The forum kept it, the answer was lost: looked for in the topic, recorded sent, not posted twice.
    const kept = { text: 'Oui, il est gratuit toute la semaine.', idempotencyKey: inbox.answerKey() };
    fake().failNext('drop-after-accept');
    const first = (await inbox.admin('post', path, kept)).body.data;
    expect(first.status).toBe('unconfirmed');
    expect(first.failureReason).toMatch(/check on Discourse/);
    const again = (await inbox.admin('post', path, kept)).body.data;
    const [published] = answersBy(username).filter((p) => p.text === kept.text);
    expect(again).toMatchObject({ status: 'sent', remoteId: published.id });
    expect(again.url).toMatch(new RegExp(`/t/[a-z0-9-]+/${fake().post(published.id)!.topicId}/\\d+$`));
    expect(answersBy(username).filter((p) => p.text === kept.text)).toHaveLength(1);

    // Lost before the forum had it: not found, and still not sent again blindly.
    const lost = { text: 'Le parking ouvre à 8 h le dimanche.', idempotencyKey: inbox.answerKey() };
    fake().failNext('drop-before-store');
    expect((await inbox.admin('post', path, lost)).body.data.status).toBe('unconfirmed');
    expect((await inbox.admin('post', path, lost)).body.data.status).toBe('unconfirmed');
    expect(answersBy(username).filter((p) => p.text === lost.text)).toHaveLength(0);
  });

  it('deletes our answer from the forum, and says a reader’s post cannot be hidden', async () => {
    const { questionRow } = await collectedQuestion();
    const hidden = await inbox.admin('post', `/moderation/comments/${questionRow.documentId}/hide`);
    expect(hidden.status).toBe(400);

    const sent = (
      await inbox.admin('post', `/moderation/comments/${questionRow.documentId}/reply`, {
        text: 'Une réponse que nous allons retirer.',
        idempotencyKey: inbox.answerKey(),
      })
    ).body.data;
    expect(sent.status).toBe('sent');
    expect(fake().post(sent.remoteId)).toBeDefined();
    const removed = await inbox.admin(
      'delete',
      `/moderation/comments/${questionRow.documentId}/replies/${sent.id}`
    );
    expect(removed.status).toBe(200);
    expect(removed.body.data.status).toBe('deleted');
    expect(fake().deleted).toContain(Number(sent.remoteId));
    expect(fake().post(sent.remoteId)).toBeUndefined();
  });
});
