/**
 * The inbox on Facebook, LinkedIn and Discord: comments under each of our recent posts (Facebook,
 * LinkedIn) swept post by post from the time the last sweep started, page by page within the network's
 * page size; replies to our Discord messages read by the account's bot from the last message read.
 * Answered under the right parent, once; a Facebook comment hidden, a Discord message removed.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, sourceOf, unique } from './helpers';

describe('inbox: Facebook, LinkedIn and Discord', () => {
  const inbox = useInboxApp();

  const admin = inbox.admin;
  const reads = (fake: { requests: { path: string; query?: string }[] }, path: RegExp) =>
    fake.requests.filter((r) => path.test(r.path)).map((r) => new URLSearchParams(r.query));

  describe('Facebook', () => {
    async function facebookAccount() {
      const pageId = String(1_000_000_000 + Math.floor(Math.random() * 1e9));
      return createAccount(inbox.app.strapi, inbox.fakes, 'facebook', {
        name: unique('Facebook'),
        credentials: { pageId, pageAccessToken: unique('page-token') },
      });
    }

    it('sweeps the comments of each recent post, 100 a page, then reads on from the last sweep', async () => {
      const account = await facebookAccount();
      const first = await publishOne(inbox.app.strapi, account.id);
      const second = await publishOne(inbox.app.strapi, account.id);
      const question = inbox.fakes.facebook.addComment(first.remoteId, {
        text: 'Il reste des places pour samedi ?',
        name: 'Camille',
      });
      inbox.fakes.facebook.addComment(first.remoteId, {
        text: 'Oui je me pose la même question',
        parentId: question,
      });
      for (let i = 0; i < 230; i++)
        inbox.fakes.facebook.addComment(second.remoteId, { text: `Commentaire ${i}`, name: `Lecteur ${i}` });
      inbox.fakes.facebook.requests.length = 0;

      await inboxOnce(inbox.app.strapi);
      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows).toHaveLength(232);
      expect(rows.find((row: any) => row.remoteId === question)).toMatchObject({
        sourceNetwork: 'facebook',
        targetKey: `post:${first.postDocumentId}`,
        remoteParentId: first.remoteId,
        authorHandle: 'Camille',
        intent: 'question',
      });
      const answer = rows.find((row: any) => row.remoteParentId === question);
      const parent = rows.find((row: any) => row.remoteId === question);
      expect(answer).toMatchObject({
        parentId: parent.documentId,
        targetKey: `post:${first.postDocumentId}`,
      });

      // One read for the first post, three pages of at most 100 for the second, `after` between them.
      const sweep = reads(inbox.fakes.facebook, /\/comments$/);
      expect(sweep).toHaveLength(4);
      for (const q of sweep) expect(Number(q.get('limit'))).toBeLessThanOrEqual(100);
      expect(sweep.filter((q) => q.get('after'))).toHaveLength(2);

      // The next sweep reads from when the last one started, and keeps each comment once.
      const firstSince = Number(sweep[0].get('since'));
      inbox.fakes.facebook.addComment(first.remoteId, { text: 'Merci pour la réponse' });
      await dueNow(inbox.app.strapi, account.id);
      inbox.fakes.facebook.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      const again = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(again).toHaveLength(233);
      expect(new Set(again.map((row: any) => row.remoteId)).size).toBe(233);
      const next = reads(inbox.fakes.facebook, /\/comments$/);
      expect(Number(next[0].get('since'))).toBeGreaterThanOrEqual(firstSince);
      expect((await sourceOf(inbox.app.strapi, account.id)).collectedCount).toBe(233);
    });

    it('waits for the time Facebook names after its rate limit', async () => {
      const account = await facebookAccount();
      const post = await publishOne(inbox.app.strapi, account.id);
      inbox.fakes.facebook.addComment(post.remoteId, { text: 'Bonjour' });
      inbox.fakes.facebook.configure({ rateLimitWaitMs: 10 * 60_000 }).failNextRead('rate-limit');
      await inboxOnce(inbox.app.strapi);
      inbox.fakes.facebook.configure({ rateLimitWaitMs: 1000 });
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(0);
      const source = await sourceOf(inbox.app.strapi, account.id);
      expect(new Date(source.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 8 * 60_000);
    });

    it('answers under the comment a reply belongs to, once; hides a comment; deletes our answer', async () => {
      const account = await facebookAccount();
      const post = await publishOne(inbox.app.strapi, account.id);
      const top = inbox.fakes.facebook.addComment(post.remoteId, { text: 'Où est-ce ?' });
      const nested = inbox.fakes.facebook.addComment(post.remoteId, {
        text: 'Et à quelle heure ?',
        parentId: top,
      });
      const spam = inbox.fakes.facebook.addComment(post.remoteId, {
        text: 'Gagnez 1000 € par jour',
        name: 'Spam',
      });
      await inboxOnce(inbox.app.strapi);
      const [row] = await collected(inbox.app.strapi, { remoteId: nested });
      const body = { text: 'À 18 h, place du marché.', idempotencyKey: inbox.answerKey() };
      const { answer, published } = await inbox.answerTwiceAtOnce(row.documentId, body, () =>
        inbox.fakes.facebook.published.filter((p) => p.text === body.text)
      );
      // Facebook threads two deep: the answer to a reply sits under the comment it belongs to.
      expect(inbox.fakes.facebook.comment(published.id)).toMatchObject({ parent: top, post: post.remoteId });

      const [spamRow] = await collected(inbox.app.strapi, { remoteId: spam });
      expect((await admin('post', `/moderation/comments/${spamRow.documentId}/hide`)).status).toBe(200);
      expect(inbox.fakes.facebook.hiddenComments.has(spam)).toBe(true);
      expect((await admin('post', `/moderation/comments/${row.documentId}/like`)).status).toBe(200);
      expect(inbox.fakes.facebook.likedComments.has(nested)).toBe(true);

      expect(
        (await admin('delete', `/moderation/comments/${row.documentId}/replies/${answer.id}`)).status
      ).toBe(200);
      expect(inbox.fakes.facebook.deletedComments).toContain(published.id);
    });
  });

  describe('LinkedIn', () => {
    it('reads each post’s comments newest first down to the last sweep, and answers under the comment', async () => {
      const author = `urn:li:organization:${Math.floor(Math.random() * 1e9)}`;
      const account = await createAccount(inbox.app.strapi, inbox.fakes, 'linkedin', {
        name: unique('LinkedIn'),
        credentials: { accessToken: unique('li-token'), author },
      });
      const post = await publishOne(inbox.app.strapi, account.id);
      const question = inbox.fakes.linkedin.addComment(post.remoteId, {
        text: 'Le programme est-il en ligne ?',
        actor: 'urn:li:person:abc',
      });
      for (let i = 0; i < 120; i++) inbox.fakes.linkedin.addComment(post.remoteId, { text: `Bravo ${i}` });
      inbox.fakes.linkedin.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows).toHaveLength(121);
      expect(rows.find((row: any) => row.remoteId === question)).toMatchObject({
        sourceNetwork: 'linkedin',
        targetKey: `post:${post.postDocumentId}`,
        remoteParentId: post.remoteId,
        authorHandle: 'urn:li:person:abc',
      });
      const pages = reads(inbox.fakes.linkedin, /\/comments$/);
      expect(pages.map((q) => q.get('start'))).toEqual(['0', '100']);
      for (const q of pages) expect(Number(q.get('count'))).toBeLessThanOrEqual(100);

      const [row] = await collected(inbox.app.strapi, { remoteId: question });
      const body = { text: 'Oui, sur notre site.', idempotencyKey: inbox.answerKey() };
      const answer = await admin('post', `/moderation/comments/${row.documentId}/reply`, body);
      expect(answer.body.data).toMatchObject({ status: 'sent' });
      await admin('post', `/moderation/comments/${row.documentId}/reply`, body);
      const sent = inbox.fakes.linkedin.published.filter((p) => p.text === body.text);
      expect(sent).toHaveLength(1);
      expect(inbox.fakes.linkedin.comment(sent[0].id)).toMatchObject({ parent: question, actor: author });
    });
  });

  describe('Discord', () => {
    it('reads replies to our messages with the account’s bot, from the last message read, and answers once', async () => {
      const webhookId = String(Math.floor(Math.random() * 1e12));
      const account = await createAccount(inbox.app.strapi, inbox.fakes, 'discord', {
        name: unique('Discord'),
        credentials: { webhookId, webhookToken: unique('hook'), botToken: unique('bot') },
      });
      const post = await publishOne(inbox.app.strapi, account.id);
      const question = inbox.fakes.discord.addReply(webhookId, {
        toMessageId: post.remoteId,
        text: 'C’est ouvert aux débutants ?',
        username: 'noa',
      });
      await inboxOnce(inbox.app.strapi);
      const channel = inbox.fakes.discord.channelOf(webhookId);
      const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        sourceNetwork: 'discord',
        remoteId: `${channel}:${question}`,
        targetKey: `post:${post.postDocumentId}`,
        authorHandle: 'noa',
        intent: 'question',
      });

      for (let i = 0; i < 130; i++)
        inbox.fakes.discord.addReply(webhookId, { toMessageId: post.remoteId, text: `Réponse ${i}` });
      await dueNow(inbox.app.strapi, account.id);
      inbox.fakes.discord.requests.length = 0;
      await inboxOnce(inbox.app.strapi);
      expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(131);
      const afters = reads(inbox.fakes.discord, /^\/channels\/[^/]+\/messages$/).map((q) => q.get('after'));
      expect(afters).toHaveLength(2);
      expect(BigInt(afters[0]!)).toBeGreaterThanOrEqual(BigInt(question));
      expect(new Set(afters).size).toBe(2);

      const body = { text: 'Oui, tout le monde est bienvenu !', idempotencyKey: inbox.answerKey() };
      inbox.fakes.discord.failNext('drop-after-accept');
      const dropped = await admin('post', `/moderation/comments/${rows[0].documentId}/reply`, body);
      expect(dropped.body.data.status).toBe('unconfirmed');
      // The bot's nonce makes sending it again safe: Discord answers with the first message.
      const again = await admin('post', `/moderation/comments/${rows[0].documentId}/reply`, body);
      expect(again.body.data.status).toBe('sent');
      const sent = inbox.fakes.discord.published.filter((p) => p.text === body.text);
      expect(sent).toHaveLength(1);
      expect(inbox.fakes.discord.message(sent[0].id)?.message_reference?.message_id).toBe(question);

      expect((await admin('post', `/moderation/comments/${rows[0].documentId}/hide`)).status).toBe(200);
      expect(inbox.fakes.discord.deletedMessages).toContain(question);
    });

    it('says on the source that reading needs a bot, without one', async () => {
      const webhookId = String(Math.floor(Math.random() * 1e12));
      const account = await createAccount(inbox.app.strapi, inbox.fakes, 'discord', {
        name: unique('Discord'),
        credentials: { webhookId, webhookToken: unique('hook') },
      });
      await publishOne(inbox.app.strapi, account.id);
      await inboxOnce(inbox.app.strapi);
      expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(/bot/);
    });
  });
});
