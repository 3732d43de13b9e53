import { tokenize, type Token, type Tokens } from './normalise';

/**
 * Word lists compiled into hash maps of token skeletons, so that checking a comment costs one map
 * look-up per word whatever the size of the lists.
 *
 * Entry syntax (data files under `words/` and the admin settings):
 * - `connard(s)`: optional endings, expanded to `connard` and `connards`; `enculé(e)(s)` gives four;
 * - `fuck*`: any word that starts with it (`fucking`, `fucker`); use it only where no innocent
 *   word starts the same way (never `con*`: conseil, concours);
 * - `fils de pute`: a phrase, matched word by word (spaces, hyphens, apostrophes between), and
 *   glued together (`filsdepute`).
 * Accents, case and leet-speak in entries do not matter: they go through the same folding.
 */

export type WordLevel = 'banned' | 'suspect';

export type WordListFile = {
  locale: string;
  banned: string[];
  suspect: string[];
  /** Entries that are innocent words in other languages: only applied to comments in this locale. */
  localOnly?: string[];
  /** Phrases that contain a listed word but are innocent ("pain bâtard", "cul-de-sac"). */
  allowed?: string[];
};

export type WordMatch = {
  /** The list entry that matched (shown to moderators, never to authors). */
  term: string;
  level: WordLevel;
  /** The language of the list the entry comes from ('custom' for the settings' own words). */
  list: string;
  start: number;
  end: number;
  /** Matched through a masking character (`f*ck`): held for review, never rejected outright. */
  masked?: boolean;
};

type Form = { skeleton: string; runs: number[] };
type CompiledEntry = { term: string; level: WordLevel; list: string; localOnly: boolean };
type CompiledWord = Form & { entry: CompiledEntry; letters: string; prefix?: boolean };
type CompiledPhrase = { parts: Form[]; entry: CompiledEntry | null /* null: an allowed phrase */ };

export type CompiledWordLists = {
  exact: Map<string, CompiledWord[]>;
  prefixes: Map<string, CompiledWord[]>;
  prefixLengths: number[];
  phrases: Map<string, CompiledPhrase[]>;
  /** Words never flagged, whatever the lists say (from the settings). */
  allowedWords: Set<string>;
  /** Every single-word form, for the rare tokens matched by pattern. */
  all: CompiledWord[];
  size: number;
};

/** Skeletons at least this long tolerate a missing double letter ("conard" for "connard"). */
const LOOSE_RUNS_FROM = 6;

/** `enculé(e)(s)` → enculé, enculée, enculés, enculées. */
export function expandEntry(entry: string): string[] {
  const group = /\(([^()]*)\)/.exec(entry);
  if (!group) return [entry];
  const before = entry.slice(0, group.index);
  const after = entry.slice(group.index + group[0].length);
  return [...expandEntry(before + after), ...expandEntry(before + group[1] + after)];
}

const lettersOf = (form: Form) => form.runs.map((count, i) => form.skeleton[i].repeat(count)).join('');

export function compileWordLists(
  lists: WordListFile[],
  custom: { banned?: string[]; suspect?: string[]; allowed?: string[] } = {}
): CompiledWordLists {
  const compiled: CompiledWordLists = {
    exact: new Map(),
    prefixes: new Map(),
    prefixLengths: [],
    phrases: new Map(),
    allowedWords: new Set(),
    all: [],
    size: 0,
  };
  const pushTo = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const bucket = map.get(key);
    if (bucket) bucket.push(value);
    else map.set(key, [value]);
  };
  const prefixLengths = new Set<number>();

  const addPhrase = (words: Token[], entry: CompiledEntry | null) => {
    const parts = words.map(({ skeleton, runs }) => ({ skeleton, runs }));
    pushTo(compiled.phrases, parts[0].skeleton, { parts, entry });
  };

  const addEntry = (raw: string, level: WordLevel, list: string, localOnly: boolean) => {
    const entry: CompiledEntry = { term: raw.trim(), level, list, localOnly };
    for (const form of expandEntry(raw.trim().toLowerCase())) {
      const prefix = form.endsWith('*');
      const words = tokenize(prefix ? form.slice(0, -1) : form).words;
      if (words.length === 0) continue;
      compiled.size++;
      if (words.length > 1) {
        addPhrase(words, entry);
        const glued = tokenize(words.map((w) => lettersOf(w)).join('')).words[0];
        if (glued.skeleton.length >= LOOSE_RUNS_FROM) {
          const word = { skeleton: glued.skeleton, runs: glued.runs, entry, letters: lettersOf(glued) };
          pushTo(compiled.exact, glued.skeleton, word);
          compiled.all.push(word);
        }
        continue;
      }
      const [token] = words;
      const word: CompiledWord = {
        skeleton: token.skeleton,
        runs: token.runs,
        entry,
        letters: lettersOf(token),
        prefix,
      };
      compiled.all.push(word);
      if (prefix) {
        pushTo(compiled.prefixes, token.skeleton, word);
        prefixLengths.add(token.skeleton.length);
      } else {
        pushTo(compiled.exact, token.skeleton, word);
      }
    }
  };

  for (const list of lists) {
    const localOnly = new Set((list.localOnly ?? []).map((term) => term.trim().toLowerCase()));
    for (const term of list.banned)
      addEntry(term, 'banned', list.locale, localOnly.has(term.trim().toLowerCase()));
    for (const term of list.suspect)
      addEntry(term, 'suspect', list.locale, localOnly.has(term.trim().toLowerCase()));
    for (const phrase of list.allowed ?? []) {
      const words = tokenize(phrase).words;
      if (words.length > 1) addPhrase(words, null);
    }
  }
  for (const term of custom.banned ?? []) addEntry(term, 'banned', 'custom', false);
  for (const term of custom.suspect ?? []) addEntry(term, 'suspect', 'custom', false);
  for (const term of custom.allowed ?? []) {
    for (const form of expandEntry(term.toLowerCase())) {
      const words = tokenize(form).words;
      if (words.length === 1) compiled.allowedWords.add(lettersOf(words[0]));
      else if (words.length > 1) addPhrase(words, null);
    }
  }
  compiled.prefixLengths = [...prefixLengths].sort((a, b) => a - b);
  return compiled;
}

/** Each stretched letter of the token covers the word's letter: "cooonnard" is "connard", "as" is not "ass". */
function runsCover(token: Form, word: Form, count: number): boolean {
  if (word.skeleton.length >= LOOSE_RUNS_FROM) return true;
  for (let i = 0; i < count; i++) if (token.runs[i] < word.runs[i]) return false;
  return true;
}

function applies(entry: CompiledEntry, locale: string | undefined): boolean {
  return !entry.localOnly || entry.list === locale;
}

function matchForm(lists: CompiledWordLists, form: Form, locale: string | undefined): CompiledEntry | null {
  let found: CompiledEntry | null = null;
  const keep = (entry: CompiledEntry) => {
    if (!found || (found.level === 'suspect' && entry.level === 'banned')) found = entry;
  };
  const exact = lists.exact.get(form.skeleton);
  if (exact) {
    for (const word of exact) {
      if (applies(word.entry, locale) && runsCover(form, word, word.runs.length)) keep(word.entry);
    }
  }
  for (const length of lists.prefixLengths) {
    if (length > form.skeleton.length) break;
    const candidates = lists.prefixes.get(
      length === form.skeleton.length ? form.skeleton : form.skeleton.slice(0, length)
    );
    if (!candidates) continue;
    for (const word of candidates) {
      if (applies(word.entry, locale) && runsCover(form, word, word.runs.length)) keep(word.entry);
    }
  }
  return found;
}

/**
 * `f*ck`, `c**nard`, `f@ck`, `sh.t`: each `*` of the token's pattern stands for one letter; at least
 * two real letters and half the word. A prefix entry (`fuck*`) matches the start of the token.
 */
function matchMasked(
  lists: CompiledWordLists,
  pattern: string,
  locale: string | undefined
): CompiledEntry | null {
  let masks = 0;
  for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) === 42) masks++;
  const real = pattern.length - masks;
  if (real < 2 || masks > real) return null;
  for (const word of lists.all) {
    const letters = word.letters;
    if (letters.length !== pattern.length && !(word.prefix && letters.length < pattern.length)) continue;
    if (!applies(word.entry, locale)) continue;
    let fits = true;
    for (let i = 0; i < letters.length && fits; i++) {
      const char = pattern.charCodeAt(i);
      fits = char === 42 || char === letters.charCodeAt(i);
    }
    if (fits) return word.entry;
  }
  return null;
}

type TokenMatch = { entry: CompiledEntry; masked: boolean };

/** A token read as it is, then with its ambiguous characters read otherwise, then as a pattern. */
function matchToken(lists: CompiledWordLists, token: Token, locale: string | undefined): TokenMatch | null {
  let entry = token.skeleton ? matchForm(lists, token, locale) : null;
  if (!entry && token.alternatives) {
    for (const alternative of token.alternatives) {
      entry = matchForm(lists, alternative, locale);
      if (entry) break;
    }
  }
  if (entry) return { entry, masked: false };
  const masked = token.pattern ? matchMasked(lists, token.pattern, locale) : null;
  return masked ? { entry: masked, masked: true } : null;
}

const toMatch = ({ entry, masked }: TokenMatch, token: Token): WordMatch =>
  masked
    ? { term: entry.term, level: 'suspect', list: entry.list, start: token.start, end: token.end, masked }
    : { term: entry.term, level: entry.level, list: entry.list, start: token.start, end: token.end };

function phraseMatches(phrase: CompiledPhrase, words: Token[], at: number): boolean {
  if (at + phrase.parts.length > words.length) return false;
  for (let k = 0; k < phrase.parts.length; k++) {
    const part = phrase.parts[k];
    const word = words[at + k];
    if (word.skeleton !== part.skeleton || !runsCover(word, part, part.runs.length)) return false;
  }
  return true;
}

/** Every listed word or phrase in a text, with its offsets. */
export function findWords(lists: CompiledWordLists, text: string | Tokens, locale?: string): WordMatch[] {
  const { words, joined } = typeof text === 'string' ? tokenize(text) : text;
  const matches: WordMatch[] = [];
  let coveredUntil = -1; // words inside an allowed or matched phrase are not matched again

  for (let i = 0; i < words.length; i++) {
    const token = words[i];
    const phrases = lists.phrases.get(token.skeleton);
    if (phrases) {
      let best: CompiledPhrase | null = null;
      for (const phrase of phrases) {
        if (phrase.entry && !applies(phrase.entry, locale)) continue;
        if (!phraseMatches(phrase, words, i)) continue;
        if (!best || phrase.entry === null || phrase.parts.length > best.parts.length) best = phrase;
        if (phrase.entry === null) break;
      }
      if (best) {
        const last = i + best.parts.length - 1;
        if (best.entry) {
          matches.push({
            term: best.entry.term,
            level: best.entry.level,
            list: best.entry.list,
            start: token.start,
            end: words[last].end,
          });
        }
        coveredUntil = Math.max(coveredUntil, last);
      }
    }
    if (i <= coveredUntil) continue;

    if (lists.allowedWords.size > 0 && lists.allowedWords.has(lettersOf(token))) continue;
    const match = matchToken(lists, token, locale);
    if (match) matches.push(toMatch(match, token));
  }
  for (const token of joined) {
    if (lists.allowedWords.size > 0 && lists.allowedWords.has(lettersOf(token))) continue;
    const match = matchToken(lists, token, locale);
    if (!match) continue;
    // A reading that restates a match already found adds nothing ("f u c k", then "f u c k you").
    const restates = (found: WordMatch) =>
      found.start < token.end &&
      found.end > token.start &&
      (found.term === match.entry.term || (found.start <= token.start && found.end >= token.end));
    if (!matches.some(restates)) matches.push(toMatch(match, token));
  }
  return matches;
}
