/**
 * The contest component of an event (`contest.settings`), as the plugin reads it. Only what the
 * plugin relies on is typed here; the component's schema lives in the host app.
 */
export type Prize = {
  name: string;
  description?: string | null;
  quantity: number;
  unitValue?: number | string | null;
  currency?: string | null;
};

export type ContestSettings = {
  organizer: string;
  rules?: string | null;
  entryOpensAt: string;
  entryClosesAt: string;
  prizes: Prize[];
  minimumAge: number;
  eligibleCountries: string[];
  entriesPerPerson: number;
  winnersCount: number;
  substitutesCount: number;
  claimDays: number;
  retentionDays: number;
  beaconSource?: string | null;
  /** Entries count only once confirmed through a link e-mailed to the address (on unless turned off). */
  doubleOptIn: boolean;
};

/** Fills the component's defaults, so a contest saved with blanks still behaves as its schema says. */
export function readContestSettings(raw: any): ContestSettings {
  const countries = Array.isArray(raw?.eligibleCountries)
    ? raw.eligibleCountries.filter((c: unknown) => typeof c === 'string').map((c: string) => c.toUpperCase())
    : [];
  return {
    organizer: raw?.organizer ?? '',
    rules: raw?.rules ?? null,
    entryOpensAt: raw?.entryOpensAt,
    entryClosesAt: raw?.entryClosesAt,
    prizes: Array.isArray(raw?.prizes) ? raw.prizes : [],
    minimumAge: raw?.minimumAge ?? 18,
    eligibleCountries: countries,
    entriesPerPerson: Math.max(1, raw?.entriesPerPerson ?? 1),
    winnersCount: Math.max(1, raw?.winnersCount ?? 1),
    substitutesCount: Math.max(0, raw?.substitutesCount ?? 2),
    claimDays: Math.max(1, raw?.claimDays ?? 14),
    retentionDays: Math.max(1, raw?.retentionDays ?? 180),
    beaconSource: raw?.beaconSource ?? null,
    doubleOptIn: raw?.doubleOptIn ?? true,
  };
}

/** Claim periods and retention are counted in whole days of 24 hours. */
export const DAY_MS = 24 * 3600 * 1000;

export type ContestPhase = 'upcoming' | 'open' | 'closed';

export function contestPhase(
  settings: Pick<ContestSettings, 'entryOpensAt' | 'entryClosesAt'>,
  now: Date
): ContestPhase {
  if (now.getTime() < Date.parse(settings.entryOpensAt)) return 'upcoming';
  if (now.getTime() >= Date.parse(settings.entryClosesAt)) return 'closed';
  return 'open';
}
