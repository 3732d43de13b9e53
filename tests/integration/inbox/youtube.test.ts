/**
 * The inbox on YouTube: viewers' comments and their replies under each of our recent videos, swept
 * video by video (100 threads a page, newest first, a long thread's replies read whole), each kept
 * once; answered as the channel under the thread, held for review, our answer deleted. Every call
 * spends the day's quota units shown on the account, and a 403 `quotaExceeded` holds the source until
 * midnight Pacific.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { QUOTA, nextQuotaReset } from '../../../plugins/cross-post/server/src/providers/youtube';
import { approvePost } from '../../harness/approval';
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, sourceOf, unique } from './helpers';

describe('inbox: YouTube comments', () => {
  const inbox = useInboxApp();
  const admin = (...args: Parameters<typeof inbox.admin>) => inbox.admin(...args);
  const written: string[] = [];
  afterAll(async () => {
    for (const file of written) await rm(file, { force: true });
  });

  const channel = async () => {
    const accessToken = unique('yt-token');
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'youtube' as any, {
      name: unique('Chaîne'),
      credentials: { accessToken },
    });
    return { account, accessToken };
  };

  /** A video of ours on the channel, published through the dispatcher: its post and video id. */
  async function publishedVideo(accountId: number, title: string) {
    const strapi = inbox.app.strapi;
    const name = `clip-${randomBytes(6).toString('hex')}.mp4`;
    const dir = path.join(strapi.dirs.static.public, 'uploads');
    await mkdir(dir, { recursive: true });
    written.push(path.join(dir, name));
    await writeFile(path.join(dir, name), Buffer.alloc(100 * 1024, 5));
    const file = await strapi.db.query('plugin::upload.file').create({
      data: {
        name,
        hash: name.replace('.mp4', ''),
        ext: '.mp4',
        mime: 'video/mp4',
        size: 100,
        url: `/uploads/${name}`,
        provider: 'local',
      },
    });
    const post = await strapi.documents('api::post.post' as any).create({
      locale: 'fr',
      data: { title, body: `${title} : la vidéo du festival`, media: [file.id] } as any,
    });
    await approvePost(strapi, post.documentId);
    await strapi
      .plugin('cross-post')
      .service('deliveries')
      .schedule(post.documentId, [accountId], new Date());
    while ((await strapi.plugin('cross-post').service('dispatcher').runOnce()) > 0);
    const delivery = await strapi
      .query('plugin::cross-post.delivery' as any)
      .findOne({ where: { postDocumentId: post.documentId, accountId } });
    if (delivery?.status !== 'published') throw new Error(`not published: ${JSON.stringify(delivery)}`);
    return { postDocumentId: post.documentId as string, videoId: String(delivery.remoteId) };
  }

  const commentReads = () =>
    inbox.fakes.youtube.requests.filter(
      (r) => r.method === 'GET' && ['/youtube/v3/commentThreads', '/youtube/v3/comments'].includes(r.path)
    );
  const threadReads = () =>
    commentReads()
      .filter((r) => r.path === '/youtube/v3/commentThreads')
      .map((r) => new URLSearchParams(r.query));

  const unitsSpent = async (accountId: number) => {
    const listed = (await admin('get', '/cross-post/accounts')).body.data.find(
      (a: any) => a.id === accountId
    );
    return listed.usage.used as number;
  };

  it('collects the threads and replies of each recent video once, page after page, and the next sweep finds what came since', async () => {
    const { account, accessToken } = await channel();
    const first = await publishedVideo(account.id, 'Fête du vélo');
    const second = await publishedVideo(account.id, 'Concert du parc');
    const youtube = inbox.fakes.youtube;
    const question = youtube.addComment(first.videoId, {
      text: 'La vidéo est-elle sous-titrée ?',
      author: 'Camille',
    });
    // More replies than a thread carries: they are read with comments?parentId=.
    const answers = Array.from({ length: 7 }, (_, i) =>
      youtube.addReply(question, { text: `Moi aussi je me demande ${i}`, author: `Lecteur ${i}` })
    );
    // The channel answered in YouTube Studio itself: its own comment is not a viewer's.
    youtube.addReply(question, { text: 'Oui, en français et en anglais.', account: accessToken });
    for (let i = 0; i < 130; i++)
      youtube.addComment(second.videoId, { text: `Bravo ${i}`, author: `Spectateur ${i}` });
    youtube.requests.length = 0;

    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows).toHaveLength(138);
    const asked = rows.find((row: any) => row.remoteId === question);
    expect(asked).toMatchObject({
      sourceNetwork: 'youtube',
      targetKey: `post:${first.postDocumentId}`,
      remoteParentId: first.videoId,
      authorHandle: 'Camille',
      authorUrl: expect.stringContaining('youtube.com/@Camille'),
      content: 'La vidéo est-elle sous-titrée ?',
      remoteUrl: `https://www.youtube.com/watch?v=${first.videoId}&lc=${question}`,
    });
    const replies = rows.filter((row: any) => row.remoteParentId === question);
    expect(replies.map((row: any) => row.remoteId).sort()).toEqual([...answers].sort());
    for (const reply of replies) expect(reply.parentId).toBe(asked.documentId);

    // One thread page for the first video, two of at most 100 for the second, newest first.
    const sweep = threadReads();
    const pages = (videoId: string) =>
      sweep.filter((q) => q.get('videoId') === videoId).map((q) => Boolean(q.get('pageToken')));
    expect(sweep).toHaveLength(3);
    expect(pages(first.videoId)).toEqual([false]);
    expect(pages(second.videoId)).toEqual([false, true]);
    for (const q of sweep) {
      expect(q.get('maxResults')).toBe('100');
      expect(q.get('order')).toBe('time');
    }
    expect(commentReads().filter((r) => r.path === '/youtube/v3/comments')).toHaveLength(1);

    expect(rows.map((row: any) => row.content)).not.toContain('Oui, en français et en anglais.');

    // Each read is a unit of the day's quota, on the account beside the two uploads, and the
    // channel's own id, asked once.
    const reads = commentReads().length;
    const channelReads = youtube.requests.filter((r) => r.path === '/youtube/v3/channels').length;
    expect(channelReads).toBe(1);
    expect(await unitsSpent(account.id)).toBe(2 * QUOTA.upload + reads + channelReads);

    // The next sweep finds the comment written since, and keeps each comment once.
    const late = youtube.addComment(first.videoId, { text: 'Merci pour la vidéo !', author: 'Noa' });
    await dueNow(inbox.app.strapi, account.id);
    await inboxOnce(inbox.app.strapi);
    const again = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(again).toHaveLength(139);
    expect(new Set(again.map((row: any) => row.remoteId)).size).toBe(139);
    expect(again.find((row: any) => row.remoteId === late)).toMatchObject({ authorHandle: 'Noa' });
  });

  it('answers as the channel under the thread, once; an unknown outcome is looked for, never sent again; holds a comment for review; deletes our answer', async () => {
    const { account } = await channel();
    const video = await publishedVideo(account.id, 'Atelier réparation');
    const youtube = inbox.fakes.youtube;
    const top = youtube.addComment(video.videoId, { text: 'C’est où ?' });
    const nested = youtube.addReply(top, { text: 'Et à quelle heure ?', author: 'Sam' });
    const spam = youtube.addComment(video.videoId, { text: 'Gagnez 1000 € par jour', author: 'Spam' });
    await inboxOnce(inbox.app.strapi);
    const before = await unitsSpent(account.id);

    const [row] = await collected(inbox.app.strapi, { remoteId: nested });
    const body = { text: 'À 18 h, place du marché.', idempotencyKey: inbox.answerKey() };
    const { answer, published } = await inbox.answerTwiceAtOnce(row.documentId, body, () =>
      youtube.published.filter((p) => p.text === body.text)
    );
    // YouTube threads one level deep: the answer to a reply sits under the thread's first comment.
    expect(youtube.comment(published.id)).toMatchObject({ parentId: top, videoId: video.videoId });

    // The connection drops after YouTube took the answer: looked for in the thread among the channel's
    // own replies (a viewer's same words are not ours), recorded sent, never sent again.
    const unsure = { text: 'Précision : entrée libre.', idempotencyKey: inbox.answerKey() };
    youtube.addReply(top, { text: unsure.text, author: 'Léo' });
    youtube.failNext('drop-after-accept');
    const dropped = await admin('post', `/moderation/comments/${row.documentId}/reply`, unsure);
    expect(dropped.body.data.status).toBe('unconfirmed');
    const retried = await admin('post', `/moderation/comments/${row.documentId}/reply`, unsure);
    const [kept] = youtube.published.filter((p) => p.text === unsure.text);
    expect(retried.body.data).toMatchObject({ status: 'sent', remoteId: kept.id });
    expect(youtube.published.filter((p) => p.text === unsure.text)).toHaveLength(1);
    // Lost before YouTube had it: not found, and still not sent again blindly.
    const lost = { text: 'Et le parking est gratuit.', idempotencyKey: inbox.answerKey() };
    youtube.failNext('drop-before-store');
    expect((await admin('post', `/moderation/comments/${row.documentId}/reply`, lost)).body.data.status).toBe(
      'unconfirmed'
    );
    expect((await admin('post', `/moderation/comments/${row.documentId}/reply`, lost)).body.data.status).toBe(
      'unconfirmed'
    );
    expect(youtube.published.filter((p) => p.text === lost.text)).toHaveLength(0);

    const [spamRow] = await collected(inbox.app.strapi, { remoteId: spam });
    expect((await admin('post', `/moderation/comments/${spamRow.documentId}/hide`)).status).toBe(200);
    expect(youtube.comment(spam)?.moderationStatus).toBe('heldForReview');
    expect((await collected(inbox.app.strapi, { remoteId: spam }))[0].hiddenOnNetworkAt).toBeTruthy();
    // YouTube's API cannot like a comment.
    expect((await admin('post', `/moderation/comments/${row.documentId}/like`)).status).toBe(400);

    const removed = await admin('delete', `/moderation/comments/${row.documentId}/replies/${answer.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.data.status).toBe('deleted');
    expect(youtube.comment(published.id)).toBeUndefined();

    // Three answers sent (a lookup and an insert each: the one lost on the way spent its units too),
    // two look-ups of an unknown outcome (the comment, its thread: the channel's id was asked once, by
    // the sweep), a hold and a delete.
    const spent = 3 * (QUOTA.read + QUOTA.comment) + 2 * 2 * QUOTA.read + QUOTA.moderate + QUOTA.delete;
    expect(await unitsSpent(account.id)).toBe(before + spent);
  });

  it("counts every unit when comments are held at once, and starts a new day's ledger from nothing", async () => {
    const { account } = await channel();
    const video = await publishedVideo(account.id, 'Brocante du quartier');
    const spam = Array.from({ length: 12 }, (_, i) =>
      inbox.fakes.youtube.addComment(video.videoId, { text: `Promo ${i}`, author: `Spam ${i}` })
    );
    await inboxOnce(inbox.app.strapi);
    const before = await unitsSpent(account.id);

    // Each hold reads the account, spends on YouTube, then counts its units: all at once, none is lost.
    const [last, ...atOnce] = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(atOnce).toHaveLength(spam.length - 1);
    const held = await Promise.all(
      atOnce.map((row: any) => admin('post', `/moderation/comments/${row.documentId}/hide`))
    );
    expect(held.map((response) => response.status)).toEqual(atOnce.map(() => 200));
    expect(await unitsSpent(account.id)).toBe(before + atOnce.length * QUOTA.moderate);

    // A ledger from an earlier day (Pacific time) is not added to: today's count starts again.
    await inbox.app.strapi
      .query('plugin::cross-post.social-account' as any)
      .update({ where: { id: account.id }, data: { quotaDay: '2000-01-01', quotaUnitsSpent: 9_000 } });
    expect((await admin('post', `/moderation/comments/${last.documentId}/hide`)).status).toBe(200);
    expect(await unitsSpent(account.id)).toBe(QUOTA.moderate);
  });

  it('holds the source until midnight Pacific when YouTube says the quota is used up', async () => {
    const { account } = await channel();
    const video = await publishedVideo(account.id, 'Marché de Noël');
    inbox.fakes.youtube.addComment(video.videoId, { text: 'Super ambiance' });
    inbox.fakes.youtube.failNextRead('rate-limit');
    await inboxOnce(inbox.app.strapi);
    expect(await collected(inbox.app.strapi, { sourceAccountId: account.id })).toHaveLength(0);
    const held = await sourceOf(inbox.app.strapi, account.id);
    expect(Math.abs(new Date(held.nextRunAt).getTime() - nextQuotaReset().getTime())).toBeLessThan(5_000);
    expect(held.lastError).toMatch(/quotaExceeded.*midnight Pacific/);
  });

  it('reads on past a video whose comments are turned off', async () => {
    const { account } = await channel();
    const open = await publishedVideo(account.id, 'Marché de Noël');
    const closed = await publishedVideo(account.id, 'Annonce sans commentaires');
    inbox.fakes.youtube.addComment(open.videoId, { text: 'Super ambiance' });
    inbox.fakes.youtube.addComment(closed.videoId, { text: 'Écrit avant la fermeture' });
    inbox.fakes.youtube.commentsDisabled.add(closed.videoId);
    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows.map((row: any) => row.content)).toEqual(['Super ambiance']);
    expect((await sourceOf(inbox.app.strapi, account.id)).lastError ?? null).toBeNull();
  });
});
