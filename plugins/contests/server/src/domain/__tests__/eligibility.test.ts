import { ageOn, checkEligibility } from '../eligibility';
import { contestPhase, readContestSettings } from '../contest-settings';

const settings = readContestSettings({
  organizer: 'Roue Libre SAS',
  entryOpensAt: '2026-05-01T08:00:00.000Z',
  entryClosesAt: '2026-05-31T20:00:00.000Z',
  minimumAge: 18,
  eligibleCountries: ['fr', 'BE'],
});
const during = new Date('2026-05-10T12:00:00Z');
const adult = { country: 'FR', birthDate: '1990-04-02', consents: { rules: true } };

describe('eligibility', () => {
  it('accepts an adult from an eligible country who accepted the rules', () => {
    expect(checkEligibility(settings, adult, during)).toBeNull();
    expect(checkEligibility(settings, { ...adult, country: 'be' }, during)).toBeNull();
  });

  it('refuses outside the entry window (open at opensAt, closed at closesAt)', () => {
    expect(checkEligibility(settings, adult, new Date('2026-05-01T07:59:59Z'))?.reason).toBe(
      'window_not_open'
    );
    expect(checkEligibility(settings, adult, new Date('2026-05-01T08:00:00Z'))).toBeNull();
    expect(checkEligibility(settings, adult, new Date('2026-05-31T20:00:00Z'))?.reason).toBe('window_closed');
    expect(contestPhase(settings, new Date('2026-06-01T00:00:00Z'))).toBe('closed');
  });

  it('does not open while the rules text is not the approved one, and says why', () => {
    for (const approval of ['not_approved', 'voided', 'not_published'] as const)
      expect(checkEligibility(settings, adult, during, approval)).toEqual({
        reason: 'rules_not_approved',
        approval,
      });
    expect(checkEligibility(settings, adult, during, null)?.reason).toBe('rules_not_approved');
    expect(checkEligibility(settings, adult, during, 'approved')).toBeNull();
    expect(checkEligibility(settings, adult, during, 'not_required')).toBeNull();
    // Before the window, the window is what the entrant needs to know.
    expect(checkEligibility(settings, adult, new Date('2026-04-01T00:00:00Z'), 'not_approved')?.reason).toBe(
      'window_not_open'
    );
  });

  it('refuses when the rules were not accepted', () => {
    expect(checkEligibility(settings, { ...adult, consents: { rules: false } }, during)?.reason).toBe(
      'rules_not_accepted'
    );
  });

  it('counts age by birthdays: 18 on the day, not the day before', () => {
    expect(ageOn('2008-05-10', during)).toBe(18);
    expect(ageOn('2008-05-11', during)).toBe(17);
    expect(checkEligibility(settings, { ...adult, birthDate: '2008-05-11' }, during)?.reason).toBe(
      'under_age'
    );
    expect(checkEligibility(settings, { ...adult, birthDate: '2008-05-10' }, during)).toBeNull();
    expect(checkEligibility(settings, { ...adult, birthDate: null }, during)?.reason).toBe(
      'birth_date_required'
    );
  });

  it('refuses countries outside the list, and a missing country when there is a list', () => {
    expect(checkEligibility(settings, { ...adult, country: 'CH' }, during)).toMatchObject({
      reason: 'country_not_eligible',
      eligibleCountries: ['FR', 'BE'],
    });
    expect(checkEligibility(settings, { ...adult, country: null }, during)?.reason).toBe('country_required');
    const anywhere = { ...settings, eligibleCountries: [], minimumAge: 0 };
    expect(checkEligibility(anywhere, { consents: { rules: true } }, during)).toBeNull();
  });
});
