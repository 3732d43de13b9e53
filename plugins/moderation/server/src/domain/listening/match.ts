/**
 * Whether a text found by a source is a mention for a saved search: one of its terms as a whole
 * word or phrase (ignoring case and accents; `#tag` also matches the bare word), none of its
 * exclusions, in one of its languages. Networks' searches already match terms; feeds carry
 * everything a blog or forum wrote, so they are matched here.
 */
export type SearchWords = { terms: string[]; exclusions: string[]; languages: string[] };

export const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function holds(folded: string, term: string): boolean {
  const word = fold(term).replace(/^#/, '');
  // A hyphen or a space inside a term matches either, or nothing (porte-voix, porte voix, portevoix).
  const pattern = escape(word).replace(/\\-|\s+|-/g, '[\\s\\-]?');
  return new RegExp(`(^|[^\\p{L}\\p{N}_])#?${pattern}($|[^\\p{L}\\p{N}_])`, 'u').test(folded);
}

export function mentionsTerms(search: SearchWords, text: string): boolean {
  const folded = fold(text);
  return search.terms.some((term) => holds(folded, term));
}

export function excluded(search: SearchWords, text: string): boolean {
  const folded = fold(text);
  return search.exclusions.some((term) => holds(folded, term));
}

export function inLanguages(search: SearchWords, language: string | null): boolean {
  return language === null || search.languages.includes(language);
}
