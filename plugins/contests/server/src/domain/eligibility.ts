import { contestPhase, type ContestSettings } from './contest-settings';

/** Why an entry is refused before anything is stored. Each maps to one clear HTTP answer. */
export type Refusal =
  | { reason: 'window_not_open'; opensAt: string }
  | { reason: 'window_closed'; closedAt: string }
  | { reason: 'rules_not_approved'; approval: UnapprovedRules }
  | { reason: 'rules_not_accepted' }
  | { reason: 'birth_date_required'; minimumAge: number }
  | { reason: 'under_age'; minimumAge: number }
  | { reason: 'country_required'; eligibleCountries: string[] }
  | { reason: 'country_not_eligible'; country: string; eligibleCountries: string[] };

/**
 * Where the contest's rules text stands in editorial approval (the editorial plugin's answer for the
 * published event): a contest opens for entries only with its rules approved, when the app has the
 * events' rules go through approval (`not_required` otherwise).
 */
export type RulesApproval = 'not_required' | 'approved' | UnapprovedRules;
export type UnapprovedRules = 'not_approved' | 'voided' | 'not_published';

/** Unknown (null: not asked) never lets entries in. */
export const rulesAllowEntries = (approval: RulesApproval | null) =>
  approval === 'approved' || approval === 'not_required';

export type EntrantFacts = {
  country?: string | null;
  /** YYYY-MM-DD */
  birthDate?: string | null;
  consents: { rules: boolean };
};

/** Full years between a YYYY-MM-DD birth date and a day, as a birthday is counted. */
export function ageOn(birthDate: string, day: Date): number {
  const [year, month, date] = birthDate.split('-').map(Number);
  let age = day.getUTCFullYear() - year;
  const beforeBirthday =
    day.getUTCMonth() + 1 < month || (day.getUTCMonth() + 1 === month && day.getUTCDate() < date);
  if (beforeBirthday) age -= 1;
  return age;
}

/** The first rule the entrant does not meet, or `null` when they may enter. */
export function checkEligibility(
  settings: ContestSettings,
  entrant: EntrantFacts,
  now: Date,
  rulesApproval: RulesApproval | null = 'not_required'
): Refusal | null {
  const phase = contestPhase(settings, now);
  if (phase === 'upcoming') return { reason: 'window_not_open', opensAt: settings.entryOpensAt };
  if (phase === 'closed') return { reason: 'window_closed', closedAt: settings.entryClosesAt };
  if (!rulesAllowEntries(rulesApproval))
    return { reason: 'rules_not_approved', approval: (rulesApproval ?? 'not_approved') as UnapprovedRules };
  if (entrant.consents.rules !== true) return { reason: 'rules_not_accepted' };
  if (settings.minimumAge > 0) {
    if (!entrant.birthDate) return { reason: 'birth_date_required', minimumAge: settings.minimumAge };
    if (ageOn(entrant.birthDate, now) < settings.minimumAge) {
      return { reason: 'under_age', minimumAge: settings.minimumAge };
    }
  }
  if (settings.eligibleCountries.length > 0) {
    const country = entrant.country?.toUpperCase();
    if (!country) return { reason: 'country_required', eligibleCountries: settings.eligibleCountries };
    if (!settings.eligibleCountries.includes(country)) {
      return { reason: 'country_not_eligible', country, eligibleCountries: settings.eligibleCountries };
    }
  }
  return null;
}
