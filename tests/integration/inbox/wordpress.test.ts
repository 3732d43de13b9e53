/**
 * The inbox on WordPress: readers' approved comments under each of our recent articles, swept article
 * by article from the time the last sweep started, 100 a page (`page` and `X-WP-TotalPages`), placed
 * under the article or under the comment they answer; read again, each comment is kept once.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, unique } from './helpers';

describe('inbox: WordPress comments', () => {
  const inbox = useInboxApp();

  const commentReads = () =>
    inbox.fakes.wordpress.requests
      .filter((r) => r.path === '/wp-json/wp/v2/comments')
      .map((r) => new URLSearchParams(r.query));

  it('sweeps the comments of each recent article, 100 a page, then reads on from the last sweep', async () => {
    const account = await createAccount(inbox.app.strapi, inbox.fakes, 'wordpress' as any, {
      name: unique('Blog'),
      credentials: { username: unique('redaction'), appPassword: 'abcd efgh ijkl mnop qrst uvwx' },
    });
    const first = await publishOne(inbox.app.strapi, account.id);
    const second = await publishOne(inbox.app.strapi, account.id);
    const question = inbox.fakes.wordpress.addComment(first.remoteId, {
      text: 'Est-ce que l’atelier est gratuit ?',
      author: 'Camille',
    });
    inbox.fakes.wordpress.addComment(first.remoteId, { text: 'Oui, entrée libre.', parentId: question });
    for (let i = 0; i < 230; i++)
      inbox.fakes.wordpress.addComment(second.remoteId, { text: `Commentaire ${i}`, author: `Lecteur ${i}` });
    inbox.fakes.wordpress.requests.length = 0;

    await inboxOnce(inbox.app.strapi);
    const rows = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(rows).toHaveLength(232);
    const asked = rows.find((row: any) => row.remoteId === String(question));
    expect(asked).toMatchObject({
      sourceNetwork: 'wordpress',
      targetKey: `post:${first.postDocumentId}`,
      remoteParentId: first.remoteId,
      authorHandle: 'Camille',
      content: 'Est-ce que l’atelier est gratuit ?',
    });
    expect(rows.find((row: any) => row.remoteParentId === String(question))).toMatchObject({
      parentId: asked.documentId,
    });

    // One page for the first article, three of at most 100 for the second.
    const sweep = commentReads();
    expect(sweep.map((q) => [q.get('post'), q.get('page')])).toEqual([
      [first.remoteId, '1'],
      [second.remoteId, '1'],
      [second.remoteId, '2'],
      [second.remoteId, '3'],
    ]);
    for (const q of sweep) expect(Number(q.get('per_page'))).toBeLessThanOrEqual(100);

    // The next sweep reads from when the last one started, and keeps each comment once.
    inbox.fakes.wordpress.addComment(first.remoteId, { text: 'Merci pour la réponse !' });
    await dueNow(inbox.app.strapi, account.id);
    inbox.fakes.wordpress.requests.length = 0;
    await inboxOnce(inbox.app.strapi);
    const again = await collected(inbox.app.strapi, { sourceAccountId: account.id });
    expect(again).toHaveLength(233);
    const next = commentReads();
    expect(Date.parse(next[0].get('after')!)).toBeGreaterThanOrEqual(Date.parse(sweep[0].get('after')!));
    expect(new Set(next.map((q) => q.get('post')))).toEqual(new Set([first.remoteId, second.remoteId]));
  });
});
