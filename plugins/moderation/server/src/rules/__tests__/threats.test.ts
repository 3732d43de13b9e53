import { defaultSettings, mergeSettings } from '../../config/schema';
import { createRulesEngine } from '../engine';
import { emptyContext, type SubmissionContext } from '../types';

/** An approved author with a clean record: only the text decides (issue #8). */
const trusted: SubmissionContext = {
  ...emptyContext(),
  author: { approved: 3, recent: 3, recentRejected: 0 },
};
const engine = createRulesEngine(defaultSettings);
const judge = (content: string, locale: string) =>
  engine.evaluate({ content, authorName: 'Camille', locale }, trusted);

describe('threats of violence are held for a moderator', () => {
  it.each([
    ['fr', 'je sais où tu habites, je vais venir…'],
    ['fr', 'Je sais ou tu habites.'],
    ['fr', 'on connait ton adresse'],
    ['fr', 'je vais te retrouver'],
    ['fr', "j'vais te retrouver et tu vas comprendre"],
    ['fr', 'tu vas le payer'],
    ['fr', 'vous allez le payer cher'],
    ['fr', "t'es mort"],
    ['fr', 'tu es un homme mort'],
    ['fr', 'surveille tes arrières'],
    ['fr', 'tu ne perds rien pour attendre'],
    ['fr', 'je vais te faire la peau'],
    ['fr', 'je vais te casser la gueule'],
    ['fr', 'je vais brûler ta boutique'],
    ['fr', 'on t’attend à la sortie'],
    ['fr', 'JE SAIS OÙ TU HABITES'],
    ['fr', 'j3 s41s où tu h4b1tes'],
    ['fr', 'je vais te r e t r o u v e r'],
    ['fr', 'je vais te r.e.t.r.o.u.v.e.r'],
    ['fr', 'tu vaaas le payeeer'],
    ['en', 'I will find you'],
    ['en', "I'll find you."],
    ['en', 'I know where you live'],
    ['en', 'i kn0w wh3re y0u l1ve'],
    ['en', "you're dead"],
    ['en', 'you are a dead man'],
    ['en', 'watch your back'],
    ['en', "we're coming for you"],
    ['en', "you'll pay for this"],
    ['en', "I'm gonna hunt you down"],
    ['en', 'I will hurt you'],
    ['en', "I'll burn your shop down"],
    ['en', 'your days are numbered'],
  ])('%s: %s', (locale, text) => {
    const decision = judge(text, locale);
    expect(decision.status).toBe('pending');
    expect(decision.findings.map(({ rule, outcome, code }) => ({ rule, outcome, code }))).toContainEqual({
      rule: 'threats',
      outcome: 'hold',
      code: 'threat',
    });
  });

  it('shows the moderator the threatening words', () => {
    const text = 'Super course. Mais je sais où tu habites, Paul.';
    const finding = judge(text, 'fr').findings.find((found) => found.code === 'threat');
    expect(finding?.matches?.map((match) => text.slice(match.start, match.end))).toEqual([
      'je sais où tu habites',
    ]);
  });

  it('catches a threat in the other language of the site', () => {
    expect(judge('franchement, I know where you live', 'fr').status).toBe('pending');
  });

  it.each([
    ['fr', 'Je vais te retrouver au stand samedi !'],
    ['fr', 'Je vais te trouver un casque à ta taille.'],
    ['fr', 'On va vous retrouver à l’arrivée, bravo à tous.'],
    ['fr', 'Tu vas payer combien pour l’inscription ?'],
    ['fr', 'Je suis mort de rire, merci pour la vidéo.'],
    ['fr', 'Je sais où tu as acheté ce vélo, chez vous à Lyon !'],
    ['fr', 'Fais attention à toi sur la route ce week-end.'],
    ['en', "I'll find you a seat near the finish line."],
    ['en', "I'll find you at the start, I'll wear the red jersey."],
    ['en', 'I know where you are coming from, fair point.'],
    ['en', "You'll pay less if you book before Friday."],
    ['en', 'You will pay for the ticket at the door.'],
    ['en', 'My legs are dead after that climb!'],
    ['en', "You're dead right about the saddle."],
    ['en', "I'll beat you up that hill next time, Sam!"],
  ])('%s: no false alarm: %s', (locale, text) => {
    expect(judge(text, locale)).toEqual({ status: 'approved', findings: [] });
  });

  it('can be turned off like any other rule', () => {
    const off = createRulesEngine(mergeSettings(defaultSettings, { rules: { disabled: ['threats'] } }));
    expect(off.evaluate({ content: 'je vais te retrouver', authorName: 'A' }, trusted).status).toBe(
      'approved'
    );
  });
});
