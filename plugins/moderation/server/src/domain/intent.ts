/**
 * What a reader wants, guessed from the words of a comment or a reply, in French and English: a
 * question to answer, a complaint to handle, praise to thank for, or none of these. The queue puts
 * questions and complaints first. A guess, never a verdict: it decides the order, not the status.
 *
 * A complaint wins over a question ("why is my order still not here?" is both; the complaint is the
 * more urgent), a question over praise ("thanks! when does it open?" waits for an answer).
 */
export const INTENTS = ['complaint', 'question', 'praise', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

/** The order of the queue: 0 first. */
export const INTENT_PRIORITY: Record<Intent, number> = { complaint: 0, question: 0, praise: 1, other: 1 };

/** Lower case, accents and typographic apostrophes folded, spaces collapsed: "Déçu’" → "decu'". */
export function foldForIntent(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2019\u2018`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const phrases = (list: string[]) =>
  new RegExp(`(?:^|[^a-z0-9])(?:${list.map((p) => p.replace(/ /g, '\\s+')).join('|')})(?=$|[^a-z0-9])`);

const COMPLAINT = phrases([
  // French
  'ne marche pas',
  'marche pas',
  'ne fonctionne pas',
  'fonctionne pas',
  'ne fonctionne plus',
  'marche plus',
  'toujours pas',
  'toujours rien',
  'jamais recu',
  'pas recu',
  'decu',
  'decue',
  'decus',
  'decevant',
  'decevante',
  'deception',
  'inadmissible',
  'inacceptable',
  'honteux',
  'honteuse',
  'scandale',
  'scandaleux',
  'arnaque',
  'rembourse\\w*',
  'remboursement',
  'plainte',
  'reclamation',
  'mecontent\\w*',
  'en panne',
  'bug\\w*',
  'bogue',
  'nul',
  'nulle',
  'lamentable',
  'pire',
  "j'en ai marre",
  'ras le bol',
  'personne ne repond',
  'aucune reponse',
  'service client',
  'annule\\w*',
  // English
  'not working',
  "doesn't work",
  'does not work',
  "didn't work",
  'stopped working',
  'broken',
  'still not',
  'still no',
  'never received',
  'never arrived',
  'not received',
  'disappointed',
  'disappointing',
  'unacceptable',
  'ridiculous',
  'shameful',
  'scam',
  'refund',
  'complaint',
  'terrible',
  'awful',
  'worst',
  'useless',
  'no one answers',
  'nobody answers',
  'no reply',
  'no response',
  'fed up',
  'rip ?off',
  'cancel\\w*',
]);

const QUESTION_START = phrases([
  // French
  'comment faire',
  'comment on',
  'comment puis',
  'comment peut',
  'comment est-ce',
  'comment ca',
  'pourquoi',
  'quand',
  'combien',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'est-ce que',
  'est ce que',
  'peut-on',
  'peut on',
  'pouvez-vous',
  'pouvez vous',
  'puis-je',
  'y a-t-il',
  'y a t il',
  'savez-vous',
  // English
  'how',
  'why',
  'when',
  'where',
  'what',
  'which',
  'who',
  'can i',
  'can you',
  'could you',
  'is there',
  'are there',
  'is it',
  'do you',
  'does it',
  'will there',
  'any news',
]);

const QUESTION_ANYWHERE = phrases([
  'je voudrais savoir',
  "j'aimerais savoir",
  'une question',
  'des infos',
  "i'd like to know",
  'i would like to know',
  'i wonder',
  'wondering',
  'any idea',
  'quick question',
]);

const PRAISE = phrases([
  // French
  'merci\\w*',
  'bravo',
  'genial\\w*',
  'super',
  'top',
  'excellent\\w*',
  'magnifique\\w*',
  "j'adore",
  'adore',
  'trop bien',
  'felicitations',
  'chapeau',
  'parfait\\w*',
  'formidable\\w*',
  'belle initiative',
  'tres bien',
  // English
  'thanks?',
  'thank you',
  'great',
  'awesome',
  'amazing',
  'love',
  'loved',
  'well done',
  'congrat\\w*',
  'brilliant',
  'fantastic',
  'wonderful',
  'perfect',
  'kudos',
  'nice',
]);

/** A sentence whose first words ask ("comment faire", "how do I"), not one with "how" in its middle. */
function opensAsQuestion(sentence: string): boolean {
  const match = QUESTION_START.exec(sentence);
  return match !== null && match.index === 0;
}

/** The guessed intent of a text (any language; French and English words are known). */
export function guessIntent(text: string): Intent {
  const folded = foldForIntent(text);
  if (!folded) return 'other';
  if (COMPLAINT.test(folded)) return 'complaint';
  const sentences = folded.split(/[.!\n]+/).map((sentence) => sentence.trim());
  if (folded.includes('?') || QUESTION_ANYWHERE.test(folded) || sentences.some(opensAsQuestion))
    return 'question';
  if (PRAISE.test(folded)) return 'praise';
  return 'other';
}
