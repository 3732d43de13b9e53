/**
 * A post's images made to fit one network before they are sent (and before the preview): each image
 * outside the network's rules becomes a variant (image-plan.ts, convert-image.ts). Networks that
 * download the media themselves (Instagram, Threads) get the variant's own public address: it is
 * written beside the uploads, under `uploads/cross-post/`, named by its content. A preview of several
 * accounts passes one memo: each image is fitted once per network's rules.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Credentials, NetworkId, OutgoingImage, OutgoingPost } from '../providers/types';
import { fitImage } from './convert-image';
import { imageRulesFor, type ImageRules } from './image-rules';
import { contentKey, mediaMemo, type MediaMemo } from './media-memo';

export type MediaChange = { filename: string; reasons: string[] };

export type VariantStore = {
  /** The public folder (`strapi.dirs.static.public`) and the app's public address, if it has one. */
  publicDir: string;
  publicBase?: string;
};

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The image fitted to `rules`, and the variant's public address when it is written for the network. */
async function fitted(data: Buffer, image: OutgoingImage, rules: ImageRules, store: VariantStore | null) {
  const result = await fitImage(data, image.filename, image.mimeType, rules);
  if (result.plan.keep || !store) return { result, publicUrl: undefined };
  const ext = EXTENSIONS[result.mimeType] ?? 'jpg';
  const name = `${contentKey(result.data).slice(0, 32)}.${ext}`;
  const dir = path.join(store.publicDir, 'uploads', 'cross-post');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), result.data);
  return { result, publicUrl: `${store.publicBase!.replace(/\/$/, '')}/uploads/cross-post/${name}` };
}

export async function fitMedia(
  post: OutgoingPost,
  network: NetworkId,
  settings: Credentials,
  store: VariantStore,
  memo: MediaMemo = mediaMemo()
): Promise<{ post: OutgoingPost; changes: MediaChange[] }> {
  const rules = imageRulesFor(network, settings);
  if (!rules) return { post, changes: [] };
  const changes: MediaChange[] = [];
  const variants = new Map<OutgoingImage, OutgoingImage>();
  const fit = async (image: OutgoingImage): Promise<OutgoingImage> => {
    if (!image.mimeType.startsWith('image/')) return image;
    const known = variants.get(image);
    if (known) return known;
    const original = await image.load();
    // Written for the network only where it downloads the media itself from our public address.
    const written = Boolean(image.publicUrl && store.publicBase);
    const { result, publicUrl } = await memo.once(
      `fit:${contentKey(original)}:${image.filename}:${image.mimeType}:${JSON.stringify(rules)}:${written}`,
      () => fitted(original, image, rules, written ? store : null)
    );
    let variant = image;
    if (!result.plan.keep) {
      changes.push({ filename: image.filename, reasons: result.plan.reasons });
      const data = result.data;
      const filename = `${image.filename.replace(/\.[^.]+$/, '')}.${EXTENSIONS[result.mimeType] ?? 'jpg'}`;
      variant = {
        ...image,
        filename,
        mimeType: result.mimeType,
        size: data.length,
        // The original's address would serve the original: only the variant's own, when it has one.
        publicUrl,
        load: async () => data,
        open: undefined,
      };
    }
    variants.set(image, variant);
    return variant;
  };
  const images: OutgoingImage[] = [];
  for (const image of post.images) images.push(await fit(image));
  const media: OutgoingImage[] | undefined = post.media ? [] : undefined;
  for (const item of post.media ?? []) media!.push(await fit(item));
  return { post: { ...post, images, ...(media && { media }) }, changes };
}
