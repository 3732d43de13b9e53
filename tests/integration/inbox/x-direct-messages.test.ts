/**
 * X direct messages in the inbox: read newest first down to the last one kept (never again), page by
 * page, the account's own messages left out, a 429 waited out without losing any; answered privately
 * into the reader's conversation (never as a public post), exactly once even when the connection
 * drops; a token without `dm.read` said once on the source while mentions are still collected.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, sourceOf, unique } from './helpers';

describe('inbox: X direct messages', () => {
  const inbox = useInboxApp();
  const x = () => inbox.fakes.x;

  async function publishedOnX() {
    const accessToken = unique('x-token');
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'x', {
      name: unique('X'),
      credentials: { accessToken, refreshToken: unique('x-refresh'), clientId: 'client' },
    });
    return { ...(await publishOne(inbox.app.strapi, account.id)), account, accessToken };
  }

  const dmReads = () =>
    x()
      .requests.filter((r) => r.path === '/2/dm_events')
      .map((r) => new URLSearchParams(r.query));
  const answer = (documentId: string, body: object) =>
    inbox.admin('post', `/moderation/comments/${documentId}/reply`, body);
  const round = async (accountId: number) => {
    await dueNow(inbox.app.strapi, accountId);
    await inboxOnce(inbox.app.strapi);
  };

  it('collects a reader’s DM once, never the account’s own, and reads on from the newest kept', async () => {
    const { account, accessToken } = await publishedOnX();
    const question = x().addDirectMessage(accessToken, {
      text: 'Bonjour, ma commande n’est pas arrivée',
      username: 'lea',
    });
    x().addDirectMessage(accessToken, { text: 'Nous regardons.', username: 'lea', fromAccount: true });
    x().requests.length = 0;
    await inboxOnce(inbox.app.strapi);

    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows).toEqual([
      expect.objectContaining({
        sourceNetwork: 'x',
        remoteId: `dm:${question.conversationId}:${question.eventId}`,
        authorHandle: '@lea',
        remoteUrl: `https://x.com/messages/${question.conversationId}`,
        content: 'Bonjour, ma commande n’est pas arrivée',
      }),
    ]);
    const [read] = dmReads();
    expect(read.get('event_types')).toBe('MessageCreate');
    expect(read.get('expansions')).toBe('sender_id');

    // The next rounds read down to the newest event kept: nothing collected twice.
    await round(account.id);
    await round(account.id);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(1);

    const followUp = x().addDirectMessage(accessToken, { text: 'Merci !', username: 'lea' });
    await round(account.id);
    const after = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(after.map((row: any) => row.remoteId)).toEqual([
      `dm:${question.conversationId}:${question.eventId}`,
      `dm:${followUp.conversationId}:${followUp.eventId}`,
    ]);
  });

  it('follows the pages of a backlog, and waits out a 429 in the middle without losing a message', async () => {
    const { account, accessToken } = await publishedOnX();
    for (let i = 0; i < 230; i++)
      x().addDirectMessage(accessToken, { text: `Message ${i}`, username: `r${i}` });
    x().requests.length = 0;
    // First round: mentions, search, then the first DM page (the round's three pages).
    await inboxOnce(inbox.app.strapi);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(100);

    // The next round meets X's 429 (with its reset time) before the second page: the source waits for it.
    x()
      .configure({ rateLimitWaitMs: 10 * 60_000 })
      .failNextRead('rate-limit');
    await round(account.id);
    x().configure({ rateLimitWaitMs: 1000 });
    const held = await sourceOf(inbox.app.strapi, account.id);
    expect(new Date(held.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 8 * 60_000);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(100);

    // X's reset time has come: the descent carries on from its page token, and ends at the bottom.
    await inbox.app.strapi
      .query('plugin::cross-post.social-account' as any)
      .update({ where: { id: account.id }, data: { metricsPausedUntil: null } });
    await round(account.id);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows).toHaveLength(230);
    expect(new Set(rows.map((row: any) => row.content)).size).toBe(230);
    const tokens = dmReads().map((q) => q.get('pagination_token'));
    // Pages 2 and 3 each read once, with X's token; then a fresh read from the top next time.
    expect(tokens.filter(Boolean)).toHaveLength(2);
    expect(dmReads().every((q) => Number(q.get('max_results')) <= 100)).toBe(true);
    await round(account.id);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(230);
  });

  it('answers a DM privately in its conversation, exactly once, even when the connection drops', async () => {
    const { accessToken } = await publishedOnX();
    const dm = x().addDirectMessage(accessToken, { text: 'Vous livrez à Lyon ?', username: 'hugo' });
    await inboxOnce(inbox.app.strapi);
    const [row] = await collected(inbox.app.strapi, { remoteId: `dm:${dm.conversationId}:${dm.eventId}` });
    const ours = (text: string) =>
      x()
        .directMessages(dm.conversationId)
        .filter((e) => e.sender === x().userIdOf(accessToken) && e.text === text);
    const publicPosts = () => x().published.filter((p) => p.inReplyTo !== dm.conversationId);
    const before = publicPosts().length;

    const body = { text: 'Oui, sous 48 h.', idempotencyKey: inbox.answerKey() };
    await inbox.answerTwiceAtOnce(row.documentId, body, () =>
      x().published.filter((p) => p.inReplyTo === dm.conversationId)
    );
    // Whichever request lost the race answered "sending": once settled, the same answer is "sent".
    expect((await answer(row.documentId, body)).body.data.status).toBe('sent');
    expect(ours('Oui, sous 48 h.')).toHaveLength(1);
    expect(publicPosts()).toHaveLength(before);

    // X stored the message, then the connection dropped: unconfirmed; the same answer again is found, not re-sent.
    x().failNext('drop-after-accept');
    const lost = { text: 'Et à Grenoble aussi.', idempotencyKey: inbox.answerKey() };
    expect((await answer(row.documentId, lost)).body.data.status).toBe('unconfirmed');
    const confirmed = (await answer(row.documentId, lost)).body.data;
    expect(confirmed.status).toBe('sent');
    expect(ours('Et à Grenoble aussi.')).toEqual([
      expect.objectContaining({ id: confirmed.remoteId.split(':').pop() }),
    ]);

    // The connection dropped before X stored it: not found, and never sent again blindly (it may
    // still be on its way); the editor is told to check on X.
    x().failNext('drop-before-store');
    const never = { text: 'Et à Annecy.', idempotencyKey: inbox.answerKey() };
    expect((await answer(row.documentId, never)).body.data.status).toBe('unconfirmed');
    const still = (await answer(row.documentId, never)).body.data;
    expect(still).toMatchObject({
      status: 'unconfirmed',
      failureReason: expect.stringMatching(/check on X/),
    });
    expect(ours('Et à Annecy.')).toHaveLength(0);
    expect(publicPosts()).toHaveLength(before);
  });

  it('says on the source when the token cannot read DMs, and still collects mentions', async () => {
    const { account, accessToken, remoteId } = await publishedOnX();
    x().withoutDmScope.add(accessToken);
    x().addDirectMessage(accessToken, { text: 'Un message privé', username: 'iris' });
    const mention = x().addMention(accessToken, { inReplyTo: remoteId, text: '@porte_voix bravo' });
    await inboxOnce(inbox.app.strapi);
    expect(
      (await collected(inbox.app.strapi, { sourceAccountId: account.id })).map((r: any) => r.remoteId)
    ).toEqual([mention]);
    expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(
      /X does not let this app read the account's direct messages.*dm\.read/
    );

    // Not asked again for a day, and still said; mentions still read.
    x().requests.length = 0;
    const later = x().addMention(accessToken, { inReplyTo: remoteId, text: '@porte_voix encore' });
    await round(account.id);
    expect(dmReads()).toHaveLength(0);
    expect(
      (await collected(inbox.app.strapi, { sourceAccountId: account.id })).map((r: any) => r.remoteId)
    ).toEqual([mention, later]);
    expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(/direct messages/);
  });
});
