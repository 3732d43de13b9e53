/**
 * Images made to fit each network before they are sent: an Instagram feed image outside 4:5–1.91:1 is
 * padded, a PNG becomes a JPEG, a width over 1,440 px is scaled down, and the network downloads the
 * variant from its own public address; Pinterest takes the same PNG as it is. The preview says what
 * changes for which network; an image that cannot be read fails the delivery with what to do.
 */
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

import { mediaLibrary } from '../../harness/media-library';
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { createAccount } from './helpers';

const PUBLIC_URL = 'https://porte-voix.example';
let app: TestApp;
let fakes: Fakes;
let token: string;
const library = mediaLibrary(() => app.strapi);

beforeAll(async () => {
  fakes = await startFakes();
  app = await bootStrapi({
    env: { CROSS_POST_DISPATCHER: 'false', CROSS_POST_PUBLIC_URL: PUBLIC_URL, ...fakeApiBaseUrlsEnv(fakes) },
  });
  token = await app.adminToken();
});
afterAll(async () => {
  await library.removeAll();
  await app?.stop();
  await fakes?.stop();
});

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const publicDir = () => app.strapi.dirs.static.public;

/** A post with one file of the media library. */
async function postWithImage(data: Buffer, mime: string, ext: string): Promise<string> {
  const title = unique('Panorama');
  const image = await library.add(data, { mime, ext, prefix: 'image' });
  return library.postWith([image], { title, body: `${title} : la vue depuis la colline` });
}

const panorama = () =>
  sharp({
    create: { width: 2000, height: 500, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 1 } },
  })
    .png()
    .toBuffer();

/** The width / height of a preview's picture (a data: address). */
async function thumbnailAspect(thumbnail: string): Promise<number> {
  expect(thumbnail).toMatch(/^data:image\/jpeg;base64,/);
  const meta = await sharp(Buffer.from(thumbnail.split(',')[1], 'base64')).metadata();
  return meta.width! / meta.height!;
}

async function sendNow(documentId: string, accountId: number) {
  await app.strapi.plugin('cross-post').service('deliveries').schedule(documentId, [accountId], new Date());
  while ((await app.strapi.plugin('cross-post').service('dispatcher').runOnce()) > 0);
  return app.strapi.db
    .query('plugin::cross-post.delivery')
    .findOne({ where: { postDocumentId: documentId, accountId } });
}

it('pads a wide PNG to 1.91:1, scales it to 1,440 px and sends it to Instagram as a JPEG from its own address', async () => {
  const account = await createAccount(app.strapi, fakes, 'instagram' as any, {
    name: unique('Instagram'),
    credentials: {
      userId: String(17841400000000000 + Math.floor(Math.random() * 1e6)),
      accessToken: unique('ig'),
    },
  });
  const documentId = await postWithImage(await panorama(), 'image/png', 'png');

  const preview = await app
    .http()
    .get(`/cross-post/posts/${documentId}/preview?accountIds=${account.id}`)
    .set('Authorization', `Bearer ${token}`);
  expect(preview.status).toBe(200);
  const [instagram] = preview.body.data;
  expect(instagram.problems).toEqual([]);
  expect(instagram.mediaChanges).toEqual([
    {
      filename: expect.stringMatching(/\.png$/),
      reasons: ['aspect 4.00:1 padded to 1.91:1', 'scaled down to 1440 px wide', 'PNG converted to JPEG'],
    },
  ]);
  // The side panel shows the image as Instagram gets it: padded to 1.91:1, as a JPEG.
  expect(instagram.media).toEqual([
    expect.objectContaining({ mimeType: 'image/jpeg', width: 1440, height: expect.any(Number) }),
  ]);
  expect(instagram.media[0].width / instagram.media[0].height).toBeCloseTo(1.91, 1);
  expect(await thumbnailAspect(instagram.media[0].thumbnail)).toBeCloseTo(1.91, 1);

  const delivery = await sendNow(documentId, account.id);
  expect(delivery).toMatchObject({ status: 'published' });
  const [imageUrl] = [...fakes.instagram.containers.values()].find((c) => c.urls.length > 0)!.urls;
  expect(imageUrl).toMatch(new RegExp(`^${PUBLIC_URL}/uploads/cross-post/[0-9a-f]{32}\\.jpg$`));
  const variant = await readFile(path.join(publicDir(), imageUrl.slice(PUBLIC_URL.length)));
  library.alsoRemove(path.join(publicDir(), imageUrl.slice(PUBLIC_URL.length)));
  const meta = await sharp(variant).metadata();
  expect(meta).toMatchObject({ format: 'jpeg', width: 1440 });
  expect(meta.width! / meta.height!).toBeCloseTo(1.91, 1);
});

it('takes the same PNG as it is on Pinterest, and says nothing changes there', async () => {
  const account = await createAccount(app.strapi, fakes, 'pinterest' as any, {
    name: unique('Pinterest'),
    credentials: {
      accessToken: unique('pin'),
      refreshToken: 'pin-refresh',
      clientId: 'pin-app',
      clientSecret: 'pin-secret',
      boardId: '549755885175',
    },
  });
  const documentId = await postWithImage(await panorama(), 'image/png', 'png');
  const preview = await app
    .http()
    .get(`/cross-post/posts/${documentId}/preview?accountIds=${account.id}`)
    .set('Authorization', `Bearer ${token}`);
  expect(preview.body.data[0].mediaChanges).toEqual([]);
  expect(preview.body.data[0].media).toEqual([
    expect.objectContaining({ mimeType: 'image/png', width: 2000, height: 500 }),
  ]);
  expect(await thumbnailAspect(preview.body.data[0].media[0].thumbnail)).toBeCloseTo(4, 1);
});

it('previews many images for many Instagram accounts resizing each image as for one account', async () => {
  const accounts = [];
  for (let i = 0; i < 3; i++) {
    accounts.push(
      await createAccount(app.strapi, fakes, 'instagram' as any, {
        name: unique('Instagram'),
        credentials: {
          userId: String(17841400000000000 + Math.floor(Math.random() * 1e6)),
          accessToken: unique('ig'),
        },
      })
    );
  }
  const picture = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
      .png()
      .toBuffer();
  const files = [];
  for (const data of [await panorama(), await picture(1600, 1600), await picture(900, 1600)])
    files.push(await library.add(data, { mime: 'image/png', ext: 'png', prefix: 'image' }));
  const documentId = await library.postWith(files, { title: unique('Album'), body: 'Trois vues du marché' });
  const variantsDir = path.join(publicDir(), 'uploads', 'cross-post');
  const variantsBefore = new Set(await readdir(variantsDir).catch(() => []));

  // The app's own sharp (Node's, not Jest's copy of it) does the resizing.
  const appSharp = (globalThis as { __nativeRequire?: NodeRequire }).__nativeRequire!('sharp');
  const resizes = jest.spyOn(appSharp.prototype, 'resize');
  const resizesFor = async (accountIds: number[]) => {
    resizes.mockClear();
    const preview = await app
      .http()
      .get(`/cross-post/posts/${documentId}/preview?accountIds=${accountIds.join(',')}`)
      .set('Authorization', `Bearer ${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body.data).toHaveLength(accountIds.length);
    for (const shown of preview.body.data) expect(shown.mediaChanges).toHaveLength(3);
    return resizes.mock.calls.length;
  };
  try {
    const forOne = await resizesFor([accounts[0].id]);
    expect(forOne).toBeGreaterThan(0);
    expect(await resizesFor(accounts.map((account) => account.id))).toBe(forOne);
  } finally {
    resizes.mockRestore();
    for (const name of await readdir(variantsDir))
      if (!variantsBefore.has(name)) library.alsoRemove(path.join(variantsDir, name));
  }
});

it('fails the delivery with what to do when the image cannot be read, and sends nothing', async () => {
  const account = await createAccount(app.strapi, fakes, 'instagram' as any, {
    name: unique('Instagram'),
    credentials: {
      userId: String(17841400000000000 + Math.floor(Math.random() * 1e6)),
      accessToken: unique('ig'),
    },
  });
  const documentId = await postWithImage(randomBytes(2048), 'image/png', 'png');
  const before = fakes.instagram.published.length;
  const delivery = await sendNow(documentId, account.id);
  expect(delivery.status).toBe('failed');
  expect(delivery.failureReason).toMatch(/could not be read as an image.*upload it again as JPEG or PNG/);
  expect(fakes.instagram.published).toHaveLength(before);
});
