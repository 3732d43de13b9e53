/**
 * The media of a post as one network will get it, for the side panel's preview: each image after
 * fit-media.ts (padding, scaling, conversion included) as a small JPEG the panel shows inline, with
 * the size the network receives; a video by its name and size only. A preview of several accounts
 * passes one memo: a picture is made once, whichever accounts show it.
 */
import sharp from 'sharp';

import type { OutgoingImage, OutgoingPost } from '../providers/types';
import { contentKey, mediaMemo, type MediaMemo } from './media-memo';

export type MediaPreview = {
  filename: string;
  mimeType: string;
  alt: string;
  /** What the network receives, in pixels (images) and bytes. */
  width: number | null;
  height: number | null;
  bytes: number | null;
  /** A `data:image/jpeg;base64,…` picture at most THUMBNAIL_PX on its longer side; null for a video. */
  thumbnail: string | null;
};

export const THUMBNAIL_PX = 240;

type Picture = Pick<MediaPreview, 'width' | 'height' | 'bytes' | 'thumbnail'>;

async function pictureOf(data: Buffer): Promise<Picture> {
  // `rotate()` as the network shows it: upright by the photo's own orientation.
  const image = sharp(data).rotate();
  const { info, data: small } = await image
    .clone()
    .resize({ width: THUMBNAIL_PX, height: THUMBNAIL_PX, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: { r: 255, g: 255, b: 255 } })
    .jpeg({ quality: 70 })
    .toBuffer({ resolveWithObject: true });
  const meta = await sharp(data).metadata();
  const sideways = (meta.orientation ?? 1) >= 5;
  return {
    width: (sideways ? meta.height : meta.width) ?? info.width,
    height: (sideways ? meta.width : meta.height) ?? info.height,
    bytes: data.length,
    thumbnail: `data:image/jpeg;base64,${small.toString('base64')}`,
  };
}

async function previewOf(item: OutgoingImage, memo: MediaMemo): Promise<MediaPreview> {
  const base = { filename: item.filename, mimeType: item.mimeType, alt: item.alt };
  if (!item.mimeType.startsWith('image/'))
    return { ...base, width: null, height: null, bytes: item.size ?? null, thumbnail: null };
  const data = await item.load();
  return { ...base, ...(await memo.once(`picture:${contentKey(data)}`, () => pictureOf(data))) };
}

/** One entry per file the post sends (its media list when it has one, else its images), in order. */
export async function previewMedia(
  post: OutgoingPost,
  memo: MediaMemo = mediaMemo()
): Promise<MediaPreview[]> {
  const items = post.media ?? post.images;
  const previews: MediaPreview[] = [];
  for (const item of items) {
    // A file that cannot be read is said by the fitting step's problem; here it is shown without a picture.
    previews.push(
      await previewOf(item, memo).catch(() => ({
        filename: item.filename,
        mimeType: item.mimeType,
        alt: item.alt,
        width: null,
        height: null,
        bytes: null,
        thumbnail: null,
      }))
    );
  }
  return previews;
}
