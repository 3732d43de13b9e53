/**
 * An Instagram account's direct messages in the inbox: only the conversations updated since the last
 * read, page by page, each message once, never the account's own; answered privately to the person
 * with the Send API, exactly once even when the connection drops; Instagram's 24-hour window refused
 * in the editor's words; a token without the messaging permission said on the source while comments
 * are still read.
 */
import sharp from 'sharp';

import { useInboxApp } from '../../harness/inbox';
import { mediaLibrary } from '../../harness/media-library';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, sourceOf, unique } from './helpers';

describe('inbox: Instagram direct messages', () => {
  const inbox = useInboxApp({ env: { CROSS_POST_PUBLIC_URL: 'https://porte-voix.example' } });
  const library = mediaLibrary(() => inbox.app.strapi);
  afterAll(() => library.removeAll());
  const instagram = () => inbox.fakes.instagram;

  /** An Instagram account with one photo published (Instagram publishes nothing without an image). */
  async function publishedAccount() {
    const strapi = inbox.app.strapi;
    const userId = String(17841400000000000 + Math.floor(Math.random() * 1e6));
    const account = await createAccount(strapi, inbox.fakes, 'instagram', {
      name: unique('Instagram'),
      credentials: { userId, accessToken: unique('instagram') },
    });
    const data = await sharp({ create: { width: 1080, height: 1080, channels: 3, background: '#aa3366' } })
      .jpeg()
      .toBuffer();
    const photo = await library.add(data, { mime: 'image/jpeg', ext: 'jpg', prefix: 'photo' });
    const title = unique('Photo');
    const documentId = await library.postWith([photo], { title, body: `${title} : la photo du jour` });
    await strapi.plugin('cross-post').service('deliveries').schedule(documentId, [account.id], new Date());
    while ((await strapi.plugin('cross-post').service('dispatcher').runOnce()) > 0);
    const delivery = await strapi
      .query('plugin::cross-post.delivery' as any)
      .findOne({ where: { postDocumentId: documentId, accountId: account.id } });
    if (delivery?.status !== 'published') throw new Error(`not published: ${JSON.stringify(delivery)}`);
    return { account, userId, remoteId: String(delivery.remoteId) };
  }

  const conversationReads = (userId: string) =>
    instagram()
      .requests.filter((r) => r.path.endsWith(`/${userId}/conversations`))
      .map((r) => new URLSearchParams(r.query));
  const round = async (accountId: number) => {
    await dueNow(inbox.app.strapi, accountId);
    await inboxOnce(inbox.app.strapi);
  };
  const answer = (documentId: string, body: object) =>
    inbox.admin('post', `/moderation/comments/${documentId}/reply`, body);
  const messageId = (m: { conversationId: string; psid: string; messageId: string }) =>
    `dm:${m.conversationId}:${m.psid}:${m.messageId}`;

  it('collects each message once, never the account’s own, following the pages of conversations', async () => {
    const { account, userId } = await publishedAccount();
    const clock = instagram().clockOffsetMs;
    instagram().advanceTime(60_000);
    try {
      for (let i = 0; i < 30; i++)
        instagram().addDirectMessage(userId, {
          text: `Question ${i}`,
          username: `p${i}`,
          ageMs: (40 - i) * 1000,
        });
      const question = instagram().addDirectMessage(userId, {
        text: 'Vous avez la taille 38 ?',
        username: 'camille.b',
        ageMs: 5_000,
      });
      instagram().addDirectMessage(userId, { text: 'Oui !', username: 'camille.b', fromAccount: true });
      instagram().requests.length = 0;
      await inboxOnce(inbox.app.strapi);

      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows).toHaveLength(31);
      expect(rows.find((row: any) => row.remoteId === messageId(question))).toMatchObject({
        sourceNetwork: 'instagram',
        authorHandle: 'camille.b',
        authorUrl: 'https://www.instagram.com/camille.b/',
        content: 'Vous avez la taille 38 ?',
        privateMessage: true,
      });
      expect(rows.some((row: any) => row.content === 'Oui !')).toBe(false);
      const reads = conversationReads(userId);
      // Two pages, then the top once more: nothing was updated while the descent went down.
      expect(reads.map((q) => q.get('platform'))).toEqual(['instagram', 'instagram', 'instagram']);
      expect(reads[0].get('after')).toBeNull();
      expect(reads[1].get('after')).toBeTruthy();
      expect(reads[2].get('limit')).toBe('1');

      // Nothing new: one read a round, stopped at the last update kept, nothing collected twice.
      instagram().requests.length = 0;
      await round(account.id);
      await round(account.id);
      expect(conversationReads(userId)).toHaveLength(2);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(31);

      instagram().advanceTime(2_000);
      const again = instagram().addDirectMessage(userId, { text: 'Et en 40 ?', username: 'camille.b' });
      await round(account.id);
      const after = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(after).toHaveLength(32);
      expect(after.filter((row: any) => row.remoteId === messageId(again))).toHaveLength(1);
    } finally {
      instagram().clockOffsetMs = clock;
    }
  });

  it('answers privately to the person with the Send API, exactly once, even when the connection drops', async () => {
    const { userId } = await publishedAccount();
    const question = instagram().addDirectMessage(userId, { text: 'Vous livrez à Lyon ?', username: 'hugo' });
    await inboxOnce(inbox.app.strapi);
    const [row] = await collected(inbox.app.strapi, { remoteId: messageId(question) });
    const ours = (text: string) =>
      instagram()
        .directMessages(question.conversationId)
        .filter((m) => m.fromOwner && m.message === text);
    const publicAnswers = () => instagram().published.filter((p) => p.inReplyTo !== question.psid);
    const before = publicAnswers().length;

    const first = { text: 'Oui, sous 48 h.', idempotencyKey: inbox.answerKey() };
    expect((await answer(row.documentId, first)).body.data.status).toBe('sent');
    expect((await answer(row.documentId, first)).body.data.status).toBe('sent');
    expect(ours('Oui, sous 48 h.')).toHaveLength(1);

    // Instagram stored the message, then the connection dropped: the same answer again is found, not re-sent.
    instagram().failNext('drop-after-accept');
    const lost = { text: 'Et à Grenoble aussi.', idempotencyKey: inbox.answerKey() };
    expect((await answer(row.documentId, lost)).body.data.status).toBe('unconfirmed');
    const confirmed = (await answer(row.documentId, lost)).body.data;
    expect(confirmed.status).toBe('sent');
    expect(ours('Et à Grenoble aussi.')).toEqual([
      expect.objectContaining({ id: confirmed.remoteId.split(':').pop() }),
    ]);
    // Never as a public comment.
    expect(publicAnswers()).toHaveLength(before);
  });

  it('says why Instagram refuses an answer more than 24 hours after the person’s last message', async () => {
    const { userId } = await publishedAccount();
    const question = instagram().addDirectMessage(userId, { text: 'Un souci de taille', username: 'ines' });
    await inboxOnce(inbox.app.strapi);
    const [row] = await collected(inbox.app.strapi, { remoteId: messageId(question) });
    const clock = instagram().clockOffsetMs;
    instagram().advanceTime(25 * 3_600_000);
    try {
      const refused = (await answer(row.documentId, { text: 'Désolés !', idempotencyKey: inbox.answerKey() }))
        .body.data;
      expect(refused.status).toBe('failed');
      expect(refused.failureKind).toBe('window_closed');
      expect(refused.failureReason).toMatch(
        "Instagram lets an account answer a private message only within 24 hours of the person's last message"
      );
      expect(
        instagram()
          .directMessages(question.conversationId)
          .filter((m) => m.fromOwner)
      ).toHaveLength(0);
    } finally {
      instagram().clockOffsetMs = clock;
    }
  });

  it('says on the source when the token cannot read direct messages, and still collects comments', async () => {
    const { account, userId, remoteId } = await publishedAccount();
    instagram().messagingRefused = true;
    try {
      instagram().addDirectMessage(userId, { text: 'Message privé', username: 'lou' });
      const comment = instagram().addReply(remoteId, { text: 'Super photo', username: 'lou' });
      await inboxOnce(inbox.app.strapi);
      expect(
        (await collected(inbox.app.strapi, { sourceAccountId: account.id })).map((r: any) => r.remoteId)
      ).toEqual([comment]);
      expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(
        /Instagram does not let this app read the account's direct messages.*instagram_business_manage_messages/
      );

      // Not asked again for a day, and still said.
      instagram().requests.length = 0;
      await round(account.id);
      expect(conversationReads(userId)).toHaveLength(0);
      expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(/direct messages/);
    } finally {
      instagram().messagingRefused = false;
    }
  });
});
