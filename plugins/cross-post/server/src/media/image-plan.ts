/**
 * What must change in one image for one network, from its size and format alone (no pixels read):
 * the same plan serves the preview and the conversion. Too narrow or too wide for the aspect range:
 * padded to the nearest bound (white bars, nothing of the picture cut); too wide in pixels: scaled
 * down; too small: scaled up; another format, or too heavy: a JPEG.
 */
import type { ImageRules } from './image-rules';

export type ImageFacts = { width: number; height: number; mimeType: string; bytes: number };

export type ImagePlan = {
  /** Nothing to do: the image goes as it is. */
  keep: boolean;
  /** Why it changes, for an editor ("PNG → JPEG", "1:3 padded to 4:5"…). */
  reasons: string[];
  width: number;
  height: number;
  /** The canvas before scaling (padded to the aspect range). */
  padded: { width: number; height: number };
  format: string;
};

const ratioText = (r: number) => (r >= 1 ? `${r.toFixed(2)}:1` : `1:${(1 / r).toFixed(2)}`);
const shortType = (mime: string) => mime.replace('image/', '').toUpperCase();

export function planImage(facts: ImageFacts, rules: ImageRules): ImagePlan {
  const reasons: string[] = [];
  let { width, height } = facts;
  const ratio = width / height;
  if (rules.aspect && (ratio < rules.aspect.min - 1e-3 || ratio > rules.aspect.max + 1e-3)) {
    const target = ratio < rules.aspect.min ? rules.aspect.min : rules.aspect.max;
    if (ratio < target) width = Math.round(height * target);
    else height = Math.round(width / target);
    reasons.push(`aspect ${ratioText(ratio)} padded to ${ratioText(target)}`);
  }
  const padded = { width, height };
  const max = rules.width?.max;
  const min = rules.width?.min;
  if (max && width > max) {
    height = Math.round((height * max) / width);
    width = max;
    reasons.push(`scaled down to ${max} px wide`);
  } else if (min && width < min) {
    height = Math.round((height * min) / width);
    width = min;
    reasons.push(`scaled up to ${min} px wide`);
  }
  let format = facts.mimeType;
  if (!rules.formats.includes(facts.mimeType)) {
    format = 'image/jpeg';
    reasons.push(`${shortType(facts.mimeType)} converted to JPEG`);
  } else if (facts.bytes > rules.maxBytes) {
    format = 'image/jpeg';
    reasons.push(`${(facts.bytes / 1024 / 1024).toFixed(1)} MB made lighter as JPEG`);
  }
  // A converted image is re-encoded: a resized PNG that stays PNG could still be too heavy.
  if (reasons.length > 0 && format !== 'image/jpeg' && facts.bytes > rules.maxBytes) format = 'image/jpeg';
  return { keep: reasons.length === 0, reasons, width, height, padded, format };
}
