/** Each network's own way of counting a text. Pure functions, shared by validation and previews. */

// Intl.Segmenter is in Node ≥16; typed loosely because the app's TS lib predates ES2022's Intl.
const segmenter = new (Intl as any).Segmenter('und', { granularity: 'grapheme' });

export const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'"]/giu;

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s: { segment: string }) => s.segment);
}

export function countGraphemes(text: string): number {
  return graphemes(text).length;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function findUrls(text: string): { url: string; start: number; end: number }[] {
  return Array.from(text.matchAll(URL_PATTERN), (m) => ({
    url: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
  }));
}

/** Replaces every URL by a placeholder of `length` characters (networks that count a link as a fixed size). */
function withUrlsAs(text: string, length: number): string {
  return text.replace(URL_PATTERN, 'x'.repeat(length));
}

/** Mastodon: graphemes, every URL as `urlLength`, `@user@domain` counted as `@user`. */
export function mastodonLength(text: string, urlLength = 23): number {
  const withoutDomains = text.replace(/(^|[^\w])@(\w+)@[\w.-]+\w/gu, '$1@$2');
  return countGraphemes(withUrlsAs(withoutDomains, urlLength));
}

const X_LIGHT_RANGES: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** X (twitter-text v3): NFC, URLs weigh 23, code points in the light ranges weigh 1, the rest 2, an emoji sequence 2. */
export function xWeightedLength(text: string): number {
  let weight = 0;
  for (const grapheme of graphemes(withUrlsAs(text.normalize('NFC'), 23))) {
    if (EMOJI.test(grapheme)) {
      weight += 200;
      continue;
    }
    for (const char of grapheme) {
      const cp = char.codePointAt(0)!;
      weight += X_LIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 100 : 200;
    }
  }
  return weight / 100;
}

/** Code points: what Discord and Facebook count as a character. */
export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** Telegram counts UTF-16 code units. */
export function utf16Length(text: string): number {
  return text.length;
}

/** Whitespace-folded text without URLs (networks rewrite links: t.co, HTML anchors). */
export function comparableText(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(URL_PATTERN, ' ')
    .replace(/\\([\\|{}@[\]()<>#*_~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a remote post's text is the one we sent (reconciliation). */
export function sameText(remote: string | undefined | null, sent: string): boolean {
  if (!remote) return false;
  const a = comparableText(remote);
  const b = comparableText(sent);
  return a === b || (b.length >= 20 && a.startsWith(b.slice(0, 200)));
}
