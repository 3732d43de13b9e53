/**
 * A Facebook Page's Messenger conversations in the inbox: only the conversations updated since the last
 * read, page by page, each message once, never the Page's own; answered privately to the person with
 * the Send API, exactly once even when the connection drops; Facebook's 24-hour window refused in the
 * editor's words; a token without `pages_messaging` said on the source while comments are still read.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, sourceOf, unique } from './helpers';

describe('inbox: Facebook Page conversations', () => {
  const inbox = useInboxApp();
  const facebook = () => inbox.fakes.facebook;

  async function publishedPage() {
    const pageId = String(1_000_000_000 + Math.floor(Math.random() * 1e9));
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'facebook', {
      name: unique('Facebook'),
      credentials: { pageId, pageAccessToken: unique('page-token') },
    });
    return { ...(await publishOne(inbox.app.strapi, account.id)), account, pageId };
  }

  const conversationReads = (pageId: string) =>
    facebook()
      .requests.filter((r) => r.path.endsWith(`/${pageId}/conversations`))
      .map((r) => new URLSearchParams(r.query));
  const round = async (accountId: number) => {
    await dueNow(inbox.app.strapi, accountId);
    await inboxOnce(inbox.app.strapi);
  };
  const answer = (documentId: string, body: object) =>
    inbox.admin('post', `/moderation/comments/${documentId}/reply`, body);
  const messageId = (m: { conversationId: string; psid: string; messageId: string }) =>
    `dm:${m.conversationId}:${m.psid}:${m.messageId}`;

  it('collects each message once, never the Page’s own, following the pages of conversations', async () => {
    const { account, pageId } = await publishedPage();
    // Graph counts time in whole seconds: the conversations are a second apart, the newest now.
    const clock = facebook().clockOffsetMs;
    facebook().advanceTime(60_000);
    try {
      for (let i = 0; i < 30; i++)
        facebook().addMessengerMessage(pageId, {
          text: `Question ${i}`,
          name: `P${i}`,
          ageMs: (40 - i) * 1000,
        });
      const question = facebook().addMessengerMessage(pageId, {
        text: 'Bonjour, le magasin ouvre à quelle heure ?',
        name: 'Camille',
        ageMs: 5_000,
      });
      facebook().addMessengerMessage(pageId, { text: 'À 9 h !', name: 'Camille', fromPage: true });
      facebook().requests.length = 0;
      await inboxOnce(inbox.app.strapi);

      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows).toHaveLength(31);
      expect(rows.find((row: any) => row.remoteId === messageId(question))).toMatchObject({
        sourceNetwork: 'facebook',
        authorHandle: 'Camille',
        content: 'Bonjour, le magasin ouvre à quelle heure ?',
      });
      expect(rows.some((row: any) => row.content === 'À 9 h !')).toBe(false);
      const reads = conversationReads(pageId);
      // Two pages, then the top once more: nothing was updated while the descent went down.
      expect(reads.map((q) => q.get('platform'))).toEqual(['messenger', 'messenger', 'messenger']);
      expect(reads[0].get('after')).toBeNull();
      expect(reads[1].get('after')).toBeTruthy();
      expect(reads[2].get('limit')).toBe('1');
      expect(reads[0].get('fields')).toMatch(
        /^updated_time,messages\.limit\(\d+\)\{id,message,from,created_time\}$/
      );

      // Nothing new: one read a round, stopped at the last update kept, nothing collected twice.
      facebook().requests.length = 0;
      await round(account.id);
      await round(account.id);
      expect(conversationReads(pageId)).toHaveLength(2);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(31);

      // Camille writes again: only the new message is collected.
      facebook().advanceTime(2_000);
      const again = facebook().addMessengerMessage(pageId, { text: 'Et le dimanche ?', name: 'Camille' });
      await round(account.id);
      const after = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(after).toHaveLength(32);
      expect(after.filter((row: any) => row.remoteId === messageId(again))).toHaveLength(1);
    } finally {
      facebook().clockOffsetMs = clock;
    }
  });

  it('reads every message of a conversation with more new messages than one call holds, then the others', async () => {
    const { account, pageId } = await publishedPage();
    const clock = facebook().clockOffsetMs;
    facebook().advanceTime(60_000);
    try {
      // 130 messages from Nina since the last read (a call reads 100 of one conversation), then Paul's.
      for (let i = 0; i < 130; i++)
        facebook().addMessengerMessage(pageId, {
          text: `Message ${i}`,
          name: 'Nina',
          ageMs: (200 - i) * 100,
        });
      facebook().addMessengerMessage(pageId, { text: 'Bonjour !', name: 'Paul' });
      await inboxOnce(inbox.app.strapi);
      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows).toHaveLength(131);
      expect(new Set(rows.map((row: any) => row.content)).size).toBe(131);
      await round(account.id);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(131);
    } finally {
      facebook().clockOffsetMs = clock;
    }
  });

  it('answers privately to the person with the Send API, exactly once, even when the connection drops', async () => {
    const { pageId } = await publishedPage();
    const question = facebook().addMessengerMessage(pageId, { text: 'Vous livrez à Lyon ?', name: 'Hugo' });
    await inboxOnce(inbox.app.strapi);
    const [row] = await collected(inbox.app.strapi, { remoteId: messageId(question) });
    const pageMessages = (text: string) =>
      facebook()
        .messengerMessages(question.conversationId)
        .filter((m) => m.fromPage && m.message === text);
    const comments = () => facebook().published.filter((p) => p.inReplyTo !== question.psid);
    const before = comments().length;

    const body = { text: 'Oui, sous 48 h.', idempotencyKey: inbox.answerKey() };
    await inbox.answerTwiceAtOnce(row.documentId, body, () =>
      facebook().published.filter((p) => p.inReplyTo === question.psid)
    );
    // Whichever request lost the race answered "sending": once settled, the same answer is "sent".
    expect((await answer(row.documentId, body)).body.data.status).toBe('sent');
    expect(pageMessages('Oui, sous 48 h.')).toHaveLength(1);

    // Facebook stored the message, then the connection dropped: the same answer again is found, not re-sent.
    facebook().failNext('drop-after-accept');
    const lost = { text: 'Et à Grenoble aussi.', idempotencyKey: inbox.answerKey() };
    expect((await answer(row.documentId, lost)).body.data.status).toBe('unconfirmed');
    const confirmed = (await answer(row.documentId, lost)).body.data;
    expect(confirmed.status).toBe('sent');
    expect(pageMessages('Et à Grenoble aussi.')).toEqual([
      expect.objectContaining({ id: confirmed.remoteId.split(':').pop() }),
    ]);
    // Never as a public comment.
    expect(comments()).toHaveLength(before);
  });

  it('says why Facebook refuses an answer more than 24 hours after the person’s last message', async () => {
    const { pageId } = await publishedPage();
    const question = facebook().addMessengerMessage(pageId, { text: 'Un souci de taille', name: 'Inès' });
    await inboxOnce(inbox.app.strapi);
    const [row] = await collected(inbox.app.strapi, { remoteId: messageId(question) });
    const clock = facebook().clockOffsetMs;
    facebook().advanceTime(25 * 3_600_000);
    try {
      const refused = (await answer(row.documentId, { text: 'Désolés !', idempotencyKey: inbox.answerKey() }))
        .body.data;
      expect(refused.status).toBe('failed');
      expect(refused.failureKind).toBe('window_closed');
      expect(refused.failureReason).toMatch(
        "Facebook lets a Page answer a private message only within 24 hours of the person's last message"
      );
      expect(
        facebook()
          .messengerMessages(question.conversationId)
          .filter((m) => m.fromPage)
      ).toHaveLength(0);
    } finally {
      facebook().clockOffsetMs = clock;
    }
  });

  it('says on the source when the Page token cannot read conversations, and still collects comments', async () => {
    const { account, pageId, remoteId } = await publishedPage();
    facebook().messagingRefused = true;
    try {
      facebook().addMessengerMessage(pageId, { text: 'Message privé', name: 'Lou' });
      const comment = facebook().addComment(remoteId, { text: 'Super annonce', name: 'Lou' });
      await inboxOnce(inbox.app.strapi);
      expect(
        (await collected(inbox.app.strapi, { sourceAccountId: account.id })).map((r: any) => r.remoteId)
      ).toEqual([comment]);
      expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(
        /Facebook does not let this app read the Page's Messenger conversations.*pages_messaging/
      );

      // Not asked again for a day, and still said; comments still read.
      facebook().requests.length = 0;
      await round(account.id);
      expect(conversationReads(pageId)).toHaveLength(0);
      expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(/Messenger conversations/);
    } finally {
      facebook().messagingRefused = false;
    }
  });
});
