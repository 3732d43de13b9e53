import { defaultSettings, mergeSettings, type ModerationSettings } from '../../config/schema';
import { createRulesEngine } from '../engine';
import { emptyContext, type SubmissionContext } from '../types';

/** A known author with a clean record, so that only the text decides. */
const trusted: SubmissionContext = {
  ...emptyContext(),
  author: { approved: 3, recent: 3, recentRejected: 0 },
};
const engine = createRulesEngine(defaultSettings);

const judge = (content: string, locale = 'fr', settings?: ModerationSettings) =>
  (settings ? createRulesEngine(settings) : engine).evaluate(
    { content, authorName: 'Camille', locale },
    trusted
  );

describe('banned words in French, however they are written', () => {
  it.each([
    ['plain', 'Tu es un connard.'],
    ['capitals', 'TU ES UN CONNARD'],
    ['leet-speak', 'Tu es un c0nn4rd'],
    ['stretched letters', 'quel connaaaaard'],
    ['a missing double letter', 'quel conard'],
    ['an accent added', 'quel connârd'],
    ['spaced letters', 'espèce de c o n n a r d'],
    ['dotted letters', 'espèce de c.o.n.n.a.r.d'],
    ['full-width letters', 'ｃｏｎｎａｒｄ'],
    ['a Cyrillic "с"', 'сonnard'],
    ['a zero-width space inside', 'con\u200bnard'],
    ['an accent folded', 'bande d’encules'],
    ['leet with accents', '3ncul3'],
    ['a phrase', 'espèce de fils de pute'],
    ['a hyphenated phrase', 'fils-de-pute'],
    ['a glued phrase', 'filsdepute'],
    ['an abbreviation', 'FDP va'],
    ['a leet phrase', 'n1que ta m3re'],
    ['"$" for "s"', 'grosse $alope'],
    ['a plural', 'bande de connards'],
    ['trailing punctuation', 'salope!!!'],
  ])('%s: %s', (_label, text) => {
    const decision = judge(text);
    expect(decision.status).toBe('rejected');
    expect(decision.findings[0]).toMatchObject({ rule: 'bannedWords', code: 'banned_word' });
  });
});

describe('banned words in English, however they are written', () => {
  it.each([
    ['plain', 'fuck this'],
    ['a word starting with a banned one', 'fucking hell'],
    ['stretched and capitals', 'FUUUUCK'],
    ['an umlaut', 'fück'],
    ['spaced letters', 'f u c k you'],
    ['"$" and "@"', 'you @$$hole'],
    ['"1" for "i"', 'b1tch'],
    ['"1" for "l"', 'assho1e'],
    ['a phrase', 'just kill yourself'],
    ['a leet phrase', 'k1ll y0urself'],
    ['a slur', 'n1gger'],
    ['a plural', 'bitches'],
  ])('%s: %s', (_label, text) => {
    expect(judge(text, 'en').status).toBe('rejected');
  });
});

describe('suspect words are held for review', () => {
  it.each([
    ['fr', 'quel crétin'],
    ['fr', 'c’est de la merde'],
    ['fr', 'p u t a i n'],
    ['en', 'this is bullshit'],
    ['en', 'sh1t happens'],
    ['en', 'what an idiot'],
  ])('%s: %s', (locale, text) => {
    const decision = judge(text, locale);
    expect(decision.status).toBe('pending');
    expect(decision.findings.map((finding) => finding.code)).toContain('suspect_word');
  });

  it.each(['f*ck you', 'c*nnard', 'f**k'])('a masked word is held, not rejected: %s', (text) => {
    const decision = judge(text, 'en');
    expect(decision.status).toBe('pending');
    expect(decision.findings[0].matches?.[0].masked).toBe(true);
  });
});

describe('innocent words that contain a listed one are not flagged (the Scunthorpe problem)', () => {
  it.each([
    'Scunthorpe United a gagné',
    'un assassin dans un roman policier',
    'quelle classe !',
    'la bassesse de ce geste',
    'un bon conseil',
    'le concours est ouvert',
    'il raconte sa journée',
    'je rentre de Conakry',
    'la culture et le calcul',
    'une salopette bleue',
    'la dispute entre voisins',
    'le député de la circonscription',
    'une bonne réputation',
    "l'analyse des résultats",
    'un pain bâtard bien cuit',
    'une tapette à mouches',
    "j'ai la crève depuis lundi",
    'un as du volant',
    'le train est en retard',
    'cocktail au shiitake',
    'Essex, Sussex et Middlesex',
  ])('fr: %s', (text) => {
    expect(judge(text, 'fr')).toEqual({ status: 'approved', findings: [] });
  });

  it.each([
    'I grew up near Scunthorpe',
    'the assassin was caught',
    'a classic class assignment',
    'we need to compute the dispute costs',
    'pros and cons of the plan',
    'a bite of cake',
    'peacock and cocktail',
    'reading Dickens and Moby Dick',
    'flights to Niger and Nigeria',
    'add the spice',
    'my therapist said so',
    'Hancock and Matsushita',
    'a passionate bassist',
    'as soon as possible',
  ])('en: %s', (text) => {
    expect(judge(text, 'en')).toEqual({ status: 'approved', findings: [] });
  });
});

describe('words that are innocent in the other language', () => {
  it('"con" is held in French but not in English', () => {
    expect(judge('quel con', 'fr').status).toBe('pending');
    expect(judge('pros and cons', 'en').status).toBe('approved');
  });

  it('"retard" is a delay in French and a slur in English', () => {
    expect(judge('le bus est en retard', 'fr').status).toBe('approved');
    expect(judge('you retard', 'en').status).toBe('rejected');
  });

  it('an English insult in a French comment is still caught', () => {
    expect(judge('franchement, fuck ce concours', 'fr').status).toBe('rejected');
  });
});

describe('what a moderator is shown', () => {
  it('records the matched words with their offsets in the original text', () => {
    const text = 'Salut, espèce de C0NN4RD et de fils-de-pute !';
    const [finding] = judge(text).findings;
    expect(finding.matches?.map((match) => text.slice(match.start, match.end))).toEqual([
      'C0NN4RD',
      'fils-de-pute',
    ]);
    expect(finding.matches?.map((match) => match.term)).toEqual(['connard(s)', 'fils de pute']);
    // As a code and its values, which the admin puts in the moderator's language.
    expect(finding).toMatchObject({
      code: 'banned_word',
      params: { count: 2, terms: 'connard(s), fils de pute' },
    });
  });

  it('checks the author name too', () => {
    const decision = engine.evaluate(
      { content: 'Bonjour', authorName: 'Le Connard du 93', locale: 'fr' },
      trusted
    );
    expect(decision.status).toBe('rejected');
    expect(decision.findings[0].matches?.[0]).toMatchObject({ field: 'authorName', start: 3, end: 10 });
  });
});

describe('word lists tuned in the settings', () => {
  it('adds banned and suspect words, and phrases', () => {
    const settings = mergeSettings(defaultSettings, {
      words: { banned: ['truffe(s)'], suspect: ['concurrent x'] },
    });
    expect(judge('bande de truffes', 'fr', settings).status).toBe('rejected');
    expect(judge('allez chez Concurrent-X', 'fr', settings).status).toBe('pending');
  });

  it('allows a word that the shipped lists flag', () => {
    const settings = mergeSettings(defaultSettings, { words: { allowed: ['merde'] } });
    expect(judge('merde alors', 'fr', settings).status).toBe('approved');
    expect(judge('merde alors', 'fr').status).toBe('pending');
  });

  it('can run on its own words only', () => {
    const settings = mergeSettings(defaultSettings, {
      words: { useDefaultLists: false, banned: ['spoiler'] },
    });
    expect(judge('connard', 'fr', settings).status).toBe('approved');
    expect(judge('SPOILER: il meurt', 'fr', settings).status).toBe('rejected');
  });
});
