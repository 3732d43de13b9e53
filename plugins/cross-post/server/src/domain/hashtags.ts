/**
 * Hashtags as a post or a campaign stores them: a list of words of letters, digits and `_`, each
 * stored with its `#` (`["#MaiAVelo", "#RoueLibre"]`). Compose adds them to the text once each.
 */
export const MAX_HASHTAGS = 30;
const HASHTAG = /^#?[\p{L}\p{N}_]{1,100}$/u;

/** What is wrong with a stored list of hashtags (read after the field's name), or null. */
export function checkHashtags(value: unknown): string | null {
  if (!Array.isArray(value)) return 'must be a list of hashtags such as ["#MaiAVelo", "#RoueLibre"]';
  if (value.length > MAX_HASHTAGS) return `must hold at most ${MAX_HASHTAGS} hashtags`;
  const bad = value.find((tag) => typeof tag !== 'string' || !HASHTAG.test(tag));
  if (bad !== undefined)
    return `must hold hashtags of letters, digits and _ only, such as "#MaiAVelo" (not ${JSON.stringify(bad)})`;
  return null;
}

/** A tag as typed (`velo`, `#Vélo`, `##vélo `) as stored: one `#`, nothing but letters, digits, `_`. */
export function hashtagOf(typed: string): string | null {
  const word = typed.trim().replace(/^#+/, '');
  return HASHTAG.test(word) ? `#${word}` : null;
}

/** The key two spellings of one tag share (`#Vélo` and `#velo`). */
export const hashtagKey = (tag: string) =>
  tag.replace(/^#/, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
