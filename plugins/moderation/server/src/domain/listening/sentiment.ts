/**
 * The sentiment of a short mention in French or English: positive, negative or neutral. Word
 * polarities come from natural's lexicons (Pattern's French adjectives, SentiCon's English words) and our own brand-talk words (`sentiment-words.ts`); a negation turns the next
 * three words around (French `ne … pas`, `jamais`, `personne`; English `not`, `n't`, `never`), an
 * intensifier makes the next judgement half as strong again, and a question without a strong
 * judgement is neutral. `npm run bench:listening` measures it on the labelled set in tests/sentiment.
 */
import { EMOJI_POLARITY, EXTRA_WORDS, INTENSIFIERS, NEGATORS } from './sentiment-words';

export type Sentiment = 'positive' | 'negative' | 'neutral';
type Language = 'fr' | 'en';

const NEGATION_REACH = 3;
const THRESHOLD = 0.2;

/**
 * SentiCon gives most English words a small polarity ("store" 0.1); below this it is noise in a
 * short mention, so only clearer words count.
 */
const SENTICON_FLOOR = 0.4;

let lexicons: Record<Language, Record<string, number>> | null = null;

/** A vocabulary of natural's as polarities (its files keep them as strings, under `polarity` or `pol`). */
const polarities = (vocabulary: Record<string, { polarity?: string; pol?: string }>) =>
  Object.fromEntries(
    Object.entries(vocabulary).map(([word, entry]) => [word, Number(entry.polarity ?? entry.pol)])
  );

/**
 * natural's vocabularies, read once: Pattern's French lexicon and the English SentiCon (natural's
 * analyzer class would also load AFINN, an ES module that a CommonJS plugin cannot require everywhere).
 */
function lexiconsOf(): Record<Language, Record<string, number>> {
  if (lexicons) return lexicons;
  const french = require('natural/lib/natural/sentiment/French/pattern-sentiment-fr.json');
  const english = require('natural/lib/natural/sentiment/English/senticon_en.json');
  lexicons = {
    fr: { ...polarities(french), ...EXTRA_WORDS.fr },
    en: {
      ...Object.fromEntries(
        Object.entries(polarities(english)).filter(([, p]) => Math.abs(p) >= SENTICON_FLOOR)
      ),
      ...EXTRA_WORDS.en,
    },
  };
  return lexicons;
}

/** Words, with French elisions apart (`n'est` → `n'`, `est`) and English `n't` as its own negation. */
export function tokensOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}]+'?/gu) ?? []
  ).flatMap((token) => {
    if (/^(?:[ldjcmnst]|qu)'$/.test(token)) return [token];
    if (token.endsWith("n't")) return [token.slice(0, -3), 'not'];
    return [token.replace(/'$/, '')];
  });
}

function polarityOf(lexicon: Record<string, number>, word: string): number {
  const direct = lexicon[word];
  if (direct !== undefined && Number.isFinite(direct)) return direct;
  // French plurals and feminines: déçues → déçue → déçu.
  for (const cut of [word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/e$/, '')]) {
    if (cut !== word && lexicon[cut] !== undefined && Number.isFinite(lexicon[cut])) return lexicon[cut];
  }
  return 0;
}

export function sentimentScore(text: string, language: Language): number {
  const lexicon = lexiconsOf()[language];
  const tokens = tokensOf(text);
  let score = 0;
  let negatedUntil = -1;
  let boost = 1;
  tokens.forEach((token, index) => {
    const bare = token.replace(/'$/, '');
    if (NEGATORS[language].has(token) || NEGATORS[language].has(bare)) {
      negatedUntil = index + NEGATION_REACH;
      return;
    }
    if (INTENSIFIERS[language].has(token)) {
      boost = 1.5;
      return;
    }
    // "du tout" / "at all" make a negation stronger, never a judgement of their own.
    const polarity = polarityOf(lexicon, token);
    if (polarity === 0) return;
    score += polarity * boost * (index <= negatedUntil ? -1 : 1);
    boost = 1;
  });
  for (const [pattern, polarity] of EMOJI_POLARITY) if (pattern.test(text)) score += polarity;
  return score;
}

export function sentimentOf(text: string, language: string | null): Sentiment {
  const lang: Language = language === 'fr' ? 'fr' : 'en';
  const score = sentimentScore(text, lang);
  if (/\?\s*$/.test(text.trim()) && Math.abs(score) < 0.6) return 'neutral';
  if (score > THRESHOLD) return 'positive';
  if (score < -THRESHOLD) return 'negative';
  return 'neutral';
}
