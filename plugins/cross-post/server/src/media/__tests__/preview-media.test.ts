import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

import type { OutgoingImage, OutgoingPost } from '../../providers/types';
import { fitMedia } from '../fit-media';
import { mediaMemo } from '../media-memo';
import { previewMedia, THUMBNAIL_PX } from '../preview-media';

const image = (data: Buffer, filename: string, mimeType: string): OutgoingImage => ({
  filename,
  mimeType,
  alt: `${filename} alt`,
  size: data.length,
  load: async () => data,
});

const post = (media: OutgoingImage[]): OutgoingPost =>
  ({ text: 'Le festival vu de la colline', images: media, media }) as unknown as OutgoingPost;

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .png()
    .toBuffer();

const decode = async (thumbnail: string | null) => {
  expect(thumbnail).toMatch(/^data:image\/jpeg;base64,/);
  return sharp(Buffer.from(thumbnail!.split(',')[1], 'base64')).metadata();
};

let publicDir: string;
beforeAll(async () => {
  publicDir = await mkdtemp(path.join(tmpdir(), 'preview-media-'));
});
afterAll(() => rm(publicDir, { recursive: true, force: true }));

describe('previewMedia', () => {
  it('shows a wide image as Instagram gets it: padded to 1.91:1, 1,440 px wide', async () => {
    const original = post([image(await picture(2000, 500), 'panorama.png', 'image/png')]);
    const fitted = await fitMedia(original, 'instagram', {}, { publicDir });

    const [shown] = await previewMedia(fitted.post);
    expect(shown).toMatchObject({
      filename: 'panorama.jpg',
      mimeType: 'image/jpeg',
      alt: 'panorama.png alt',
      width: 1440,
    });
    expect(shown.width! / shown.height!).toBeCloseTo(1.91, 1);
    const thumbnail = await decode(shown.thumbnail);
    expect(thumbnail).toMatchObject({ format: 'jpeg', width: THUMBNAIL_PX });
    expect(thumbnail.width! / thumbnail.height!).toBeCloseTo(1.91, 1);
  });

  it('shows the same image untouched where the network takes it as it is (Pinterest): 4:1', async () => {
    const original = post([image(await picture(2000, 500), 'panorama.png', 'image/png')]);
    const fitted = await fitMedia(original, 'pinterest', {}, { publicDir });

    const [shown] = await previewMedia(fitted.post);
    expect(shown).toMatchObject({ filename: 'panorama.png', width: 2000, height: 500 });
    const thumbnail = await decode(shown.thumbnail);
    expect(thumbnail.width! / thumbnail.height!).toBeCloseTo(4, 1);
  });

  it('never enlarges a small image, and names a video or an unreadable file without a picture', async () => {
    const video: OutgoingImage = { ...image(Buffer.alloc(10), 'teaser.mp4', 'video/mp4'), size: 42_000_000 };
    const broken = image(Buffer.from('not an image'), 'broken.jpg', 'image/jpeg');
    const shown = await previewMedia(
      post([image(await picture(100, 80), 'logo.png', 'image/png'), video, broken])
    );

    expect(shown.map((item) => item.filename)).toEqual(['logo.png', 'teaser.mp4', 'broken.jpg']);
    expect(await decode(shown[0].thumbnail)).toMatchObject({ width: 100, height: 80 });
    expect(shown[1]).toMatchObject({
      mimeType: 'video/mp4',
      bytes: 42_000_000,
      thumbnail: null,
      width: null,
    });
    expect(shown[2]).toMatchObject({ thumbnail: null, width: null, bytes: null });
  });

  it('fits and pictures each image once per preview, however many accounts of a network it shows', async () => {
    const files = [
      image(await picture(2000, 500), 'panorama.png', 'image/png'),
      image(await picture(1200, 1200), 'carre.png', 'image/png'),
      image(await picture(900, 1600), 'portrait.png', 'image/png'),
    ];
    const resizes = jest.spyOn(sharp.prototype, 'resize');
    try {
      // As the preview of one account, then of four Instagram accounts and one Pinterest in one call.
      const preview = async (networks: ('instagram' | 'pinterest')[]) => {
        const memo = mediaMemo();
        const shown = [];
        for (const network of networks) {
          const fitted = await fitMedia(post(files), network, {}, { publicDir }, memo);
          shown.push({ changes: fitted.changes, media: await previewMedia(fitted.post, memo) });
        }
        return shown;
      };
      resizes.mockClear();
      const [alone] = await preview(['instagram']);
      const once = resizes.mock.calls.length;
      expect(once).toBeGreaterThan(0);

      resizes.mockClear();
      const shown = await preview(['instagram', 'instagram', 'instagram', 'instagram']);
      expect(resizes.mock.calls.length).toBe(once);
      for (const account of shown) expect(account).toEqual(alone);

      // Pinterest takes the pictures as they are: one thumbnail each, none made again after that.
      resizes.mockClear();
      await preview(['pinterest']);
      const asTheyAre = resizes.mock.calls.length;
      resizes.mockClear();
      await preview(['pinterest', 'instagram', 'pinterest', 'instagram']);
      expect(resizes.mock.calls.length).toBe(asTheyAre + once);
    } finally {
      resizes.mockRestore();
    }
  });
});
