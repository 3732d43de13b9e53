/**
 * Direct messages in the inbox: what only the account saw (a Mastodon direct status, a private chat
 * with the Telegram bot) comes in once, marked private on its card, is answered the same private way
 * exactly once, and never reaches the public comments that frontends read.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishedOnMastodon, publishOne, unique } from './helpers';

describe('inbox: direct messages', () => {
  const inbox = useInboxApp();

  const reply = (commentId: string, body: object) =>
    inbox.admin('post', `/moderation/comments/${commentId}/reply`, body);
  const card = async (documentId: string) =>
    (await inbox.admin('get', `/moderation/comments/${documentId}`)).body.data;

  /** A Telegram bot of its own that published once in its channel. */
  async function telegramBot() {
    const bot = `${Math.floor(Math.random() * 1e9)}:${unique('bot')}`;
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'telegram', {
      name: unique('Telegram'),
      credentials: { botToken: bot, chatId: '@porte_voix' },
    });
    await publishOne(inbox.app.strapi, account.id);
    return { bot, account };
  }

  it('marks a Mastodon direct status private, and never shows it to readers once approved', async () => {
    const published = await publishedOnMastodon(inbox.app.strapi, inbox.fakes);
    const direct = inbox.fakes.mastodon.addMention(published.token, {
      inReplyTo: published.remoteId,
      text: 'Mon numéro de commande est le 4521, pouvez-vous vérifier ?',
      acct: 'ines@example.social',
      visibility: 'direct',
    });
    const open = inbox.fakes.mastodon.addMention(published.token, {
      inReplyTo: published.remoteId,
      text: 'Belle annonce !',
      acct: 'paul@example.social',
    });
    await inboxOnce(inbox.app.strapi);
    const [message] = await collected(inbox.app.strapi, { remoteId: direct.statusId });
    const [publicReply] = await collected(inbox.app.strapi, { remoteId: open.statusId });
    expect((await card(message.documentId)).source.privateMessage).toBe(true);
    expect((await card(publicReply.documentId)).source.privateMessage).toBe(false);
    const onlyPrivate = await inbox.admin('get', '/moderation/comments?status=all&source=private-messages');
    expect(onlyPrivate.status).toBe(200);
    const privateIds = onlyPrivate.body.data.map((item: any) => item.id);
    expect(privateIds).toContain(message.documentId);
    expect(privateIds).not.toContain(publicReply.documentId);

    // Even approved, it stays between the reader and the account.
    for (const { documentId } of [message, publicReply]) {
      expect((await inbox.admin('post', `/moderation/comments/${documentId}/approve`, {})).status).toBe(200);
    }
    const publicList = await inbox.app
      .http()
      .get(`/api/moderation/comments?target=post:${published.postDocumentId}`);
    expect(publicList.status).toBe(200);
    expect(JSON.stringify(publicList.body)).not.toContain('4521');
    const report = await inbox.app
      .http()
      .post(`/api/moderation/comments/${message.documentId}/report`)
      .send({ data: { reason: 'spam' } });
    expect(report.status).toBe(404);
  });

  it('collects a private message to the Telegram bot once, and leaves group talk that answers nothing', async () => {
    const { bot, account } = await telegramBot();
    const dm = inbox.fakes.telegram.addDirectMessage(bot, {
      text: 'Bonjour, je n’ai pas reçu mon billet',
      from: 'camille',
    });
    inbox.fakes.telegram.addDirectMessage(bot, { text: 'Qui vient ce soir ?', inGroup: true });

    await inboxOnce(inbox.app.strapi);
    const items = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(items.map((item: any) => item.content)).toEqual(['Bonjour, je n’ai pas reçu mon billet']);
    expect(items[0]).toMatchObject({
      remoteId: `${dm.chatId}:${dm.messageId}`,
      authorHandle: '@camille',
      privateMessage: true,
    });
    expect((await card(items[0].documentId)).source).toMatchObject({
      network: 'telegram',
      privateMessage: true,
    });

    // The offset was confirmed: Telegram dropped the update, and a second read stores nothing again.
    await dueNow(inbox.app.strapi, account.id);
    await inboxOnce(inbox.app.strapi);
    expect(inbox.fakes.telegram.pendingUpdates(bot)).toBe(0);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(1);
  });

  it('answers a Telegram private message in the same private chat, exactly once, never in the channel', async () => {
    const { bot, account } = await telegramBot();
    const dm = inbox.fakes.telegram.addDirectMessage(bot, { text: 'Le concert est-il complet ?' });
    await inboxOnce(inbox.app.strapi);
    const [message] = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    const inChannelBefore = inbox.fakes.telegram.published.filter((p) => p.account === bot && !p.inReplyTo);

    const body = { text: 'Il reste quelques places !', idempotencyKey: inbox.answerKey() };
    const { answer, published } = await inbox.answerTwiceAtOnce(message.documentId, body, () =>
      inbox.fakes.telegram.published.filter((p) => p.account === bot && p.inReplyTo)
    );
    expect(answer.status).toBe('sent');
    // Sent to the reader's own chat with the bot (its id is theirs), under their message.
    expect(published).toMatchObject({ text: body.text, inReplyTo: `${dm.chatId}:${dm.messageId}` });
    expect((await reply(message.documentId, body)).body.data.status).toBe('sent');
    expect(inbox.fakes.telegram.published.filter((p) => p.account === bot && p.inReplyTo)).toHaveLength(1);
    expect(inbox.fakes.telegram.published.filter((p) => p.account === bot && !p.inReplyTo)).toEqual(
      inChannelBefore
    );
  });
});
