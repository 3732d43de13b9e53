/**
 * The inbox on Bluesky and X: replies and mentions read down from the newest to the last one kept
 * (never the history again), page by page within each network's page size, waiting after a 429 for
 * the time the network named; answered as the account under the right parent, exactly once; our own
 * Bluesky answer deleted, a reply on X hidden.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, sourceOf, unique } from './helpers';

describe('inbox: Bluesky and X', () => {
  const inbox = useInboxApp();

  const admin = inbox.admin;

  async function publishedOnBluesky() {
    const identifier = `${unique('pv')}.bsky.social`;
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'bluesky', {
      name: unique('Bluesky'),
      credentials: { identifier, appPassword: 'app-password' },
    });
    return { ...(await publishOne(inbox.app.strapi, account.id)), account, identifier };
  }

  async function publishedOnX() {
    const accessToken = unique('x-token');
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'x', {
      name: unique('X'),
      credentials: { accessToken, refreshToken: unique('x-refresh'), clientId: 'client' },
    });
    return { ...(await publishOne(inbox.app.strapi, account.id)), account, accessToken };
  }

  const notificationReads = () =>
    inbox.fakes.bluesky.requests.filter((r) => r.path === '/xrpc/app.bsky.notification.listNotifications');
  const mentionReads = () =>
    inbox.fakes.x.requests.filter((r) => /^\/2\/users\/[^/]+\/mentions$/.test(r.path));

  describe('Bluesky', () => {
    it('collects replies and mentions once, with thread, author and link; likes are not inbox items', async () => {
      const { account, identifier, remoteId, postDocumentId } = await publishedOnBluesky();
      const question = inbox.fakes.bluesky.addReply(identifier, {
        parentUri: remoteId,
        text: 'Est-ce que c’est gratuit ?',
        handle: 'alice.bsky.social',
        langs: ['fr'],
      });
      inbox.fakes.bluesky.addReply(identifier, {
        text: 'Merci @porte-voix, génial',
        handle: 'bob.bsky.social',
      });
      inbox.fakes.bluesky.addLike(identifier, remoteId);

      await inboxOnce(inbox.app.strapi);
      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows).toHaveLength(2);
      expect(rows.find((row: any) => row.remoteId === question)).toMatchObject({
        sourceNetwork: 'bluesky',
        targetKey: `post:${postDocumentId}`,
        remoteParentId: remoteId,
        authorHandle: 'alice.bsky.social',
        authorUrl: 'https://bsky.app/profile/alice.bsky.social',
        remoteUrl: `https://bsky.app/profile/alice.bsky.social/post/${question.split('/').pop()}`,
        locale: 'fr',
        intent: 'question',
      });
      expect(rows.find((row: any) => row.remoteId !== question)).toMatchObject({
        targetKey: `account:${account.id}`,
      });

      // Read again: nothing new, nothing stored twice.
      await dueNow(inbox.app.strapi, account.id);
      await inboxOnce(inbox.app.strapi);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(2);
    });

    it('reads a backlog 100 a page down to the last one kept, carries a cut-short read on, and never skips', async () => {
      const { account, identifier, remoteId } = await publishedOnBluesky();
      for (let i = 0; i < 600; i++)
        inbox.fakes.bluesky.addReply(identifier, {
          parentUri: remoteId,
          text: `Réponse ${i}`,
          handle: `r${i}.bsky.social`,
        });
      inbox.fakes.bluesky.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      // Five pages a round: 500 now, from the top down.
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(500);
      expect(notificationReads()).toHaveLength(5);
      for (const read of notificationReads())
        expect(Number(new URLSearchParams(read.query).get('limit'))).toBeLessThanOrEqual(100);

      // Newer replies meanwhile: the cut-short read first carries on down, then the next one reads them.
      inbox.fakes.bluesky.addReply(identifier, { parentUri: remoteId, text: 'Arrivée pendant la lecture' });
      await dueNow(inbox.app.strapi, account.id);
      inbox.fakes.bluesky.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(600);
      expect(new URLSearchParams(notificationReads()[0].query).get('cursor')).toBeTruthy();

      await dueNow(inbox.app.strapi, account.id);
      await inboxOnce(inbox.app.strapi);
      const all = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(all).toHaveLength(601);
      expect(new Set(all.map((row: any) => row.remoteId)).size).toBe(601);
      expect((await sourceOf(inbox.app.strapi, account.id)).collectedCount).toBe(601);
    });

    it('waits for the time Bluesky names after a 429, and reads nothing meanwhile', async () => {
      const { account, identifier, remoteId } = await publishedOnBluesky();
      inbox.fakes.bluesky.addReply(identifier, { parentUri: remoteId, text: 'Avant la limite' });
      inbox.fakes.bluesky.configure({ rateLimitWaitMs: 10 * 60_000 }).failNextRead('rate-limit');
      await inboxOnce(inbox.app.strapi);
      inbox.fakes.bluesky.configure({ rateLimitWaitMs: 1000 });
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(0);
      const source = await sourceOf(inbox.app.strapi, account.id);
      expect(source.lastErrorKind).toBe('rate_limited');
      expect(new Date(source.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 8 * 60_000);
      inbox.fakes.bluesky.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      expect(notificationReads()).toHaveLength(0);
    });

    it('answers under the reader’s reply in our thread, once, likes it, hides replies in our thread and deletes our answer', async () => {
      const { identifier, remoteId } = await publishedOnBluesky();
      const first = inbox.fakes.bluesky.addReply(identifier, { parentUri: remoteId, text: 'Top !' });
      const second = inbox.fakes.bluesky.addReply(identifier, {
        parentUri: first,
        text: 'Et pour les enfants, c’est ouvert ?',
        handle: 'claire.bsky.social',
      });
      await inboxOnce(inbox.app.strapi);
      const [row] = await collected(inbox.app.strapi, { remoteId: second });
      const body = { text: 'Oui, dès 6 ans !', idempotencyKey: inbox.answerKey() };
      const { published } = await inbox.answerTwiceAtOnce(row.documentId, body, () =>
        inbox.fakes.bluesky.published.filter((p) => p.inReplyTo === second)
      );
      const again = await admin('post', `/moderation/comments/${row.documentId}/reply`, body);
      expect(again.body.data).toMatchObject({ status: 'sent', inReplyTo: second });

      const record = inbox.fakes.bluesky.recordAt(published.id);
      // Threaded: the parent is the reader's reply, the root our post.
      expect(record.reply.parent.uri).toBe(second);
      expect(record.reply.root.uri).toBe(remoteId);
      expect(record.text).toBe('Oui, dès 6 ans !');
      expect((await collected(inbox.app.strapi, { remoteId: second }))[0].firstResponseAt).toBeTruthy();
      expect((await admin('post', `/moderation/comments/${row.documentId}/like`)).status).toBe(200);
      expect(inbox.fakes.bluesky.liked.has(second)).toBe(true);

      // Hidden in the thread our post started (its threadgate); a mention outside our threads cannot be.
      const [firstRow] = await collected(inbox.app.strapi, { remoteId: first });
      expect((await admin('post', `/moderation/comments/${firstRow.documentId}/hide`)).status).toBe(200);
      expect(inbox.fakes.bluesky.hiddenReplies(remoteId)).toEqual([first]);
      expect((await admin('post', `/moderation/comments/${row.documentId}/hide`)).status).toBe(200);
      expect(inbox.fakes.bluesky.hiddenReplies(remoteId)).toEqual([first, second]);

      const deleted = await admin(
        'delete',
        `/moderation/comments/${row.documentId}/replies/${again.body.data.id}`
      );
      expect(deleted.status).toBe(200);
      expect(inbox.fakes.bluesky.deleted).toEqual(expect.arrayContaining([published.id]));
    });
  });

  describe('X', () => {
    it('reads mentions from the first publication, then from since_id, 100 a page with the page token', async () => {
      const { account, accessToken, remoteId, postDocumentId } = await publishedOnX();
      const question = inbox.fakes.x.addMention(accessToken, {
        inReplyTo: remoteId,
        text: '@porte_voix c’est où exactement ?',
        username: 'hugo',
        lang: 'fr',
      });
      inbox.fakes.x.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        sourceNetwork: 'x',
        remoteId: question,
        targetKey: `post:${postDocumentId}`,
        authorHandle: '@hugo',
        authorUrl: 'https://x.com/hugo',
        remoteUrl: `https://x.com/hugo/status/${question}`,
        locale: 'fr',
      });
      const firstRead = new URLSearchParams(mentionReads()[0].query);
      expect(firstRead.get('start_time')).toBeTruthy();
      expect(firstRead.get('since_id')).toBeNull();

      // Mentions of the account outside our conversations: the mentions timeline alone finds them.
      for (let i = 0; i < 150; i++)
        inbox.fakes.x.addMention(accessToken, { text: `Mention ${i}`, username: `u${i}` });
      await dueNow(inbox.app.strapi, account.id);
      inbox.fakes.x.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(151);
      const reads = mentionReads().map((r) => new URLSearchParams(r.query));
      expect(reads).toHaveLength(2);
      expect(reads.map((q) => q.get('since_id'))).toEqual([question, question]);
      expect(reads[0].get('pagination_token')).toBeNull();
      expect(reads[1].get('pagination_token')).toBeTruthy();
      for (const q of reads) expect(Number(q.get('max_results'))).toBeLessThanOrEqual(100);

      const last = inbox.fakes.x.addMention(accessToken, { text: '@porte_voix bravo', username: 'zoe' });
      await dueNow(inbox.app.strapi, account.id);
      inbox.fakes.x.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(152);
      expect(BigInt(new URLSearchParams(mentionReads()[0].query).get('since_id')!)).toBeLessThan(
        BigInt(last)
      );
      expect(mentionReads()).toHaveLength(1);
    });

    it('finds replies that do not mention us by searching our conversations, where the plan allows', async () => {
      const { account, remoteId } = await publishedOnX();
      const quiet = inbox.fakes.x.addConversationReply({
        inReplyTo: remoteId,
        text: 'Quelqu’un sait si c’est complet ?',
        username: 'lou',
      });
      inbox.fakes.x.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows.map((row: any) => row.remoteId)).toEqual([quiet]);
      const search = inbox.fakes.x.requests.filter((r) => r.path === '/2/tweets/search/recent');
      expect(search).toHaveLength(1);
      expect(new URLSearchParams(search[0].query).get('query')).toBe(
        `(conversation_id:${remoteId}) is:reply`
      );

      // Our own answer in the conversation is not an inbox item.
      const [row] = rows;
      const answered = await admin('post', `/moderation/comments/${row.documentId}/reply`, {
        text: 'Il reste des places !',
        idempotencyKey: inbox.answerKey(),
      });
      expect(answered.body.data.status).toBe('sent');
      await dueNow(inbox.app.strapi, account.id);
      await inboxOnce(inbox.app.strapi);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(1);
    });

    it('says on the source when the X plan has no search, and still reads the mentions', async () => {
      const { account, accessToken, remoteId } = await publishedOnX();
      inbox.fakes.x.searchPlan = 'free';
      try {
        inbox.fakes.x.addConversationReply({ inReplyTo: remoteId, text: 'Sans mention' });
        const mention = inbox.fakes.x.addMention(accessToken, {
          inReplyTo: remoteId,
          text: '@porte_voix avec mention',
        });
        await inboxOnce(inbox.app.strapi);
        const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
        expect(rows.map((row: any) => row.remoteId)).toEqual([mention]);
        expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(
          /plan .* does not include the recent search/
        );
        expect((await sourceOf(inbox.app.strapi, account.id)).notices).toMatch(/\bx\.searchUnavailable\b/);

        // The next reads do not ask the search again (for a day), and keep saying why.
        await dueNow(inbox.app.strapi, account.id);
        inbox.fakes.x.requests.length = 0;
        await inboxOnce(inbox.app.strapi);
        expect(inbox.fakes.x.requests.filter((r) => r.path === '/2/tweets/search/recent')).toHaveLength(0);
        expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(/recent search/);
      } finally {
        inbox.fakes.x.searchPlan = 'basic';
      }
    });

    it('waits for X’s reset time after a 429', async () => {
      const { account, accessToken, remoteId } = await publishedOnX();
      inbox.fakes.x.addMention(accessToken, { inReplyTo: remoteId, text: 'Avant la limite' });
      inbox.fakes.x.configure({ rateLimitWaitMs: 10 * 60_000 }).failNextRead('rate-limit');
      await inboxOnce(inbox.app.strapi);
      inbox.fakes.x.configure({ rateLimitWaitMs: 1000 });
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(0);
      const source = await sourceOf(inbox.app.strapi, account.id);
      expect(new Date(source.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 8 * 60_000);
    });

    it('answers under the reader’s post once, never re-sends an unknown outcome, and hides a reply', async () => {
      const { accessToken, remoteId } = await publishedOnX();
      const question = inbox.fakes.x.addMention(accessToken, {
        inReplyTo: remoteId,
        text: '@porte_voix à quelle heure ?',
        username: 'ines',
      });
      const rude = inbox.fakes.x.addMention(accessToken, {
        inReplyTo: remoteId,
        text: '@porte_voix achetez mes abonnés pas chers',
        username: 'spam',
      });
      await inboxOnce(inbox.app.strapi);
      const [row] = await collected(inbox.app.strapi, { remoteId: question });
      const body = { text: 'À 18 h, à la halle.', idempotencyKey: inbox.answerKey() };
      const { published } = await inbox.answerTwiceAtOnce(row.documentId, body, () =>
        inbox.fakes.x.published.filter((p) => p.inReplyTo === question)
      );
      expect(inbox.fakes.x.tweet(published.id)?.text).toBe('À 18 h, à la halle.');

      // The connection drops after X took the post: the answer stays unconfirmed and is not sent again.
      inbox.fakes.x.failNext('drop-after-accept');
      const unsure = { text: 'Précision : entrée libre.', idempotencyKey: inbox.answerKey() };
      const dropped = await admin('post', `/moderation/comments/${row.documentId}/reply`, unsure);
      expect(dropped.body.data.status).toBe('unconfirmed');
      const retried = await admin('post', `/moderation/comments/${row.documentId}/reply`, unsure);
      expect(retried.body.data.status).toBe('unconfirmed');
      expect(inbox.fakes.x.published.filter((p) => p.text === 'Précision : entrée libre.')).toHaveLength(1);

      const [spam] = await collected(inbox.app.strapi, { remoteId: rude });
      const hidden = await admin('post', `/moderation/comments/${spam.documentId}/hide`);
      expect(hidden.status).toBe(200);
      expect(inbox.fakes.x.hidden.has(rude)).toBe(true);

      const liked = await admin('post', `/moderation/comments/${row.documentId}/like`);
      expect(liked.status).toBe(200);
      expect(liked.body.data.source.likedOnNetworkAt).toBeTruthy();
      expect(inbox.fakes.x.liked.has(question)).toBe(true);
      expect((await collected(inbox.app.strapi, { remoteId: rude }))[0].hiddenOnNetworkAt).toBeTruthy();
    });
  });
});
