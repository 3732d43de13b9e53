/**
 * A post with a video goes to YouTube through the dispatcher: the upload spends the day's quota on
 * the account, the accounts list shows it, and the next upload that would pass the quota waits for
 * midnight Pacific time with a reason an editor can read, nothing sent.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { nextQuotaReset, QUOTA } from '../../../plugins/cross-post/server/src/providers/youtube';
import { approvePost } from '../../harness/approval';
import type { TestApp } from '../../harness/strapi';
import type { Fakes } from '../../fakes';
import { adminApiOnFakes, scheduleMany } from './helpers';

let app: TestApp;
let fakes: Fakes;
const { api, dispatchOnce } = adminApiOnFakes((session) => ({ app, fakes } = session));

const written: string[] = [];
afterAll(async () => {
  for (const file of written) await rm(file, { force: true });
});

/** A post of this run with one video in the media library (a file under public/uploads). */
async function postWithVideo(title: string): Promise<string> {
  const name = `clip-${randomBytes(6).toString('hex')}.mp4`;
  const dir = path.join(app.strapi.dirs.static.public, 'uploads');
  await mkdir(dir, { recursive: true });
  written.push(path.join(dir, name));
  await writeFile(path.join(dir, name), Buffer.alloc(300 * 1024, 5));
  const file = await app.strapi.db.query('plugin::upload.file').create({
    data: {
      name,
      hash: name.replace('.mp4', ''),
      ext: '.mp4',
      mime: 'video/mp4',
      size: 300,
      url: `/uploads/${name}`,
      provider: 'local',
    },
  });
  const post = await app.strapi.documents('api::post.post' as any).create({
    locale: 'fr',
    data: { title, body: `${title} : la vidéo du festival #Lyon`, media: [file.id] } as any,
  });
  await approvePost(app.strapi, post.documentId);
  return post.documentId;
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
