/**
 * The inbox on Instagram and Threads: readers' comments (Instagram `/comments`) and replies (Threads
 * `/conversation`) under each of our recent posts, 50 a page with the `after` cursor, placed under the
 * post or the comment they answer; read again, each is kept once. From the queue a reader is answered
 * (Instagram under the top-level comment, Threads under the reply itself, in two steps), hidden, and
 * our answer deleted; a refusal of the network says what to do and changes nothing.
 */
import sharp from 'sharp';

import { useInboxApp } from '../../harness/inbox';
import { mediaLibrary } from '../../harness/media-library';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, unique } from './helpers';

describe('inbox: Instagram comments and Threads replies', () => {
  const inbox = useInboxApp({ env: { CROSS_POST_PUBLIC_URL: 'https://porte-voix.example' } });
  const library = mediaLibrary(() => inbox.app.strapi);
  afterAll(() => library.removeAll());

  /** Instagram publishes nothing without an image: a post with one JPEG of the media library. */
  async function publishWithImage(accountId: number) {
    const strapi = inbox.app.strapi;
    const data = await sharp({ create: { width: 1080, height: 1080, channels: 3, background: '#3366aa' } })
      .jpeg()
      .toBuffer();
    const photo = await library.add(data, { mime: 'image/jpeg', ext: 'jpg', prefix: 'photo' });
    const title = unique('Photo');
    const documentId = await library.postWith([photo], { title, body: `${title} : la photo du jour` });
    await strapi.plugin('cross-post').service('deliveries').schedule(documentId, [accountId], new Date());
    while ((await strapi.plugin('cross-post').service('dispatcher').runOnce()) > 0);
    const delivery = await strapi
      .query('plugin::cross-post.delivery' as any)
      .findOne({ where: { postDocumentId: documentId, accountId } });
    if (delivery?.status !== 'published') throw new Error(`not published: ${JSON.stringify(delivery)}`);
    return { postDocumentId: documentId, remoteId: String(delivery.remoteId) };
  }

  for (const network of ['instagram', 'threads'] as const) {
    it(`collects ${network}'s readers under our post, 50 a page, each once`, async () => {
      const fake = inbox.fakes[network];
      const accessToken = unique(network);
      const account = await createAccount(inbox.app.strapi, inbox.fakes, network as any, {
        name: unique(network),
        credentials: {
          userId: String(17841400000000000 + Math.floor(Math.random() * 1e6)),
          accessToken,
        },
      });
      const post =
        network === 'instagram'
          ? await publishWithImage(account.id)
          : await publishOne(inbox.app.strapi, account.id);
      const question = fake.addReply(post.remoteId, { text: 'C’est à quelle heure ?', username: 'camille' });
      fake.addReply(post.remoteId, { text: 'À 18 h !', username: 'hugo', parentId: question });
      // The team answered in the app itself, as the account: not a reader's reply.
      fake.addReply(post.remoteId, {
        text: 'Rendez-vous à 18 h devant la mairie.',
        username: fake.usernameOf(accessToken),
        parentId: question,
      });
      for (let i = 0; i < 120; i++)
        fake.addReply(post.remoteId, { text: `Bravo ${i}`, username: `lecteur${i}` });
      fake.requests.length = 0;

      await inboxOnce(inbox.app.strapi);
      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows).toHaveLength(122);
      expect(rows.map((row: any) => row.content)).not.toContain('Rendez-vous à 18 h devant la mairie.');
      const asked = rows.find((row: any) => row.remoteId === question);
      expect(asked).toMatchObject({
        sourceNetwork: network,
        targetKey: `post:${post.postDocumentId}`,
        remoteParentId: post.remoteId,
        authorHandle: 'camille',
        content: 'C’est à quelle heure ?',
      });
      expect(rows.find((row: any) => row.remoteParentId === question)).toMatchObject({
        parentId: asked.documentId,
      });
      const pages = fake.requests.filter((r) => /\/(comments|conversation)$/.test(r.path));
      expect(pages).toHaveLength(3);

      await dueNow(inbox.app.strapi, account.id);
      await inboxOnce(inbox.app.strapi);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(122);
    });
  }

  async function collectedConversation(network: 'instagram' | 'threads') {
    const fake = inbox.fakes[network];
    const accessToken = unique(network);
    const account = await createAccount(inbox.app.strapi, inbox.fakes, network as any, {
      name: unique(network),
      credentials: { userId: String(17841400000000000 + Math.floor(Math.random() * 1e6)), accessToken },
    });
    const post =
      network === 'instagram'
        ? await publishWithImage(account.id)
        : await publishOne(inbox.app.strapi, account.id);
    const question = fake.addReply(post.remoteId, { text: 'Il reste des places ?', username: 'camille' });
    const followUp = fake.addReply(post.remoteId, {
      text: 'Pour samedi aussi ?',
      username: 'hugo',
      parentId: question,
    });
    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    const rowOf = (id: string) => rows.find((row: any) => row.remoteId === id);
    return {
      fake,
      accessToken,
      post,
      question,
      followUp,
      questionRow: rowOf(question),
      followUpRow: rowOf(followUp),
    };
  }

  const answer = (documentId: string, body: object) =>
    inbox.admin('post', `/moderation/comments/${documentId}/reply`, body);

  const NAMES = { instagram: 'Instagram', threads: 'Threads' } as const;

  for (const network of ['instagram', 'threads'] as const) {
    const name = NAMES[network];
    it(`answers a reader on ${name} once, threaded as ${name} threads it, even when sent twice`, async () => {
      const { fake, accessToken, post, question, followUp, followUpRow } =
        await collectedConversation(network);
      const body = { text: 'Oui, samedi aussi !', idempotencyKey: inbox.answerKey() };
      const { published } = await inbox.answerTwiceAtOnce(followUpRow.documentId, body, () =>
        fake.published.filter((p) => p.account === accessToken && p.inReplyTo)
      );
      const again = await answer(followUpRow.documentId, body);
      expect(again.body.data).toMatchObject({ status: 'sent', inReplyTo: followUp });

      // Instagram threads one level deep: the answer to a reply is under its top-level comment.
      expect(published).toMatchObject({
        text: 'Oui, samedi aussi !',
        inReplyTo: network === 'instagram' ? question : followUp,
      });
      expect(again.body.data.remoteId).toBe(published.id);
      expect(fake.findReply(published.id)).toMatchObject({ postId: post.remoteId });
    });

    it(`hides a reader on ${name}, deletes our answer, and says why ${name} refuses`, async () => {
      const { fake, accessToken, question, questionRow } = await collectedConversation(network);

      // A token the network no longer accepts: a clear refusal, and the comment stays in view.
      fake.revokedTokens.add(accessToken);
      const refused = await inbox.admin('post', `/moderation/comments/${questionRow.documentId}/hide`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/reconnect the account/);
      expect(fake.findReply(question)!.reply.hidden).toBeFalsy();
      fake.revokedTokens.delete(accessToken);

      const sent = (
        await answer(questionRow.documentId, { text: 'Réponse à retirer', idempotencyKey: inbox.answerKey() })
      ).body.data;
      expect(sent.status).toBe('sent');

      const hidden = await inbox.admin('post', `/moderation/comments/${questionRow.documentId}/hide`);
      expect(hidden.status).toBe(200);
      expect(hidden.body.data.source.hiddenOnNetworkAt).toBeTruthy();
      expect(fake.findReply(question)!.reply.hidden).toBe(true);

      const removed = await inbox.admin(
        'delete',
        `/moderation/comments/${questionRow.documentId}/replies/${sent.id}`
      );
      expect(removed.status).toBe(200);
      expect(removed.body.data.status).toBe('deleted');
      expect(fake.deleted).toEqual([sent.remoteId]);
      expect(fake.findReply(sent.remoteId)).toBeUndefined();
    });
  }

  it('never re-sends an answer on Threads whose outcome is unknown', async () => {
    const { fake, accessToken, questionRow } = await collectedConversation('threads');
    const body = { text: 'Oui, il en reste.', idempotencyKey: inbox.answerKey() };
    fake.failNext('drop-after-accept');
    expect((await answer(questionRow.documentId, body)).body.data.status).toBe('unconfirmed');
    const again = (await answer(questionRow.documentId, body)).body.data;
    expect(again).toMatchObject({ status: 'unconfirmed' });
    expect(again.failureReason).toMatch('check on Threads');
    expect(fake.published.filter((p) => p.account === accessToken && p.inReplyTo)).toHaveLength(1);
  });

  it('finds an Instagram answer whose outcome was unknown in its thread by the account’s username, and never re-sends one it cannot find', async () => {
    const { fake, accessToken, post, question, followUpRow } = await collectedConversation('instagram');
    const ours = () => fake.published.filter((p) => p.account === accessToken && p.inReplyTo);
    // A reader wrote the same words in the same thread: not ours.
    fake.addReply(post.remoteId, { text: 'Oui, il en reste.', username: 'nina', parentId: question });
    // A busy thread: our answer comes after more than a page of replies.
    for (let i = 0; i < 60; i++)
      fake.addReply(post.remoteId, { text: `Moi aussi ${i}`, username: `lecteur${i}`, parentId: question });
    const body = { text: 'Oui, il en reste.', idempotencyKey: inbox.answerKey() };
    fake.failNext('drop-after-accept');
    const first = (await answer(followUpRow.documentId, body)).body.data;
    expect(first.status).toBe('unconfirmed');
    expect(first.failureReason).toMatch('check on Instagram');
    // The answer to a reply sits under the top-level comment: looked for there, recorded sent.
    const again = (await answer(followUpRow.documentId, body)).body.data;
    expect(ours()).toHaveLength(1);
    expect(again).toMatchObject({ status: 'sent', remoteId: ours()[0].id });

    // Lost before Instagram had it: not found, and still not sent again blindly.
    const lost = { text: 'Et dimanche aussi.', idempotencyKey: inbox.answerKey() };
    fake.failNext('drop-before-store');
    expect((await answer(followUpRow.documentId, lost)).body.data.status).toBe('unconfirmed');
    expect((await answer(followUpRow.documentId, lost)).body.data.status).toBe('unconfirmed');
    expect(ours()).toHaveLength(1);
  });

  it('publishes the container a Threads answer created, once, after a failed or lost publish', async () => {
    const { fake, accessToken, question, questionRow } = await collectedConversation('threads');
    const containers = () =>
      [...fake.containers.values()].filter((c) => c.account === accessToken && c.replyTo === question);
    const body = { text: 'Oui, deux places.', idempotencyKey: inbox.answerKey() };

    // Threads refuses the publish (5xx): the container stays, kept on the answer for the next attempt.
    fake.failNext('server-error');
    expect((await answer(questionRow.documentId, body)).body.data.status).toBe('failed');
    // The connection is cut before Threads publishes: the outcome is unknown, the container still known.
    fake.failNext('drop-before-store');
    expect((await answer(questionRow.documentId, body)).body.data.status).toBe('unconfirmed');
    expect(containers()).toHaveLength(1);

    const sent = (await answer(questionRow.documentId, body)).body.data;
    expect(sent).toMatchObject({ status: 'sent', attemptCount: 3 });
    expect(containers()).toEqual([expect.objectContaining({ status: 'PUBLISHED', mediaId: sent.remoteId })]);
    const answers = fake.published.filter((p) => p.account === accessToken && p.inReplyTo);
    expect(answers).toEqual([expect.objectContaining({ id: sent.remoteId, inReplyTo: question })]);
  });

  it('refuses to hide a nested Threads reply (Threads hides top-level replies only), clearly', async () => {
    const { fake, followUp, followUpRow } = await collectedConversation('threads');
    const refused = await inbox.admin('post', `/moderation/comments/${followUpRow.documentId}/hide`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Threads refused.*top-level replies/);
    expect(fake.findReply(followUp)!.reply.hidden).toBeFalsy();
  });
});
