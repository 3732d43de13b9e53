import { tokenize, type Tokens } from './normalise';
import type { WordMatch } from './wordlist';

/**
 * Threats of violence ("je sais où tu habites", "I will find you"): phrases, not words, so they are
 * matched as patterns over the words' skeletons, which makes them survive the same disguises as
 * the word lists (case, accents, leet-speak, stretched or spaced letters, look-alike letters).
 * A threat is held for a moderator, never rejected outright: context decides ("je vais te
 * retrouver au stand").
 *
 * Pattern syntax, one slot after another:
 * - `word` or `t'es`: that word (folded like a comment: "t'es" is the two words "t es");
 * - `[a|b c]`: one of the alternatives, each a word or several; `[a|b]?`: optional;
 * - `~2`: up to two words, any;
 * - `-[a|b]`: not followed by any of these (what makes the phrase harmless: "find you a seat").
 */

const FRENCH = [
  "[je|j'|on|moi je] [sais|sait|connais|connait] [où|ou] [tu|t'|vous] [habites|habite|habitez|vis|vit|vivez|dors|dort|dormez|bosses|bosse|travailles|travaille|crèches|crèche|te caches|se cache]",
  "[je|j'|on] [connais|connait|sais|sait|a|ai] [ton|ta|votre] [adresse|domicile]",
  "[je|j'|on] [vais|va|viens|vient|viendrai|viendra] ~1 [te|t'|vous] [retrouver|trouver|chercher] -[à|a|au|aux|sur|devant|vers|en|dans|après|avant|pour|chez moi|samedi|dimanche|demain|ce|cet|cette|là|le|la|les|un|une|des|du|de|ta|ton|tes|votre|vos|quand|si|plus]",
  "[je|j'|on] [vais|va|viens|vient] ~1 [te|t'|vous] [tuer|buter|défoncer|démonter|massacrer|égorger|planter|cramer|flinguer|fumer|saigner|étrangler|éclater|frapper|tabasser|cogner|faire la peau|faire payer|faire regretter|faire du mal|casser la gueule|péter la gueule|exploser la gueule|casser les jambes|casser les dents|régler ton compte|régler votre compte]",
  "[je|j'|on] ~1 [te|t'|vous] [tuerai|tuera|buterai|butera|retrouverai|retrouvera|trouverai|trouvera|défoncerai|défoncera|ferai la peau|fera la peau|ferai payer|fera payer|aurai|aura] -[un|une|le|la|les|des|du|de|à|a|au|aux|ce|cette|plus|quand|si|bien]",
  "[je|j'|on] [vais|va] ~1 [brûler|cramer|incendier|casser|saccager|défoncer|brûlé] [ta|ton|tes|votre|vos] [boutique|magasin|maison|voiture|bagnole|vélo|local|locaux|baraque|caisse|gueule|tronche]",
  "[je|j'|on] [vais|va] [venir|passer|débarquer] chez [toi|vous] -[pour le|pour la|boire|prendre|demain|samedi|dimanche]",
  '[tu|vous] [vas|va|allez] ~1 [le payer|me le payer|nous le payer|le regretter|crever|mourir|morfler|prendre cher|y passer|la sentir passer|voir ce qui va]',
  "[t'es|tu es|t es|vous êtes|vous etes] [mort|morte|morts|mortes|un homme mort|une femme morte|des hommes morts] -[de|des|du|pour|d'|avec|après|mdr|lol]",
  '[surveille|surveillez] [tes|vos] arrières',
  "[tu|tu ne|tu n'|t'|vous|vous ne|vous n'] [perds|perdez] rien pour attendre",
  '[gare|prends garde|prenez garde] à [toi|vous]',
  "[je|on] [t'|vous] [attends|attend] [à|a] la sortie",
  '[tes|vos] jours sont comptés',
  '[fais|faites] gaffe à [ta famille|tes gosses|tes enfants|vos enfants|votre famille|ta femme|ta fille]',
];

const ENGLISH = [
  '[i|we|i do|we do] [know|knows] where [you|u|ya] [live|sleep|work|park|hang out|go to school|stay]',
  '[i|we] [know|have|got] [your|ur] [address|home address]',
  "[i|i will|i'll|ill|i'm gonna|im gonna|i am gonna|i'm going to|im going to|i am going to|we will|we'll|we're gonna|we are gonna|we're going to|we are going to] ~1 [find|hunt|track] [you|u|ya] -[a|an|the|some|one|it|that|this|more|at|in|on|there|here|guys|all|later|soon|tomorrow|tonight|when|after|before|by|near|outside|and your|some|something|another|lads|folks|friends]",
  "[i|i will|i'll|ill|i'm gonna|im gonna|i am gonna|i'm going to|im going to|i am going to|we will|we'll|we're gonna|we are gonna|we're going to|we are going to] ~1 [kill|hurt|murder|stab|shoot|strangle|choke|slit|gut|burn|end] [you|u|ya|your family|your kids]",
  "[i|i will|i'll|ill|i'm gonna|im gonna|i am gonna|i'm going to|im going to|i am going to|we will|we'll|we're gonna|we are gonna|we're going to|we are going to] ~1 [burn|torch|trash|wreck|smash] [down]? [your|ur] [shop|store|house|home|car|office|place]",
  "[you're|youre|you are|ur|u r|u are|you r|your] [dead|a dead man|a dead woman|so dead|gonna die|going to die|next] -[right|wrong|on|to|tired|serious|in|inside|weight|last|after|week|time|year|month|in line|up|door|one|race|stage|lap]",
  '[watch|watch out for] [your|ur|yer] back -[wheel|wheels|tyre|tire|light|lights|brake|brakes|end|side|pocket|pockets|rack|mudguard|seat|row|straight]',
  "[i'm|im|i am|we're|were|we are] coming for [you|u|ya]",
  "[you will|you'll|youll|you're gonna|youre gonna|you are gonna|you're going to|you are going to|ur gonna|u will] [pay|regret] [for this|for that|for it|for what you did|this|that|it] -[back|off|up|out|at|by|with|in|on|online|now|later]",
  '[your|ur] days are numbered',
  "[you|u] [won't|wont|will not] see it coming",
  'sleep with one eye open',
];

type CompiledThreat = { language: 'fr' | 'en'; pattern: RegExp };

const skeletonsOf = (phrase: string) =>
  tokenize(phrase)
    .words.map((word) => word.skeleton)
    .join(' ');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (list: string) =>
  `(?:${list
    .split('|')
    .map((phrase) => `${escape(skeletonsOf(phrase))} `)
    .join('|')})`;

const SLOT = /(-)?\[([^\]]*)\](\?)?|~(\d)|(\S+)/g;

/**
 * A pattern as a sticky regular expression over " skeleton skeleton … " (every word ends with a
 * space), tried only where one of its first words stands.
 */
export function compileThreat(source: string): { pattern: RegExp; firstWords: string[] } {
  let body = '';
  let firstWords: string[] | null = null;
  for (const [, negated, group, optional, gap, word] of source.matchAll(SLOT)) {
    if (group !== undefined) {
      const choice = alternatives(group);
      body += negated ? `(?!${choice})` : optional ? `${choice}?` : choice;
    } else if (gap !== undefined) body += `(?:\\S+ ){0,${gap}}`;
    else body += alternatives(word);
    firstWords ??= (group ?? word).split('|').map((phrase) => skeletonsOf(phrase).split(' ')[0]);
  }
  return { pattern: new RegExp(` ${body}`, 'y'), firstWords: firstWords ?? [] };
}

/** The patterns by the skeleton of a word they may start with. */
const BY_FIRST_WORD = new Map<string, CompiledThreat[]>();
for (const [language, sources] of [
  ['fr', FRENCH],
  ['en', ENGLISH],
] as const) {
  for (const source of sources) {
    const { pattern, firstWords } = compileThreat(source);
    for (const word of new Set(firstWords)) {
      const bucket = BY_FIRST_WORD.get(word);
      if (bucket) bucket.push({ language, pattern });
      else BY_FIRST_WORD.set(word, [{ language, pattern }]);
    }
  }
}

type Reading = { text: string; words: string[]; spans: { start: number; end: number }[] };

/** The words as one string of skeletons, with each word's offsets in the original text. */
function readingOf(parts: { skeleton: string; start: number; end: number }[]): Reading {
  const words = parts.map((part) => part.skeleton);
  return { text: ` ${words.join(' ')} `, words, spans: parts };
}

/**
 * The words as written, then (if the comment has any) with letters spaced out or split by
 * punctuation put back together ("je vais te r e t r o u v e r").
 */
function readingsOf({ words, joined }: Tokens): Reading[] {
  const readings = [readingOf(words)];
  const whole = joined.filter((token) => token.pattern === undefined);
  if (whole.length === 0) return readings;
  const parts: { skeleton: string; start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    // From a single letter, the shortest reading is the spaced-out word itself, without its neighbours.
    let shortest = null;
    if (words[i].end - words[i].start === 1) {
      for (const token of whole) {
        if (token.start === words[i].start && (!shortest || token.end < shortest.end)) shortest = token;
      }
    }
    if (!shortest) {
      parts.push(words[i]);
      continue;
    }
    parts.push(shortest);
    while (i + 1 < words.length && words[i + 1].end <= shortest.end) i++;
  }
  readings.push(readingOf(parts));
  return readings;
}

/** Threatening phrases in a text, in both languages whatever the comment's locale. */
export function findThreats(tokens: Tokens, text: string): WordMatch[] {
  if (tokens.words.length < 2) return [];
  for (const reading of readingsOf(tokens)) {
    const found: WordMatch[] = [];
    let at = 0; // the space before word i
    for (let i = 0; i < reading.spans.length; i++) {
      const candidates = BY_FIRST_WORD.get(reading.words[i]);
      if (candidates) {
        for (const { language, pattern } of candidates) {
          pattern.lastIndex = at;
          const match = pattern.exec(reading.text);
          if (!match) continue;
          // The match starts on the space before its first word and ends with the one after its last.
          const count = countSpaces(match[0]) - 1;
          const start = reading.spans[i].start;
          const end = reading.spans[i + count - 1].end;
          found.push({ term: text.slice(start, end), level: 'suspect', list: language, start, end });
          break;
        }
      }
      at += reading.words[i].length + 1;
    }
    if (found.length > 0) return found;
  }
  return [];
}

function countSpaces(text: string): number {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) spaces++;
  return spaces;
}
