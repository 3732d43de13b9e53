/**
 * Answering from the queue as the account: the answer goes out through the provider, threaded under
 * the reply it answers, once per idempotency key (a double click, a lost connection), with its own
 * send state; a network without idempotency never re-sends an answer whose outcome is unknown.
 */
import { randomBytes } from 'node:crypto';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { createAccount } from '../cross-post/helpers';
import { comment, createPost } from '../moderation/helpers';
import { collected, inboxOnce, publishedOnMastodon, publishOne, unique } from './helpers';

describe('inbox: answering as the account', () => {
  let app: TestApp;
  let fakes: Fakes;
  let token: string;

  beforeAll(async () => {
    fakes = await startFakes();
    app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) } });
    token = await app.adminToken();
  });
  afterAll(async () => {
    await app?.stop();
    await fakes?.stop();
  });

  const key = () => `answer-${randomBytes(6).toString('hex')}`;
  const reply = (commentId: string, body: object) =>
    app
      .http()
      .post(`/moderation/comments/${commentId}/reply`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);

  async function collectedMastodonQuestion() {
    const published = await publishedOnMastodon(app.strapi, fakes);
    const reader = fakes.mastodon.addMention(published.token, {
      inReplyTo: published.remoteId,
      text: 'Est-ce que le salon est ouvert dimanche ?',
      acct: 'hugo@example.social',
    });
    await inboxOnce(app.strapi);
    const [collectedComment] = await collected(app.strapi, { remoteId: reader.statusId });
    return { ...published, comment: collectedComment, readerStatusId: reader.statusId };
  }

  it('publishes the answer once, threaded under the reader’s reply, even when sent twice', async () => {
    const { comment, readerStatusId, token: accessToken } = await collectedMastodonQuestion();
    const body = { text: 'Oui, de 10 h à 18 h !', idempotencyKey: key() };
    const [first, second] = await Promise.all([
      reply(comment.documentId, body),
      reply(comment.documentId, body),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const again = await reply(comment.documentId, body);
    expect(again.body.data).toMatchObject({ status: 'sent', inReplyTo: readerStatusId });

    const answers = fakes.mastodon.published.filter((p) => p.account === accessToken && p.inReplyTo);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ text: 'Oui, de 10 h à 18 h !', inReplyTo: readerStatusId });
    expect(again.body.data.remoteId).toBe(answers[0].id);

    const stored = await app.strapi
      .query('plugin::moderation.comment' as any)
      .findOne({ where: { documentId: comment.documentId } });
    expect(stored.firstResponseAt).toBeTruthy();
    const list = await app
      .http()
      .get(`/moderation/comments/${comment.documentId}/replies`)
      .set('Authorization', `Bearer ${token}`);
    expect(list.body.data).toHaveLength(1);
  });

  it('resolves a lost connection on Mastodon by sending again with the same key: still one answer', async () => {
    const { comment, token: accessToken } = await collectedMastodonQuestion();
    const body = { text: 'Réponse après coupure', idempotencyKey: key() };
    fakes.mastodon.failNext('drop-after-accept');
    const lost = await reply(comment.documentId, body);
    expect(lost.body.data.status).toBe('unconfirmed');
    const resent = await reply(comment.documentId, body);
    expect(resent.body.data.status).toBe('sent');
    expect(fakes.mastodon.published.filter((p) => p.account === accessToken && p.inReplyTo)).toHaveLength(1);
  });

  it('never re-sends a Telegram answer whose outcome is unknown (Telegram has no idempotency)', async () => {
    const bot = `${Math.floor(Math.random() * 1e9)}:${unique('bot')}`;
    const account = await createAccount(app.strapi, fakes, 'telegram', {
      name: unique('Telegram'),
      credentials: { botToken: bot, chatId: '@porte_voix' },
    });
    const { remoteId } = await publishOne(app.strapi, account.id);
    fakes.telegram.addReply(bot, { toMessageId: Number(remoteId.split(':')[1]), text: 'Et pour Lyon ?' });
    await inboxOnce(app.strapi);
    const [telegramComment] = await collected(app.strapi, { sourceAccountId: account.id });

    const body = { text: 'Lyon aussi !', idempotencyKey: key() };
    fakes.telegram.failNext('drop-after-accept');
    expect((await reply(telegramComment.documentId, body)).body.data.status).toBe('unconfirmed');
    const again = await reply(telegramComment.documentId, body);
    expect(again.body.data).toMatchObject({ status: 'unconfirmed' });
    expect(again.body.data.failureReason).toMatch(/check on Telegram/);
    const sent = fakes.telegram.published.filter((p) => p.account === bot && p.inReplyTo);
    expect(sent).toHaveLength(1);
    expect(sent[0].inReplyTo).toBe(telegramComment.remoteId);

    // A new answer (a new key) goes out threaded too.
    const next = await reply(telegramComment.documentId, {
      text: 'Et Marseille aussi',
      idempotencyKey: key(),
    });
    expect(next.body.data.status).toBe('sent');
  });

  it('refuses to answer a comment from our own site, and an answer without text', async () => {
    const { comment: collectedComment } = await collectedMastodonQuestion();
    expect((await reply(collectedComment.documentId, { text: '   ', idempotencyKey: key() })).status).toBe(
      400
    );
    const post = await createPost(app.strapi);
    const submitted = await app
      .http()
      .post('/api/moderation/comments')
      .send(comment(post.documentId, { authorEmail: `${unique('iris')}@example.org` }));
    expect(submitted.status).toBe(201);
    const refused = await reply(submitted.body.data.id, { text: 'Merci', idempotencyKey: key() });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.reason).toBe('not_from_a_network');
  });

  it('assigns, notes, measures the first response and the resolution, and flags what is overdue', async () => {
    const { comment: item } = await collectedMastodonQuestion();
    const as = (method: 'get' | 'put', url: string, body?: object) =>
      app.http()[method](url).set('Authorization', `Bearer ${token}`).send(body);
    expect(
      (
        await as('put', '/moderation/settings', {
          inbox: { responseGoalMinutes: 600, perNetwork: { mastodon: 5 } },
        })
      ).status
    ).toBe(200);
    // Arrived ten minutes ago: past Mastodon's five-minute goal.
    await app.strapi
      .query('plugin::moderation.comment' as any)
      .update({ where: { id: item.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    let card = (await as('get', `/moderation/comments/${item.documentId}`)).body.data;
    expect(card.handling).toMatchObject({ overdue: true, goalMinutes: 5, firstResponseMinutes: null });

    const admin = await app.strapi.db.query('admin::user').findOne({ where: { isActive: true } });
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
      (await reply(item.documentId, { text: 'Oui, ouvert dimanche', idempotencyKey: key() })).body.data.status
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
    const as = (method: 'post' | 'delete', url: string) =>
      app.http()[method](url).set('Authorization', `Bearer ${token}`);
    const bot = `${Math.floor(Math.random() * 1e9)}:${unique('bot')}`;
    const account = await createAccount(app.strapi, fakes, 'telegram', {
      name: unique('Telegram'),
      credentials: { botToken: bot, chatId: '@porte_voix' },
    });
    const { remoteId } = await publishOne(app.strapi, account.id);
    fakes.telegram.addReply(bot, { toMessageId: Number(remoteId.split(':')[1]), text: 'Pub pour mon site' });
    await inboxOnce(app.strapi);
    const [spam] = await collected(app.strapi, { sourceAccountId: account.id });
    // Liked first (the bot's 👍), then hidden.
    expect((await as('post', `/moderation/comments/${spam.documentId}/like`)).status).toBe(200);
    expect(fakes.telegram.reactions.get(spam.remoteId)).toEqual(['👍']);
    const hidden = await as('post', `/moderation/comments/${spam.documentId}/hide`);
    expect(hidden.status).toBe(200);
    expect(hidden.body.data.source.hiddenOnNetworkAt).toBeTruthy();
    expect(fakes.telegram.deleted).toContain(spam.remoteId);

    const { comment: question, token: accessToken } = await collectedMastodonQuestion();
    const refused = await as('post', `/moderation/comments/${question.documentId}/hide`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.reason).toBe('network_cannot_hide');
    const sent = (await reply(question.documentId, { text: 'Réponse à retirer', idempotencyKey: key() })).body
      .data;
    const removed = await as('delete', `/moderation/comments/${question.documentId}/replies/${sent.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.data.status).toBe('deleted');
    expect(fakes.mastodon.deleted).toEqual([sent.remoteId]);
    expect(fakes.mastodon.published.filter((p) => p.account === accessToken && p.inReplyTo)).toHaveLength(1);
    expect(
      (await as('delete', `/moderation/comments/${question.documentId}/replies/${sent.id}`)).status
    ).toBe(404);
  });
});
