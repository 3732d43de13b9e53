/**
 * The inbox collects replies and mentions from the networks into the moderation queue: placed under
 * our post, judged by the rules, with an intent guess; read forward from a cursor (never the history
 * again), page after page within the network's limit, waiting when the network says so.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishedOnMastodon, publishOne, sourceOf, unique } from './helpers';

describe('inbox: collection from the networks', () => {
  const inbox = useInboxApp();

  it('collects a reply under our post and a mention on the account, once, with their thread and author', async () => {
    const {
      account,
      token: accessToken,
      remoteId,
      postDocumentId,
      url,
    } = await publishedOnMastodon(inbox.app.strapi, inbox.fakes);
    const reply = inbox.fakes.mastodon.addMention(accessToken, {
      inReplyTo: remoteId,
      text: 'Quand ouvrent les inscriptions ?',
      acct: 'alice@example.social',
      language: 'fr',
    });
    inbox.fakes.mastodon.addMention(accessToken, {
      text: 'Bravo @porte_voix, super initiative',
      acct: 'bob@example.social',
    });

    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows).toHaveLength(2);
    const question = rows.find((row: any) => row.remoteId === reply.statusId);
    expect(question).toMatchObject({
      sourceNetwork: 'mastodon',
      sourceAccountName: account.name,
      targetType: 'post',
      targetKey: `post:${postDocumentId}`,
      remoteParentId: remoteId,
      remotePostId: remoteId,
      remotePostUrl: url,
      authorHandle: 'alice@example.social',
      authorUrl: 'https://example.social/@alice',
      remoteUrl: `https://example.social/@alice/${reply.statusId}`,
      content: 'Quand ouvrent les inscriptions ?',
      locale: 'fr',
      intent: 'question',
      priority: 0,
    });
    const mention = rows.find((row: any) => row.remoteId !== reply.statusId);
    expect(mention).toMatchObject({ targetKey: `account:${account.id}`, intent: 'praise', priority: 1 });

    // The next read starts after what was kept: nothing is stored twice, nothing old is read again.
    await dueNow(inbox.app.strapi, account.id);
    inbox.fakes.mastodon.requests.length = 0;
    const next = inbox.fakes.mastodon.addMention(accessToken, {
      inReplyTo: reply.statusId,
      text: 'Moi aussi je voudrais savoir',
      acct: 'carol@example.social',
    });
    await inboxOnce(inbox.app.strapi);
    const after = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(after).toHaveLength(3);
    const threaded = after.find((row: any) => row.remoteId === next.statusId);
    // A reply to a reply sits in the thread of the reply it answers, under our post.
    expect(threaded).toMatchObject({
      parentId: question.documentId,
      threadId: question.documentId,
      targetKey: `post:${postDocumentId}`,
    });
    const reads = inbox.fakes.mastodon.requests.filter((r) => r.path === '/api/v1/notifications');
    expect(reads).toHaveLength(1);
    expect(new URLSearchParams(reads[0].query).get('min_id')).toBeTruthy();
  });

  it('reads a backlog page by page within Mastodon’s 80 per page, from the cursor on', async () => {
    const {
      account,
      token: accessToken,
      remoteId,
    } = await publishedOnMastodon(inbox.app.strapi, inbox.fakes);
    inbox.fakes.mastodon.addMention(accessToken, { inReplyTo: remoteId, text: 'Premier' });
    await inboxOnce(inbox.app.strapi);
    for (let i = 0; i < 170; i++)
      inbox.fakes.mastodon.addMention(accessToken, {
        inReplyTo: remoteId,
        text: `Réponse numéro ${i}`,
        acct: `r${i}@example.social`,
      });
    await dueNow(inbox.app.strapi, account.id);
    inbox.fakes.mastodon.requests.length = 0;
    await inboxOnce(inbox.app.strapi);

    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(171);
    const reads = inbox.fakes.mastodon.requests.filter((r) => r.path === '/api/v1/notifications');
    expect(reads).toHaveLength(3);
    const cursors = reads.map((r) => new URLSearchParams(r.query).get('min_id'));
    expect(new Set(cursors).size).toBe(3);
    for (const r of reads) expect(Number(new URLSearchParams(r.query).get('limit'))).toBeLessThanOrEqual(80);
    expect((await sourceOf(inbox.app.strapi, account.id)).collectedCount).toBe(171);
  });

  it('waits for the time Mastodon names after a 429, and reads nothing meanwhile', async () => {
    const {
      account,
      token: accessToken,
      remoteId,
    } = await publishedOnMastodon(inbox.app.strapi, inbox.fakes);
    inbox.fakes.mastodon.addMention(accessToken, { inReplyTo: remoteId, text: 'Avant la limite' });
    inbox.fakes.mastodon.configure({ rateLimitWaitMs: 10 * 60_000 }).failNextRead('rate-limit');
    await inboxOnce(inbox.app.strapi);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(0);
    const source = await sourceOf(inbox.app.strapi, account.id);
    expect(source.lastErrorKind).toBe('rate_limited');
    expect(new Date(source.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 8 * 60_000);
    // The admin reads what the source met: its kind (said in the editor's language) and the network's words.
    const listed = (await inbox.admin('get', '/moderation/inbox/sources')).body.data.sources;
    expect(listed.find((s: any) => s.accountId === account.id)).toMatchObject({
      lastErrorKind: 'rate_limited',
      lastError: source.lastError,
      nextRunAt: expect.any(String),
    });
    expect(source.lastError).not.toMatch(/^rate_limited/);

    inbox.fakes.mastodon.requests.length = 0;
    await inboxOnce(inbox.app.strapi);
    expect(inbox.fakes.mastodon.requests.filter((r) => r.path === '/api/v1/notifications')).toHaveLength(0);
    inbox.fakes.mastodon.configure({ rateLimitWaitMs: 1000 });
  });

  it('reads Telegram replies from the confirmed offset: each update once', async () => {
    const bot = `${Math.floor(Math.random() * 1e9)}:${unique('bot')}`;
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'telegram', {
      name: unique('Telegram'),
      credentials: { botToken: bot, chatId: '@porte_voix' },
    });
    const { remoteId, postDocumentId } = await publishOne(inbox.app.strapi, account.id);
    const messageId = Number(remoteId.split(':')[1]);
    inbox.fakes.telegram.addReply(bot, {
      toMessageId: messageId,
      text: 'Toujours pas reçu mon colis, c’est inadmissible',
      from: 'dominique',
    });
    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      sourceNetwork: 'telegram',
      targetKey: `post:${postDocumentId}`,
      authorHandle: '@dominique',
      authorUrl: 'https://t.me/dominique',
      intent: 'complaint',
    });

    await dueNow(inbox.app.strapi, account.id);
    inbox.fakes.telegram.requests.length = 0;
    inbox.fakes.telegram.addReply(bot, {
      toMessageId: messageId,
      text: 'Merci pour la réponse rapide',
      from: 'eve',
    });
    await inboxOnce(inbox.app.strapi);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(2);
    const read = inbox.fakes.telegram.requests.find((r) => r.path.endsWith('/getUpdates'));
    expect(Number(new URLSearchParams(read!.query).get('offset'))).toBeGreaterThan(0);
  });

  it('shows network items in the queue beside frontend comments, filterable by source and language, questions first', async () => {
    const {
      account,
      token: accessToken,
      remoteId,
      postDocumentId,
    } = await publishedOnMastodon(inbox.app.strapi, inbox.fakes);
    inbox.fakes.mastodon.addMention(accessToken, {
      inReplyTo: remoteId,
      text: 'Une photo sympa',
      acct: 'f@example.social',
    });
    inbox.fakes.mastodon.addMention(accessToken, {
      inReplyTo: remoteId,
      text: 'Where can I buy tickets?',
      acct: 'g@example.social',
    });
    await inboxOnce(inbox.app.strapi);
    const as = (url: string) => inbox.admin('get', url);

    const list = await as(
      `/moderation/comments?status=all&source=mastodon&target=post:${postDocumentId}&sort=priority`
    );
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: any) => c.content)).toEqual([
      'Where can I buy tickets?',
      'Une photo sympa',
    ]);
    expect(list.body.data[0]).toMatchObject({
      intent: 'question',
      source: { network: 'mastodon', accountId: account.id, authorHandle: 'g@example.social' },
    });
    const frontend = await as(
      `/moderation/comments?status=all&source=frontend&target=post:${postDocumentId}`
    );
    expect(frontend.body.data).toHaveLength(0);
    const bad = await as('/moderation/comments?source=NOT%20A%20SOURCE');
    expect(bad.status).toBe(400);

    // Mastodon said neither's language: it is guessed from the words. One said German.
    inbox.fakes.mastodon.addMention(accessToken, {
      inReplyTo: remoteId,
      text: 'Schönes Foto, danke!',
      acct: 'h@example.social',
      language: 'de',
    });
    await dueNow(inbox.app.strapi, account.id);
    await inboxOnce(inbox.app.strapi);
    const inLanguage = async (language: string) =>
      (
        await as(`/moderation/comments?status=all&target=post:${postDocumentId}&language=${language}`)
      ).body.data.map((c: any) => c.content);
    expect(await inLanguage('fr')).toEqual(['Une photo sympa']);
    expect(await inLanguage('en')).toEqual(['Where can I buy tickets?']);
    expect(await inLanguage('other')).toEqual(['Schönes Foto, danke!']);
    const counts = await as(`/moderation/comments/counts?target=post:${postDocumentId}&language=fr`);
    expect(counts.body.data).toMatchObject({ all: 1 });
    const unknown = await as('/moderation/comments?language=klingon');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/fr, en, other/);

    // Readers of our site never see what was written on a network.
    const publicList = await inbox.app.http().get(`/api/moderation/comments?target=post:${postDocumentId}`);
    expect(publicList.body.data ?? []).toHaveLength(0);
  });
});
