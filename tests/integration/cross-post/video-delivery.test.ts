/**
 * A post with a video goes to YouTube through the dispatcher: the upload spends the day's quota on
 * the account, the accounts list shows it, and the next upload that would pass the quota waits for
 * midnight Pacific time with a reason an editor can read, nothing sent.
 */
import { randomBytes } from 'node:crypto';

import { nextQuotaReset, QUOTA } from '../../../plugins/cross-post/server/src/providers/youtube';
import { mediaLibrary } from '../../harness/media-library';
import type { TestApp } from '../../harness/strapi';
import type { Fakes } from '../../fakes';
import { adminApiOnFakes, scheduleMany } from './helpers';

let app: TestApp;
let fakes: Fakes;
const { api, dispatchOnce } = adminApiOnFakes((session) => ({ app, fakes } = session));

const library = mediaLibrary(() => app.strapi);
afterAll(() => library.removeAll());

/** A post of this run with one video in the media library. */
async function postWithVideo(title: string): Promise<string> {
  const video = await library.add(Buffer.alloc(300 * 1024, 5), {
    mime: 'video/mp4',
    ext: 'mp4',
    prefix: 'clip',
  });
  return library.postWith([video], { title, body: `${title} : la vidéo du festival #Lyon` });
}

const delivery = (postDocumentId: string, accountId: number) =>
  app.strapi.db.query('plugin::cross-post.delivery').findOne({ where: { postDocumentId, accountId } });

describe('YouTube through the dispatcher', () => {
  it("spends the day's quota on the account, shows it, and holds the upload that would pass it until midnight Pacific", async () => {
    const created = await api().post('/accounts', {
      network: 'youtube',
      name: `Chaîne ${randomBytes(3).toString('hex')}`,
      credentials: { accessToken: `yt-${randomBytes(6).toString('hex')}`, dailyQuota: String(QUOTA.upload) },
    });
    expect(created.status).toBe(201);
    const account = created.body.data;
    expect(account.usage).toMatchObject({ used: 0, limit: QUOTA.upload });

    const first = await postWithVideo('Fête du vélo');
    await scheduleMany(app.strapi, [first], [account.id], new Date());
    await dispatchOnce();
    expect(await delivery(first, account.id)).toMatchObject({ status: 'published' });
    expect(fakes.youtube.published).toHaveLength(1);
    expect([...fakes.youtube.videos.values()][0]).toMatchObject({ title: 'Fête du vélo' });

    const listed = (await api().get('/accounts')).body.data.find((a: any) => a.id === account.id);
    expect(listed.usage).toEqual({
      used: QUOTA.upload,
      limit: QUOTA.upload,
      resetsAt: nextQuotaReset().toISOString(),
    });

    const second = await postWithVideo('Deuxième vidéo');
    await scheduleMany(app.strapi, [second], [account.id], new Date());
    await dispatchOnce();
    const held = await delivery(second, account.id);
    expect(held.status).toBe('retrying');
    expect(held.failureReason).toMatch(/daily quota would be exceeded.*midnight Pacific/);
    expect(fakes.youtube.published).toHaveLength(1);
    const waiting = (await api().get('/accounts')).body.data.find((a: any) => a.id === account.id);
    expect(Math.abs(Date.parse(waiting.rateLimitedUntil) - nextQuotaReset().getTime())).toBeLessThan(5_000);
  });
});
