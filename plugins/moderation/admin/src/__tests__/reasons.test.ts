import { IntlMessageFormat } from 'intl-messageformat';

import { defaultSettings } from '../../../server/src/config/schema';
import { createRulesEngine } from '../../../server/src/rules/engine';
import {
  emptyContext,
  FINDING_CODES,
  type Finding,
  type SubmissionContext,
} from '../../../server/src/rules/types';
import en from '../translations/en.json';
import fr from '../translations/fr.json';

/**
 * The rules store why as a code and its parameters; the admin turns them into a sentence in the
 * moderator's language. Every finding the rules can make must read as a whole sentence in both.
 */
const engine = createRulesEngine(defaultSettings);
const judge = (content: string, context: Partial<SubmissionContext> = {}) =>
  engine.evaluate(
    { content, authorName: 'Camille', locale: 'fr' },
    { ...emptyContext(), author: { approved: 3, recent: 3, recentRejected: 0 }, ...context }
  ).findings;

const findings: Finding[] = [
  ...judge('QUEL CRÉTIN DE CONNARD, VOYEZ WWW.SPAM.COM', {
    author: { approved: 0, recent: 0, recentRejected: 0 },
  }),
  ...judge('Mais je sais où tu habites, Paul.'),
  ...judge('Bonjouuuuuuuuuuuuuuuur'),
  ...judge('super super super super super'),
  ...judge('Bonjour', { duplicates: { sameAuthor: 1, anyone: 1 } }),
  ...judge('Bonjour', { duplicates: { sameAuthor: 0, anyone: 9 } }),
  ...judge('Bonjour', { author: { approved: 1, recent: 4, recentRejected: 3 } }),
  ...(['all', 'target', 'campaign'] as const).flatMap((premoderated) => judge('Bonjour', { premoderated })),
  ...(['ban', 'suspension', 'premoderation', 'warning'] as const).flatMap((kind) =>
    judge('Bonjour', { sanction: { kind, until: '2030-01-01T00:00:00.000Z', note: 'Dernier avertissement' } })
  ),
  ...judge('Bonjour', { sanction: { kind: 'warning' } }),
  // The external scorer's findings (services/external-scorer.service.ts), which need the network.
  {
    rule: 'externalScorer',
    outcome: 'hold',
    code: 'scorer',
    params: { score: '0.72', labelCount: 0, labels: '' },
  },
  {
    rule: 'externalScorer',
    outcome: 'reject',
    code: 'scorer',
    params: { score: '0.97', labelCount: 2, labels: 'toxic, insult' },
  },
  {
    rule: 'externalScorer',
    outcome: 'hold',
    code: 'scorer_unavailable',
    params: { error: 'no answer within 2000 ms' },
  },
];

describe('why a rule fired, in the moderator’s language', () => {
  it('covers every code the rules can store', () => {
    expect([...new Set(findings.map((finding) => finding.code))].sort()).toEqual([...FINDING_CODES].sort());
  });

  it.each([
    ['en', en],
    ['fr', fr],
  ] as const)('reads as a whole sentence in %s, with every value it names', (locale, messages) => {
    for (const finding of findings) {
      const message = (messages as Record<string, string>)[`reason.${finding.code}`];
      expect([finding.code, typeof message]).toEqual([finding.code, 'string']);
      const text = String(new IntlMessageFormat(message, locale).format(finding.params));
      expect([finding.code, text]).not.toEqual([finding.code, expect.stringMatching(/[{}]|undefined/)]);
      // Every text value shows, but for the one that only picks the sentence and dates (the admin formats them).
      for (const [name, value] of Object.entries(finding.params)) {
        if (name !== 'scope' && typeof value === 'string' && value !== '' && !/^\d{4}-/.test(value))
          expect(text).toContain(value);
      }
    }
  });

  it('calls only an author’s first comment their first; a later one waits for the first approval', () => {
    const newAuthor = (recent: number) =>
      judge('Bonjour', { author: { approved: 0, recent, recentRejected: 0 } }).find(
        (finding) => finding.code === 'new_author'
      )!;
    const read = (messages: Record<string, string>, locale: string, recent: number) =>
      String(new IntlMessageFormat(messages['reason.new_author'], locale).format(newAuthor(recent).params));
    expect(read(en, 'en', 0)).toBe('First comment of this author');
    expect(read(en, 'en', 2)).toBe('New author: none of their 2 earlier comments is approved yet');
    expect(read(fr, 'fr', 0)).toBe('Premier commentaire de cet auteur');
    expect(read(fr, 'fr', 1)).toBe('Nouvel auteur : son commentaire précédent n’est pas encore approuvé');
  });

  it('translates a report that hid a comment', () => {
    for (const [locale, messages] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      const text = new IntlMessageFormat(messages['reason.report_score'], locale).format({
        score: 7,
        threshold: 5,
      });
      expect(text).toMatch(/7.*5/);
    }
  });
});
