import { defaultSettings, mergeSettings } from '../../config/schema';
import { createRulesEngine, linkDomains } from '../engine';
import { emptyContext, type SubmissionContext } from '../types';

const known = { approved: 2, recent: 2, recentRejected: 0 };
const context = (overrides: Partial<SubmissionContext> = {}): SubmissionContext => ({
  ...emptyContext(),
  author: known,
  ...overrides,
});
const engine = createRulesEngine(defaultSettings);
const judge = (content: string, overrides: Partial<SubmissionContext> = {}, authorName = 'Camille') =>
  engine.evaluate({ content, authorName, locale: 'fr' }, context(overrides));
const codes = (decision: { findings: { code: string }[] }) =>
  decision.findings.map((finding) => finding.code);

describe('links', () => {
  it('finds links with and without a scheme', () => {
    expect(
      linkDomains('voir https://www.Example.org/a?b, www.test.fr et bit.ly/xyz, pas 3.5 ni a.b')
    ).toEqual(['example.org', 'test.fr', 'bit.ly']);
  });

  it('holds a comment with a link, unless its domain is allowed', () => {
    expect(judge('lisez https://spam.example.com/x').status).toBe('pending');
    const allowing = createRulesEngine(
      mergeSettings(defaultSettings, { links: { allowedDomains: ['example.com'] } })
    );
    expect(
      allowing.evaluate({ content: 'lisez https://docs.example.com/x', authorName: 'A' }, context()).status
    ).toBe('approved');
  });

  it('can reject links outright, or let them through', () => {
    const rejecting = createRulesEngine(mergeSettings(defaultSettings, { links: { action: 'reject' } }));
    expect(rejecting.evaluate({ content: 'www.casino.ru', authorName: 'A' }, context()).status).toBe(
      'rejected'
    );
    const allowing = createRulesEngine(mergeSettings(defaultSettings, { links: { action: 'allow' } }));
    expect(allowing.evaluate({ content: 'www.casino.ru', authorName: 'A' }, context()).status).toBe(
      'approved'
    );
  });
});

describe('shouting and repetition', () => {
  it('holds a comment mostly in capitals, not a short acronym', () => {
    expect(codes(judge('CECI EST SCANDALEUX, VOUS ENTENDEZ ?'))).toEqual(['shouting']);
    expect(judge('Vive la SNCF et la RATP').status).toBe('approved');
  });

  it('holds the same character or word over and over', () => {
    expect(codes(judge('Superrrrrrrrrrrrrr !'))).toEqual(['repeated_characters']);
    expect(codes(judge('spam spam spam spam'))).toEqual(['repeated_words']);
    expect(judge('Merci merci !').status).toBe('approved');
  });
});

describe('what the rules know about the author and the text', () => {
  it('holds the same text posted again by its author, or too often by anyone', () => {
    expect(codes(judge('Bonjour', { duplicates: { sameAuthor: 1, anyone: 1 } }))).toEqual(['duplicate']);
    expect(codes(judge('Bonjour', { duplicates: { sameAuthor: 0, anyone: 3 } }))).toEqual(['duplicate']);
    expect(judge('Bonjour', { duplicates: { sameAuthor: 0, anyone: 2 } }).status).toBe('approved');
  });

  it('holds the first comment of a new author when asked to', () => {
    expect(codes(judge('Bonjour', { author: { approved: 0, recent: 0, recentRejected: 0 } }))).toEqual([
      'new_author',
    ]);
    const open = createRulesEngine(mergeSettings(defaultSettings, { newAuthorPremoderation: false }));
    expect(
      open.evaluate(
        { content: 'Bonjour', authorName: 'A' },
        context({ author: { approved: 0, recent: 0, recentRejected: 0 } })
      ).status
    ).toBe('approved');
  });

  it('holds an author whose recent comments were mostly rejected', () => {
    expect(codes(judge('Bonjour', { author: { approved: 1, recent: 4, recentRejected: 3 } }))).toEqual([
      'author_history',
    ]);
    expect(judge('Bonjour', { author: { approved: 1, recent: 2, recentRejected: 2 } }).status).toBe(
      'approved'
    );
  });

  it.each([
    ['ban', 'rejected', 'author_banned'],
    ['suspension', 'rejected', 'author_suspended'],
    ['premoderation', 'pending', 'author_premoderated'],
    ['warning', 'approved', 'author_warned'],
  ] as const)('applies a %s', (kind, status, code) => {
    const decision = judge('Bonjour', { sanction: { kind, until: '2030-01-01T00:00:00.000Z' } });
    expect(decision.status).toBe(status);
    expect(codes(decision)).toEqual([code]);
  });

  it('holds everything on a pre-moderated target', () => {
    expect(judge('Bonjour', { premoderated: 'campaign' }).findings[0]).toMatchObject({
      code: 'premoderation',
      params: { scope: 'campaign' },
    });
  });
});

describe('the order of the rules', () => {
  it('lists every rule that fired, in the configured order, and the most severe wins', () => {
    const decision = judge('QUEL CRÉTIN DE CONNARD, VOYEZ WWW.SPAM.COM', {
      author: { approved: 0, recent: 0, recentRejected: 0 },
    });
    expect(decision.status).toBe('rejected');
    expect(decision.findings.map((finding) => finding.rule)).toEqual([
      'bannedWords',
      'suspectWords',
      'links',
      'shouting',
      'newAuthor',
    ]);
  });

  it('follows a custom order and skips disabled rules', () => {
    const custom = createRulesEngine(
      mergeSettings(defaultSettings, {
        rules: { order: ['links', 'suspectWords'], disabled: ['shouting', 'bannedWords'] },
      })
    );
    const decision = custom.evaluate(
      { content: 'QUEL CRÉTIN DE CONNARD, VOYEZ WWW.SPAM.COM', authorName: 'A', locale: 'fr' },
      context()
    );
    expect(decision.findings.map((finding) => finding.rule)).toEqual(['links', 'suspectWords']);
    expect(decision.status).toBe('pending');
  });
});
