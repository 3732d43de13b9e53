/**
 * The language of a short text when its source did not say (a Facebook comment, a feed's entry):
 * French or English by their most common short words and French accents; null when neither stands
 * out (a hashtag, a name, a link). Mentions and inbox replies are kept, scored and filtered by it.
 */
const FRENCH = new Set(
  'le la les un une des du de et est pas pour que qui sur avec dans ce cette ces mais ou je tu il elle nous vous ils elles on très trop plus merci bonjour vraiment mon ma mes ton ta votre vos leur au aux sont était été fait chez encore toujours jamais rien tout tous'.split(
    ' '
  )
);
const ENGLISH = new Set(
  'the a an and is are was were not for that who on with in this these but or i you he she we they it very too more thanks thank hello really my your our their to of at be been have has had do does did just so what why how all never always nothing'.split(
    ' '
  )
);

export function guessLanguage(text: string): 'fr' | 'en' | null {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let fr = 0;
  let en = 0;
  for (const raw of words) {
    const word = raw.replace(/^(l|d|j|qu|n|c|s|m|t)'/, '');
    if (raw !== word) fr += 1;
    if (FRENCH.has(word)) fr += 1;
    if (ENGLISH.has(word)) en += 1;
  }
  fr += (text.match(/[éèêàùçôîœ]/gi) ?? []).length > 0 ? 1 : 0;
  if (fr === en) return null;
  return fr > en ? 'fr' : 'en';
}

/** A BCP 47 tag from a source (`fr-FR`, `de`) as its two letters; guessed (fr, en or null) when none. */
export function languageOf(tag: string | null | undefined, text: string): string | null {
  const short = (tag ?? '').slice(0, 2).toLowerCase();
  if (/^[a-z]{2}$/.test(short) && short !== 'un') return short;
  return guessLanguage(text);
}
