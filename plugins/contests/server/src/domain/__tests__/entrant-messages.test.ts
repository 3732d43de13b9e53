import { acceptedLanguage, askedLanguage, languageOr, refusalText } from '../entrant-messages';

describe('the entrant’s language', () => {
  it('takes the first of French and English the browser asks for, by weight', () => {
    expect(acceptedLanguage('de-DE, en-GB;q=0.9, fr;q=0.8')).toBe('en');
    expect(acceptedLanguage('fr-CA;q=0.5, en;q=0.4')).toBe('fr');
    expect(acceptedLanguage('en;q=0, fr-BE')).toBe('fr');
    expect(acceptedLanguage('de, it')).toBeNull();
    expect(acceptedLanguage(undefined)).toBeNull();
  });

  it('prefers ?locale, then the browser, then the contest’s language', () => {
    expect(askedLanguage('en', 'fr-FR')).toBe('en');
    expect(askedLanguage('es', 'fr-FR')).toBe('fr');
    expect(languageOr(askedLanguage(undefined, undefined), 'en')).toBe('en');
    expect(languageOr(null, undefined)).toBe('fr');
  });
});

describe('a refusal, worded for the entrant', () => {
  const opensAt = '2026-05-01T08:00:00.000Z';
  it('dates the opening in the contest’s time zone and the entrant’s language', () => {
    expect(refusalText({ reason: 'window_not_open', opensAt }, 'fr', 'Europe/Paris')).toBe(
      'Les participations ne sont pas encore ouvertes : elles ouvrent le 1 mai 2026 à 10:00 UTC+2.'
    );
    expect(refusalText({ reason: 'window_not_open', opensAt }, 'en', 'Europe/Paris')).toBe(
      'Entries are not open yet: they open on 1 May 2026 at 10:00 CEST.'
    );
  });

  it('names the countries in the entrant’s language', () => {
    expect(refusalText({ reason: 'country_required', eligibleCountries: ['BE', 'CH'] }, 'en', 'UTC')).toBe(
      'A country of residence is required (this contest is open to residents of these countries only: Belgium, Switzerland).'
    );
  });
});

describe('rules waiting for approval, worded for the entrant', () => {
  it('says why the contest does not take entries, in French and English', () => {
    const text = (approval: 'not_approved' | 'voided' | 'not_published', language: 'fr' | 'en') =>
      refusalText({ reason: 'rules_not_approved', approval }, language, 'Europe/Paris');
    expect(text('not_approved', 'fr')).toMatch(/règlement attend sa validation/);
    expect(text('not_approved', 'en')).toMatch(/rules are waiting for approval/);
    expect(text('voided', 'fr')).toMatch(/a changé depuis sa validation/);
    expect(text('voided', 'en')).toMatch(/changed since they were approved/);
    expect(text('not_published', 'en')).toMatch(/approved version of its rules is not published/);
  });
});
