/**
 * Answering from the queue as the account: the answer goes out through the provider, threaded under
 * the reply it answers, once per idempotency key (a double click, a lost connection), with its own
 * send state; a network without idempotency never re-sends an answer whose outcome is unknown.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { comment, createPost } from '../moderation/helpers';
import { collected, inboxOnce, publishedOnMastodon, publishOne, unique } from './helpers';

describe('inbox: answering as the account', () => {
  const inbox = useInboxApp();

  const reply = (commentId: string, body: object) =>
    inbox.admin('post', `/moderation/comments/${commentId}/reply`, body);

  async function collectedMastodonQuestion() {
    const published = await publishedOnMastodon(inbox.app.strapi, inbox.fakes);
    const reader = inbox.fakes.mastodon.addMention(published.token, {
      inReplyTo: published.remoteId,
      text: 'Est-ce que le salon est ouvert dimanche ?',
      acct: 'hugo@example.social',
    });
    await inboxOnce(inbox.app.strapi);
    const [collectedComment] = await collected(inbox.app.strapi, { remoteId: reader.statusId });
    return { ...published, comment: collectedComment, readerStatusId: reader.statusId };
  }

  /** A Telegram bot of its own with one published message, and a reader's reply to it, collected. */
  async function collectedTelegramReply(text: string) {
    const bot = `${Math.floor(Math.random() * 1e9)}:${unique('bot')}`;
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'telegram', {
      name: unique('Telegram'),
      credentials: { botToken: bot, chatId: '@porte_voix' },
    });
    const { remoteId } = await publishOne(inbox.app.strapi, account.id);
    inbox.fakes.telegram.addReply(bot, { toMessageId: Number(remoteId.split(':')[1]), text });
    await inboxOnce(inbox.app.strapi);
    const [readerReply] = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    const answersOnTelegram = () =>
      inbox.fakes.telegram.published.filter((p) => p.account === bot && p.inReplyTo);
    return { account, bot, comment: readerReply, answersOnTelegram };
  }

  const answerRows = () => inbox.app.strapi.db.query('plugin::cross-post.reply' as any);

  it('publishes the answer once, threaded under the reader’s reply, even when sent twice', async () => {
    const { comment, readerStatusId, token: accessToken } = await collectedMastodonQuestion();
    const body = { text: 'Oui, de 10 h à 18 h !', idempotencyKey: inbox.answerKey() };
    const { published } = await inbox.answerTwiceAtOnce(comment.documentId, body, () =>
      inbox.fakes.mastodon.published.filter((p) => p.account === accessToken && p.inReplyTo)
    );
    const again = await reply(comment.documentId, body);
    expect(again.body.data).toMatchObject({ status: 'sent', inReplyTo: readerStatusId });

    expect(published).toMatchObject({ text: 'Oui, de 10 h à 18 h !', inReplyTo: readerStatusId });
    expect(again.body.data.remoteId).toBe(published.id);

    const stored = await inbox.app.strapi
      .query('plugin::moderation.comment' as any)
      .findOne({ where: { documentId: comment.documentId } });
    expect(stored.firstResponseAt).toBeTruthy();
    const list = await inbox.app
      .http()
      .get(`/moderation/comments/${comment.documentId}/replies`)
      .set('Authorization', `Bearer ${inbox.token}`);
    expect(list.body.data).toHaveLength(1);
  });

  it('answers a reader’s direct message on Mastodon directly, naming them: never in public', async () => {
    const published = await publishedOnMastodon(inbox.app.strapi, inbox.fakes);
    const reader = inbox.fakes.mastodon.addMention(published.token, {
      text: 'Bonjour, une question privée sur ma commande',
      acct: 'ines@example.social',
      visibility: 'direct',
    });
    await inboxOnce(inbox.app.strapi);
    const [message] = await collected(inbox.app.strapi, { remoteId: reader.statusId });
    const response = await reply(message.documentId, {
      text: 'Bonjour, je vous réponds en privé.',
      idempotencyKey: inbox.answerKey(),
    });
    expect(response.body.data.status).toBe('sent');
    const answer = inbox.fakes.mastodon.published.find((p) => p.inReplyTo === reader.statusId)!;
    expect(inbox.fakes.mastodon.visibilityOf.get(answer.id)).toBe('direct');
    // A direct status reaches only those it names.
    expect(answer.text).toBe('@ines@example.social Bonjour, je vous réponds en privé.');
  });

  it('resolves a lost connection on Mastodon by sending again with the same key: still one answer', async () => {
    const { comment, token: accessToken } = await collectedMastodonQuestion();
    const body = { text: 'Réponse après coupure', idempotencyKey: inbox.answerKey() };
    inbox.fakes.mastodon.failNext('drop-after-accept');
    const lost = await reply(comment.documentId, body);
    expect(lost.body.data).toMatchObject({ status: 'unconfirmed', failureKind: 'uncertain_resend' });
    const resent = await reply(comment.documentId, body);
    expect(resent.body.data.status).toBe('sent');
    expect(
      inbox.fakes.mastodon.published.filter((p) => p.account === accessToken && p.inReplyTo)
    ).toHaveLength(1);
  });

  it('never re-sends a Telegram answer whose outcome is unknown (Telegram has no idempotency)', async () => {
    const { bot, comment: telegramComment } = await collectedTelegramReply('Et pour Lyon ?');

    const body = { text: 'Lyon aussi !', idempotencyKey: inbox.answerKey() };
    inbox.fakes.telegram.failNext('drop-after-accept');
    expect((await reply(telegramComment.documentId, body)).body.data.status).toBe('unconfirmed');
    const again = await reply(telegramComment.documentId, body);
    expect(again.body.data).toMatchObject({ status: 'unconfirmed' });
    expect(again.body.data.failureReason).toMatch(/check on Telegram/);
    const sent = inbox.fakes.telegram.published.filter((p) => p.account === bot && p.inReplyTo);
    expect(sent).toHaveLength(1);
    expect(sent[0].inReplyTo).toBe(telegramComment.remoteId);

    // A new answer (a new key) goes out threaded too.
    const next = await reply(telegramComment.documentId, {
      text: 'Et Marseille aussi',
      idempotencyKey: inbox.answerKey(),
    });
    expect(next.body.data.status).toBe('sent');
  });

  it('never re-sends an answer Telegram took when its instance died before recording it; sends one that never left', async () => {
    const { account, comment: readerReply, answersOnTelegram } = await collectedTelegramReply('Et Nantes ?');
    const body = { text: 'Nantes aussi, le 12.', idempotencyKey: inbox.answerKey() };
    expect((await reply(readerReply.documentId, body)).body.data.status).toBe('sent');
    expect(answersOnTelegram()).toHaveLength(1);

    // What an instance killed after Telegram took the answer leaves: the row still "sending", its first
    // attempt recorded, no remote id, held by the dead instance, whose lease has now run out.
    const dead = { leaseOwner: 'dead-host:1:abcdef#1', leaseUntil: new Date(Date.now() - 1_000) };
    await answerRows().update({
      where: { idempotencyKey: body.idempotencyKey },
      data: { status: 'sending', remoteId: null, url: null, sentAt: null, ...dead },
    });
    const card = await inbox.admin('get', `/moderation/comments/${readerReply.documentId}/replies`);
    expect(card.body.data).toEqual([
      expect.objectContaining({
        status: 'unconfirmed',
        failureKind: 'uncertain_check',
        failureReason: expect.stringMatching(/check on Telegram/),
      }),
    ]);
    const retried = await reply(readerReply.documentId, body);
    expect(retried.body.data).toMatchObject({ status: 'unconfirmed' });
    expect(answersOnTelegram()).toHaveLength(1);

    // Taken by the dead instance before its request went: it never left, so it is sent, once.
    const neverLeft = { text: 'Et Rennes en juin.', idempotencyKey: inbox.answerKey() };
    await answerRows().create({
      data: {
        accountId: account.id,
        network: 'telegram',
        inReplyTo: readerReply.remoteId,
        text: neverLeft.text,
        idempotencyKey: neverLeft.idempotencyKey,
        status: 'sending',
        attemptCount: 0,
        ...dead,
      },
    });
    expect((await reply(readerReply.documentId, neverLeft)).body.data.status).toBe('sent');
    expect(answersOnTelegram().map((p) => p.text)).toEqual([body.text, neverLeft.text]);
  });

  it('refuses to answer a comment from our own site, and an answer without text', async () => {
    const { comment: collectedComment } = await collectedMastodonQuestion();
    expect(
      (await reply(collectedComment.documentId, { text: '   ', idempotencyKey: inbox.answerKey() })).status
    ).toBe(400);
    const post = await createPost(inbox.app.strapi);
    const submitted = await inbox.app
      .http()
      .post('/api/moderation/comments')
      .send(comment(post.documentId, { authorEmail: `${unique('iris')}@example.org` }));
    expect(submitted.status).toBe(201);
    const refused = await reply(submitted.body.data.id, { text: 'Merci', idempotencyKey: inbox.answerKey() });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.reason).toBe('not_from_a_network');
  });

  it('assigns, notes, measures the first response and the resolution, and flags what is overdue', async () => {
    const { comment: item } = await collectedMastodonQuestion();
    const as = inbox.admin;
    expect(
      (
        await as('put', '/moderation/settings', {
          inbox: { responseGoalMinutes: 600, perNetwork: { mastodon: 5 } },
        })
      ).status
    ).toBe(200);
    // Arrived ten minutes ago: past Mastodon's five-minute goal.
    await inbox.app.strapi
      .query('plugin::moderation.comment' as any)
      .update({ where: { id: item.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    let card = (await as('get', `/moderation/comments/${item.documentId}`)).body.data;
    expect(card.handling).toMatchObject({ overdue: true, goalMinutes: 5, firstResponseMinutes: null });

    const admin = await inbox.app.strapi.db.query('admin::user').findOne({ where: { isActive: true } });
    card = (await as('put', `/moderation/comments/${item.documentId}/assignee`, { userId: admin.id })).body
      .data;
    expect(card.handling.assignedTo).toMatchObject({ id: admin.id });
    expect(
      (await as('put', `/moderation/comments/${item.documentId}/assignee`, { userId: 999_999 })).status
    ).toBe(400);
    card = (
      await as('put', `/moderation/comments/${item.documentId}/note`, { note: 'Vérifier les horaires' })
    ).body.data;
    expect(card.handling.internalNote).toBe('Vérifier les horaires');

    expect(
      (await reply(item.documentId, { text: 'Oui, ouvert dimanche', idempotencyKey: inbox.answerKey() })).body
        .data.status
    ).toBe('sent');
    card = (await as('get', `/moderation/comments/${item.documentId}`)).body.data;
    expect(card.handling.overdue).toBe(false);
    expect(card.handling.firstResponseMinutes).toBeGreaterThanOrEqual(9);

    card = (await as('put', `/moderation/comments/${item.documentId}/done`, { done: true })).body.data;
    expect(card.handling.resolutionMinutes).toBeGreaterThanOrEqual(9);
    const audit = (await as('get', `/moderation/audit?comment=${item.documentId}`)).body.data.map(
      (e: any) => e.action
    );
    expect(audit).toEqual(expect.arrayContaining(['assigned', 'noted', 'replied', 'done']));
    await as('put', '/moderation/settings', { inbox: { responseGoalMinutes: 240, perNetwork: {} } });
  });

  it('hides a Telegram reply on the network, and deletes our own Mastodon answer; Mastodon cannot hide a reader', async () => {
    const as = inbox.admin;
    const { comment: spam } = await collectedTelegramReply('Pub pour mon site');
    // Liked first (the bot's 👍), then hidden.
    expect((await as('post', `/moderation/comments/${spam.documentId}/like`)).status).toBe(200);
    expect(inbox.fakes.telegram.reactions.get(spam.remoteId)).toEqual(['👍']);
    const hidden = await as('post', `/moderation/comments/${spam.documentId}/hide`);
    expect(hidden.status).toBe(200);
    expect(hidden.body.data.source.hiddenOnNetworkAt).toBeTruthy();
    expect(inbox.fakes.telegram.deleted).toContain(spam.remoteId);

    const { comment: question, token: accessToken } = await collectedMastodonQuestion();
    const refused = await as('post', `/moderation/comments/${question.documentId}/hide`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.reason).toBe('network_cannot_hide');
    const sent = (
      await reply(question.documentId, { text: 'Réponse à retirer', idempotencyKey: inbox.answerKey() })
    ).body.data;
    const removed = await as('delete', `/moderation/comments/${question.documentId}/replies/${sent.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.data.status).toBe('deleted');
    expect(inbox.fakes.mastodon.deleted).toEqual([sent.remoteId]);
    expect(
      inbox.fakes.mastodon.published.filter((p) => p.account === accessToken && p.inReplyTo)
    ).toHaveLength(1);
    expect(
      (await as('delete', `/moderation/comments/${question.documentId}/replies/${sent.id}`)).status
    ).toBe(404);
  });
});
