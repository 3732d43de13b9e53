/**
 * The part of the networks' search syntax the listening searches use, as the fakes understand it:
 * terms and "quoted phrases" joined by OR (a post matches when it holds one), `-term` to leave a
 * post out, `lang:xx` (X; Bluesky's and Mastodon's language is a parameter), `#tag` matched as a
 * hashtag. Words are matched whole, ignoring case and accents, as the networks' indexes do.
 */
export type ParsedQuery = { any: string[]; none: string[]; langs: string[] };

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { any: [], none: [], langs: [] };
  for (const match of query.matchAll(/(-?)(?:"([^"]+)"|([^\s()"]+))/g)) {
    const negative = match[1] === '-';
    const value = match[2] ?? match[3];
    if (!value || value === 'OR') continue;
    if (/^lang:/i.test(value)) {
      parsed.langs.push(value.slice(5).toLowerCase());
      continue;
    }
    if (/^(is|has|conversation_id):/i.test(value)) continue;
    (negative ? parsed.none : parsed.any).push(fold(value));
  }
  return parsed;
}

const holds = (text: string, term: string) => {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A word is found in a hashtag too (`#brand` for brand), as the networks' full-text indexes do.
  return new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}($|[^\\p{L}\\p{N}_])`, 'u').test(text);
};

export function matchesQuery(parsed: ParsedQuery, text: string, language?: string | null): boolean {
  const folded = fold(text);
  if (parsed.langs.length > 0 && !parsed.langs.includes(String(language ?? '').slice(0, 2))) return false;
  if (parsed.none.some((term) => holds(folded, term))) return false;
  return parsed.any.length > 0 && parsed.any.some((term) => holds(folded, term));
}
