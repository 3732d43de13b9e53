/**
 * A post's images made to fit one network before they are sent (and before the preview): each image
 * outside the network's rules becomes a variant (image-plan.ts, convert-image.ts). Networks that
 * download the media themselves (Instagram, Threads) get the variant's own public address: it is
 * written beside the uploads, under `uploads/cross-post/`, named by its content.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Credentials, NetworkId, OutgoingImage, OutgoingPost } from '../providers/types';
import { fitImage } from './convert-image';
import { imageRulesFor } from './image-rules';

export type MediaChange = { filename: string; reasons: string[] };

export type VariantStore = {
  /** The public folder (`strapi.dirs.static.public`) and the app's public address, if it has one. */
  publicDir: string;
  publicBase?: string;
};

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export async function fitMedia(
  post: OutgoingPost,
  network: NetworkId,
  settings: Credentials,
  store: VariantStore
): Promise<{ post: OutgoingPost; changes: MediaChange[] }> {
  const rules = imageRulesFor(network, settings);
  if (!rules) return { post, changes: [] };
  const changes: MediaChange[] = [];
  const fitted = new Map<OutgoingImage, OutgoingImage>();
  const fit = async (image: OutgoingImage): Promise<OutgoingImage> => {
    if (!image.mimeType.startsWith('image/')) return image;
    const known = fitted.get(image);
    if (known) return known;
    const result = await fitImage(await image.load(), image.filename, image.mimeType, rules);
    let variant = image;
    if (!result.plan.keep) {
      changes.push({ filename: image.filename, reasons: result.plan.reasons });
      const data = result.data;
      const ext = EXTENSIONS[result.mimeType] ?? 'jpg';
      const filename = `${image.filename.replace(/\.[^.]+$/, '')}.${ext}`;
      let publicUrl: string | undefined;
      if (image.publicUrl && store.publicBase) {
        const name = `${createHash('sha256').update(data).digest('hex').slice(0, 32)}.${ext}`;
        const dir = path.join(store.publicDir, 'uploads', 'cross-post');
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, name), data);
        publicUrl = `${store.publicBase.replace(/\/$/, '')}/uploads/cross-post/${name}`;
      }
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
    fitted.set(image, variant);
    return variant;
  };
  const images: OutgoingImage[] = [];
  for (const image of post.images) images.push(await fit(image));
  const media: OutgoingImage[] | undefined = post.media ? [] : undefined;
  for (const item of post.media ?? []) media!.push(await fit(item));
  return { post: { ...post, images, ...(media && { media }) }, changes };
}
