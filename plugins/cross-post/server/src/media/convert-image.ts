/**
 * Applies an image plan with sharp (Strapi's own image library): pads, scales and encodes; a JPEG is
 * made lighter step by step until it fits the network's bytes, else refused with what to do.
 */
import sharp from 'sharp';

import { ProviderError } from '../providers/types';
import type { ImageRules } from './image-rules';
import { planImage, type ImageFacts, type ImagePlan } from './image-plan';

const QUALITIES = [90, 82, 74, 66, 58];

export async function imageFacts(data: Buffer, filename: string, declaredMime: string): Promise<ImageFacts> {
  try {
    const meta = await sharp(data).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    const format = meta.format;
    return {
      width: meta.width,
      height: meta.height,
      mimeType: format ? `image/${format}` : declaredMime,
      bytes: data.length,
    };
  } catch (error) {
    throw new ProviderError(
      `${filename} could not be read as an image (${(error as Error).message}): upload it again as JPEG or PNG.`
    );
  }
}

export async function convertImage(
  data: Buffer,
  filename: string,
  plan: ImagePlan,
  rules: ImageRules
): Promise<Buffer> {
  const base = () => {
    let image = sharp(data).rotate();
    const meta = { width: plan.padded.width, height: plan.padded.height };
    image = image.resize({
      width: meta.width,
      height: meta.height,
      fit: 'contain',
      background: { r: 255, g: 255, b: 255, alpha: 1 },
    });
    if (plan.width !== meta.width) image = image.resize({ width: plan.width, height: plan.height });
    return image;
  };
  if (plan.format !== 'image/jpeg') {
    const out = await base()
      .toFormat(plan.format.replace('image/', '') as any)
      .toBuffer();
    if (out.length <= rules.maxBytes) return out;
  }
  for (const quality of QUALITIES) {
    // White under any transparency: JPEG has none.
    const out = await base()
      .flatten({ background: { r: 255, g: 255, b: 255 } })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer();
    if (out.length <= rules.maxBytes) return out;
  }
  throw new ProviderError(
    `${filename} stays over ${(rules.maxBytes / 1024 / 1024).toFixed(0)} MB even as a JPEG of quality ${QUALITIES[QUALITIES.length - 1]}: use a smaller image.`
  );
}

/** Plans and, when needed, converts one image: the bytes to send, their type, and why they changed. */
export async function fitImage(data: Buffer, filename: string, mimeType: string, rules: ImageRules) {
  const plan = planImage(await imageFacts(data, filename, mimeType), rules);
  if (plan.keep) return { data, mimeType, plan };
  return { data: await convertImage(data, filename, plan, rules), mimeType: plan.format, plan };
}
