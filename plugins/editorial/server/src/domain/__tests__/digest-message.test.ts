import { digestMessage, languageOf, periodOf, type DigestItem } from '../digest-message';

const item = (kind: DigestItem['kind'], title: string, extra: Partial<DigestItem> = {}): DigestItem => ({
  kind,
  title,
  locale: 'fr',
  who: 'Léa Autrice',
  comment: null,
  url: `https://admin.example/${title}`,
  ...extra,
});

describe('the e-mail digest', () => {
  const items = [
    item('approved', 'Rentrée à vélo'),
    item('submitted', 'Règlement du concours'),
    item('submitted', 'Atelier réparation'),
    item('changes_requested', 'Newsletter', { comment: 'Trop long pour X.' }),
  ];

  it('counts each kind in the subject and lists what waits for the reader first, in French', () => {
    const { subject, text } = digestMessage('fr', items, 'https://admin.example/notifications');
    expect(subject).toBe('[Validation] 2 à valider, 1 renvoyé pour modifications, 1 validé');
    expect(text.indexOf('Règlement du concours')).toBeLessThan(text.indexOf('Rentrée à vélo'));
    expect(text).toContain('« Trop long pour X. »');
    expect(text).toContain('par Léa Autrice');
    expect(text).toContain('https://admin.example/notifications');
  });

  it('speaks English to whoever reads the admin in English', () => {
    const { subject, text } = digestMessage('en', items, 'https://admin.example/notifications');
    expect(subject).toBe('[Approval] 2 waiting for your approval, 1 sent back to you, 1 approved');
    expect(text).toContain('Waiting for your approval:');
    expect(text).toContain('by Léa Autrice');
  });

  it('reads the preferred language: English only when asked, French otherwise', () => {
    expect(languageOf('en')).toBe('en');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr')).toBe('fr');
    expect(languageOf(null)).toBe('fr');
  });
});

describe('digest periods', () => {
  it('puts every moment of an hour in the same period, and the next hour in the next', () => {
    expect(periodOf(new Date('2026-12-01T10:00:00.000Z'), 60)).toBe('2026-12-01T10:00:00.000Z');
    expect(periodOf(new Date('2026-12-01T10:59:59.999Z'), 60)).toBe('2026-12-01T10:00:00.000Z');
    expect(periodOf(new Date('2026-12-01T11:00:00.000Z'), 60)).toBe('2026-12-01T11:00:00.000Z');
    expect(periodOf(new Date('2026-12-01T10:47:00.000Z'), 15)).toBe('2026-12-01T10:45:00.000Z');
  });
});
