/**
 * What each network accepts of an image (more-networks.md, social-apis.md): formats, bytes, aspect
 * ratio and width. An image outside them is converted before it is sent (image-plan.ts); a network
 * absent here takes images as they are.
 */
import type { Credentials, NetworkId } from '../providers/types';

export type ImageRules = {
  /** MIME types taken as they are; anything else becomes a JPEG. */
  formats: string[];
  maxBytes: number;
  /** Width ÷ height: outside, the image is padded (nothing of it is cut) to the nearest bound. */
  aspect?: { min: number; max: number };
  width?: { min?: number; max?: number };
};

const MB = 1024 * 1024;

export function imageRulesFor(network: NetworkId, settings: Credentials = {}): ImageRules | null {
  switch (network) {
    case 'instagram': {
      const story = (settings.publishAs ?? '').trim().toLowerCase() === 'story';
      return {
        formats: ['image/jpeg'],
        maxBytes: 8 * MB,
        // Feed images 4:5 to 1.91:1; a story is shown full screen (9:16) and takes any.
        ...(!story && { aspect: { min: 4 / 5, max: 1.91 } }),
        width: { min: 320, max: 1440 },
      };
    }
    case 'threads':
      return {
        formats: ['image/jpeg', 'image/png'],
        maxBytes: 8 * MB,
        aspect: { min: 1 / 10, max: 10 },
        width: { min: 320, max: 1440 },
      };
    case 'pinterest':
      return {
        formats: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/tiff'],
        maxBytes: 20 * MB,
      };
    case 'discourse':
      // max_image_size_kb: 4096 by default.
      return { formats: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'], maxBytes: 4 * MB };
    default:
      return null;
  }
}
