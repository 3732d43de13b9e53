/**
 * Text normalisation for the word rules: the comment is cut into tokens whose "skeleton" survives
 * the usual disguises (case, accents, leet-speak, look-alike letters, invisible characters,
 * stretched letters, letters spaced out with dots or blanks), while each token keeps its offsets
 * in the original text so that a moderator sees exactly what was matched.
 *
 * Matching is done per whole token, never inside a token: that is what keeps "Scunthorpe",
 * "assassin", "conseil" or "raconte" innocent.
 */

/** A run-length encoded token: `skeleton` has no repeated letters, `runs[i]` counts letter i. */
export type Token = {
  /** Offsets in the original text, [start, end). */
  start: number;
  end: number;
  skeleton: string;
  runs: number[];
  /** Other readings of a token that holds characters with two leet meanings (1, !, |: i or l). */
  alternatives?: { skeleton: string; runs: number[] }[];
  /** The token holds a masking character (`f*ck`, `c#nnard`): matched as a pattern, see wordlist.ts. */
  masked?: boolean;
};

// Character classes, stored in a table for the ASCII range and computed once per other code point.
const SEPARATOR = 0;
const LETTER = 1;
const LEET = 2; // digits and symbols that stand for a letter inside a word
const AMBIGUOUS = 3; // 1 ! | : i or l
const MASK = 4; // * # : a hidden letter
const INVISIBLE = 5; // zero-width characters and soft hyphens: ignored, even inside a word

const LEET_LETTERS: Record<string, string> = {
  '0': 'o',
  '2': 'z',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '€': 'e',
  '£': 'l',
  '+': 't',
  '¢': 'c',
};
const AMBIGUOUS_CHARS = new Set(['1', '!', '|']);
const MASK_CHARS = new Set(['*', '#']);

/** Letters that are not Latin but look like Latin ones (Cyrillic, Greek), and ligatures. */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  ŀ: 'l',
};

const asciiClass = new Uint8Array(128);
const asciiFold: string[] = new Array(128).fill('');
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (char >= 'a' && char <= 'z') {
    asciiClass[code] = LETTER;
    asciiFold[code] = char;
  } else if (char >= 'A' && char <= 'Z') {
    asciiClass[code] = LETTER;
    asciiFold[code] = char.toLowerCase();
  } else if (AMBIGUOUS_CHARS.has(char)) {
    asciiClass[code] = AMBIGUOUS;
    asciiFold[code] = 'i';
  } else if (MASK_CHARS.has(char)) {
    asciiClass[code] = MASK;
    asciiFold[code] = '*';
  } else if (LEET_LETTERS[char]) {
    asciiClass[code] = LEET;
    asciiFold[code] = LEET_LETTERS[char];
  } else {
    asciiClass[code] = SEPARATOR;
  }
}

const otherCache = new Map<number, { cls: number; fold: string }>();
const COMBINING_MARK = /\p{M}/gu;
const LETTER_RE = /\p{L}/u;

function classifyOther(code: number, char: string): { cls: number; fold: string } {
  let known = otherCache.get(code);
  if (known) return known;
  if (
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0xad
  ) {
    known = { cls: INVISIBLE, fold: '' };
  } else if (LEET_LETTERS[char]) {
    known = { cls: LEET, fold: LEET_LETTERS[char] };
  } else {
    // Full-width and mathematical letters fold through NFKD; accents are dropped.
    const decomposed = char.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
    const lookalike = LOOKALIKES[decomposed] ?? LOOKALIKES[char.toLowerCase()];
    if (lookalike) known = { cls: LETTER, fold: lookalike };
    else if (decomposed.length === 1 && decomposed.charCodeAt(0) < 128) {
      const ascii = decomposed.charCodeAt(0);
      known = { cls: asciiClass[ascii], fold: asciiFold[ascii] };
    } else if (decomposed && LETTER_RE.test(decomposed)) known = { cls: LETTER, fold: decomposed };
    else if (/\p{M}/u.test(char)) known = { cls: INVISIBLE, fold: '' };
    else known = { cls: SEPARATOR, fold: '' };
  }
  if (otherCache.size < 10_000) otherCache.set(code, known);
  return known;
}

/** Run-length encodes folded letters: "cooonnard" → skeleton "conard", runs [1,3,2,1,1,1]. */
function encode(folded: string): { skeleton: string; runs: number[] } {
  let skeleton = '';
  const runs: number[] = [];
  let previous = '';
  for (let i = 0; i < folded.length; i++) {
    const char = folded[i];
    if (char === previous) {
      runs[runs.length - 1]++;
    } else {
      skeleton += char;
      runs.push(1);
      previous = char;
    }
  }
  return { skeleton, runs };
}

const MAX_AMBIGUOUS = 3;

type RawToken = {
  start: number;
  end: number;
  folded: string;
  classes: number[];
  /** Original offset of each folded character (a ligature gives two). */
  offsets: number[];
  letters: number;
};

export type Tokens = {
  /** The words in reading order. */
  words: Token[];
  /** Words rebuilt from letters spaced out one by one. */
  spaced: Token[];
};

function finishToken(raw: RawToken): Token | null {
  // "!" "|" "*" "#" at the edges are punctuation ("connard!", "*soupir*"), not letters.
  let from = 0;
  let to = raw.classes.length;
  while (from < to && (raw.classes[from] === AMBIGUOUS || raw.classes[from] === MASK)) from++;
  while (to > from && (raw.classes[to - 1] === AMBIGUOUS || raw.classes[to - 1] === MASK)) to--;
  // A token with no real letter is a number or an emoticon: "455" is not "ass".
  if (raw.letters === 0 || from >= to) return null;
  let start = raw.start;
  let end = raw.end;
  const classes = raw.classes.slice(from, to);
  const folded = raw.folded.slice(from, to);
  if (from > 0 || to < raw.classes.length) {
    start = raw.offsets[from];
    end = to < raw.offsets.length ? raw.offsets[to] : raw.end;
  }
  const { skeleton, runs } = encode(folded);
  const token: Token = { start, end, skeleton, runs };
  if (classes.includes(MASK)) token.masked = true;
  const ambiguous: number[] = [];
  for (let i = 0; i < classes.length; i++) if (classes[i] === AMBIGUOUS) ambiguous.push(i);
  if (ambiguous.length > 0 && ambiguous.length <= MAX_AMBIGUOUS) {
    token.alternatives = [];
    for (let mask = 1; mask < 1 << ambiguous.length; mask++) {
      const chars = folded.split('');
      ambiguous.forEach((position, bit) => {
        if (mask & (1 << bit)) chars[position] = 'l';
      });
      token.alternatives.push(encode(chars.join('')));
    }
  }
  return token;
}

/**
 * Cuts a text into word tokens. Letters spaced out one by one ("c o n n a r d", "c.o.n.n.a.r.d",
 * "c-o-n") also give a joined token covering the whole run.
 */
export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const spaced: Token[] = [];
  let raw: RawToken | null = null;
  // Single-letter tokens waiting to be joined, and where the separators between them ended.
  let singles: Token[] = [];
  let lastEnd = -1;

  const flushSingles = () => {
    if (singles.length >= 3) {
      const folded = singles.map((t) => t.skeleton.repeat(t.runs[0])).join('');
      const { skeleton, runs } = encode(folded);
      spaced.push({ start: singles[0].start, end: singles[singles.length - 1].end, skeleton, runs });
    }
    singles = [];
  };

  const close = () => {
    if (!raw) return;
    const token = finishToken(raw);
    raw = null;
    if (!token) {
      flushSingles();
      return;
    }
    tokens.push(token);
    const single = token.runs.length === 1 && token.runs[0] === 1 && token.end - token.start === 1;
    if (single && (singles.length === 0 || token.start - lastEnd <= 2)) singles.push(token);
    else {
      flushSingles();
      if (single) singles.push(token);
    }
    lastEnd = token.end;
  };

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let cls: number;
    let fold: string;
    let width = 1;
    if (code < 128) {
      cls = asciiClass[code];
      fold = asciiFold[code];
    } else {
      const point = text.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      const info = classifyOther(point, text.slice(i, i + width));
      cls = info.cls;
      fold = info.fold;
    }
    if (cls === INVISIBLE) {
      i += width - 1;
      continue;
    }
    if (cls === SEPARATOR) {
      close();
      // A long gap between single letters ends a spaced-out word.
      if (singles.length > 0 && i - lastEnd >= 2) flushSingles();
      i += width - 1;
      continue;
    }
    if (!raw) raw = { start: i, end: i, folded: '', classes: [], offsets: [], letters: 0 };
    for (let k = 0; k < fold.length; k++) {
      raw.folded += fold[k];
      raw.classes.push(cls);
      raw.offsets.push(i);
    }
    if (cls === LETTER) raw.letters++;
    raw.end = i + width;
    i += width - 1;
  }
  close();
  flushSingles();
  return { words: tokens, spaced };
}

/**
 * A fingerprint for duplicate detection: the skeletons of the words, in order. "Great post!!!"
 * and "GREAT   post" are the same comment.
 */
export function fingerprintOf(text: string): string {
  return tokenize(text)
    .words.map((token) => token.skeleton)
    .join(' ');
}
