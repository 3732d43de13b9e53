/**
 * A listening search in the networks' query languages: its terms joined by OR, its exclusions with
 * a minus, a term of several words (or with a hyphen) as a "phrase". Bluesky's search reads Lucene
 * syntax, X its own operators; both agree on this much.
 */
export const phrase = (term: string) => (/^[#@]?[\p{L}\p{N}_]+$/u.test(term) ? term : `"${term}"`);

export function orQuery(terms: string[], exclusions: string[]): string {
  const any = terms.map(phrase);
  const either = any.length > 1 ? `(${any.join(' OR ')})` : any[0];
  return [either, ...exclusions.map((term) => `-${phrase(term)}`)].join(' ');
}

/** Mastodon ids carry their time (milliseconds shifted 16 bits): the first id after a moment. */
export const mastodonIdAt = (at: Date) => String(BigInt(at.getTime()) << 16n);
