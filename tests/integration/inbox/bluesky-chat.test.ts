/**
 * Bluesky direct messages: read from the chat log forward from its cursor (never the history, never
 * our own messages), page after page, marked private; answered in the conversation exactly once (the
 * chat has no idempotency key: an uncertain send is looked up, never sent again blindly); an app
 * password without access to direct messages still collects replies and says what to do.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, sourceOf, unique } from './helpers';

describe('inbox: Bluesky direct messages', () => {
  const inbox = useInboxApp();

  const reply = (commentId: string, body: object) =>
    inbox.admin('post', `/moderation/comments/${commentId}/reply`, body);

  /** A Bluesky account of its own that published once, its inbox read once (the chat's position taken). */
  async function blueskyAccount(options: { withoutChat?: boolean } = {}) {
    const identifier = `${unique('pv')}.bsky.social`;
    if (options.withoutChat) inbox.fakes.bluesky.withoutChat.add(identifier);
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'bluesky', {
      name: unique('Bluesky'),
      credentials: { identifier, appPassword: 'app-password' },
    });
    const published = await publishOne(inbox.app.strapi, account.id);
    return { ...published, account, identifier, did: inbox.fakes.bluesky.didOf(identifier) };
  }

  const readAgain = async (accountId: number) => {
    await dueNow(inbox.app.strapi, accountId);
    await inboxOnce(inbox.app.strapi);
  };

  const chatMessagesOf = async (accountId: number) =>
    (await collected(inbox.app.strapi, { sourceAccountId: accountId })).filter((c: any) =>
      String(c.remoteId).startsWith('chat:')
    );

  it('collects new direct messages once, page after page, never the history nor our own', async () => {
    const { account, identifier } = await blueskyAccount();
    // Written before the inbox first looked: history, not read.
    inbox.fakes.bluesky.addChatMessage(identifier, {
      text: 'Un vieux message',
      handle: 'ancien.bsky.social',
    });
    await inboxOnce(inbox.app.strapi);
    expect(await chatMessagesOf(account.id)).toHaveLength(0);

    const first = inbox.fakes.bluesky.addChatMessage(identifier, {
      text: 'Bonjour, ma commande 8812 est en retard',
      handle: 'nora.bsky.social',
    });
    // More than one page of the log (50 a page).
    for (let i = 0; i < 59; i++)
      inbox.fakes.bluesky.addChatMessage(identifier, {
        text: `Question ${i}`,
        handle: i % 2 ? 'nora.bsky.social' : 'yann.bsky.social',
      });
    await readAgain(account.id);

    const messages = await chatMessagesOf(account.id);
    expect(messages).toHaveLength(60);
    expect(messages.some((m: any) => m.content === 'Un vieux message')).toBe(false);
    const nora = messages.find((m: any) => m.remoteId === `chat:${first.convoId}:${first.messageId}`);
    expect(nora).toMatchObject({
      content: 'Bonjour, ma commande 8812 est en retard',
      authorHandle: 'nora.bsky.social',
      privateMessage: true,
    });
    const card = (await inbox.admin('get', `/moderation/comments/${nora.documentId}`)).body.data;
    expect(card.source).toMatchObject({ network: 'bluesky', privateMessage: true });

    // Our answers land in the same log, from the queue or written in a Bluesky app: they are not
    // readers' messages, and nothing comes in twice.
    inbox.fakes.bluesky.addChatMessage(identifier, {
      text: 'Réponse écrite depuis l’appli',
      handle: 'nora.bsky.social',
      byAccount: true,
    });
    expect(
      (await reply(nora.documentId, { text: 'Je regarde cela', idempotencyKey: inbox.answerKey() })).body.data
        .status
    ).toBe('sent');
    await readAgain(account.id);
    expect(await chatMessagesOf(account.id)).toHaveLength(60);
    expect(inbox.fakes.bluesky.chatLogsFromStart.get(identifier) ?? 0).toBe(0);
  });

  it('answers in the conversation exactly once; an uncertain send is looked up, never sent again', async () => {
    const { account, identifier, did } = await blueskyAccount();
    await inboxOnce(inbox.app.strapi);
    const dm = inbox.fakes.bluesky.addChatMessage(identifier, { text: 'Le salon est-il accessible ?' });
    await readAgain(account.id);
    const [message] = await chatMessagesOf(account.id);
    const ours = (text: string) =>
      inbox.fakes.bluesky.chatMessages(dm.convoId).filter((m) => m.sender.did === did && m.text === text);

    const body = { text: 'Oui, de plain-pied.', idempotencyKey: inbox.answerKey() };
    const { answer } = await inbox.answerTwiceAtOnce(message.documentId, body, () =>
      inbox.fakes.bluesky.published.filter((p) => p.account === did && p.text === body.text)
    );
    expect(answer).toMatchObject({ status: 'sent', remoteId: expect.stringMatching(`^chat:${dm.convoId}:`) });
    expect(ours(body.text)).toHaveLength(1);

    // The chat took it but the answer was lost: sending again finds it there instead of writing twice.
    const lost = { text: 'Et les chiens sont acceptés.', idempotencyKey: inbox.answerKey() };
    inbox.fakes.bluesky.failNext('drop-after-accept');
    const first = (await reply(message.documentId, lost)).body.data;
    expect(first.status).toBe('unconfirmed');
    expect(first.failureReason).toMatch(/check on Bluesky/);
    const again = (await reply(message.documentId, lost)).body.data;
    expect(again).toMatchObject({ status: 'sent', remoteId: `chat:${dm.convoId}:${ours(lost.text)[0].id}` });
    expect(ours(lost.text)).toHaveLength(1);

    // Lost before the chat had it: not found, and still not sent again blindly.
    const never = { text: 'Parking gratuit.', idempotencyKey: inbox.answerKey() };
    inbox.fakes.bluesky.failNext('drop-before-store');
    expect((await reply(message.documentId, never)).body.data.status).toBe('unconfirmed');
    expect((await reply(message.documentId, never)).body.data.status).toBe('unconfirmed');
    expect(ours(never.text)).toHaveLength(0);
  });

  it('keeps collecting replies when the app password does not allow direct messages, and says so', async () => {
    const { account, identifier, remoteId } = await blueskyAccount({ withoutChat: true });
    inbox.fakes.bluesky.addChatMessage(identifier, { text: 'Message privé' });
    inbox.fakes.bluesky.addReply(identifier, { text: 'Une réponse publique', parentUri: remoteId });
    await inboxOnce(inbox.app.strapi);

    const items = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(items.map((item: any) => item.content)).toEqual(['Une réponse publique']);
    expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(
      /app password does not allow direct messages/
    );
  });
});
