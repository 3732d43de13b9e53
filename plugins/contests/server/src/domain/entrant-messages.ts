/**
 * What an entrant is told when an entry is refused, in their language: French or English, from the
 * page's `?locale=`, else the browser's Accept-Language, else the contest's own language. The
 * `details.reason` of each answer stays the same in every language, for frontends that word it
 * themselves.
 */
import type { Refusal, UnapprovedRules } from './eligibility';

export type EntrantLanguage = 'fr' | 'en';
const LANGUAGES: EntrantLanguage[] = ['fr', 'en'];

const isLanguage = (value: unknown): value is EntrantLanguage =>
  typeof value === 'string' && (LANGUAGES as string[]).includes(value);

/** The first of fr/en an Accept-Language header asks for, by its weights (`en-GB;q=0.8, fr;q=0.9`). */
export function acceptedLanguage(header: string | undefined): EntrantLanguage | null {
  if (!header) return null;
  const asked = header
    .split(',')
    .map((part, order) => {
      const [tag, ...options] = part.trim().split(';');
      const q = options.map((option) => /^\s*q=([\d.]+)\s*$/.exec(option)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], weight: q ? Number(q) : 1, order };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return asked.map((entry) => entry.language).find(isLanguage) ?? null;
}

/** The entrant's language: asked in the query, else by the browser, else none (the contest's then). */
export function askedLanguage(
  queryLocale: unknown,
  acceptLanguage: string | undefined
): EntrantLanguage | null {
  return isLanguage(queryLocale) ? queryLocale : acceptedLanguage(acceptLanguage);
}

export const languageOr = (
  asked: EntrantLanguage | null,
  contestLocale: string | undefined
): EntrantLanguage => asked ?? (isLanguage(contestLocale) ? contestLocale : 'fr');

const when = (iso: string, language: EntrantLanguage, timeZone: string) =>
  new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));

/** Country names in the entrant's language, in the order given: `France, Belgique`. */
const countries = (codes: string[], language: EntrantLanguage) => {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return codes
    .map((code) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    })
    .join(', ');
};

export function refusalText(refusal: Refusal, language: EntrantLanguage, timeZone: string): string {
  const fr = language === 'fr';
  switch (refusal.reason) {
    case 'window_not_open':
      return fr
        ? `Les participations ne sont pas encore ouvertes : elles ouvrent le ${when(refusal.opensAt, language, timeZone)}.`
        : `Entries are not open yet: they open on ${when(refusal.opensAt, language, timeZone)}.`;
    case 'window_closed':
      return fr
        ? `Les participations sont closes depuis le ${when(refusal.closedAt, language, timeZone)}.`
        : `Entries are closed: they closed on ${when(refusal.closedAt, language, timeZone)}.`;
    case 'rules_not_approved':
      return rulesNotApprovedText(refusal.approval, language);
    case 'rules_not_accepted':
      return fr
        ? 'Pour participer, acceptez le règlement du jeu (consents.rules = true).'
        : 'The contest rules must be accepted to enter (consents.rules = true).';
    case 'birth_date_required':
      return fr
        ? `La date de naissance est demandée : il faut avoir au moins ${refusal.minimumAge} ans.`
        : `A birth date is required: entrants must be at least ${refusal.minimumAge}.`;
    case 'under_age':
      return fr
        ? `Il faut avoir au moins ${refusal.minimumAge} ans pour participer.`
        : `Entrants must be at least ${refusal.minimumAge} years old.`;
    case 'country_required':
      return fr
        ? `Indiquez votre pays de résidence (ce jeu est réservé aux résidents de ces pays : ${countries(refusal.eligibleCountries, language)}).`
        : `A country of residence is required (this contest is open to residents of these countries only: ${countries(refusal.eligibleCountries, language)}).`;
    case 'country_not_eligible':
      return fr
        ? `Ce jeu est réservé aux résidents de ces pays : ${countries(refusal.eligibleCountries, language)} (pays indiqué : ${countries([refusal.country], language)}).`
        : `This contest is open to residents of these countries only: ${countries(refusal.eligibleCountries, language)} (country given: ${countries([refusal.country], language)}).`;
  }
}

/** A contest does not open (or stops taking entries) while its rules text is not the approved one. */
export function rulesNotApprovedText(approval: UnapprovedRules, language: EntrantLanguage): string {
  const fr = language === 'fr';
  if (approval === 'voided')
    return fr
      ? 'Ce jeu est suspendu : son règlement a changé depuis sa validation et attend une nouvelle validation.'
      : 'This contest is on hold: its rules changed since they were approved and wait for a new approval.';
  if (approval === 'not_published')
    return fr
      ? "Ce jeu n'est pas encore ouvert : la version validée de son règlement n'est pas encore publiée."
      : 'This contest is not open yet: the approved version of its rules is not published yet.';
  return fr
    ? "Ce jeu n'est pas encore ouvert : son règlement attend sa validation."
    : 'This contest is not open yet: its rules are waiting for approval.';
}

export function alreadyEnteredText(entriesPerPerson: number, language: EntrantLanguage): string {
  if (language === 'fr')
    return entriesPerPerson === 1
      ? 'Cette personne participe déjà à ce jeu.'
      : `Cette personne a déjà participé ${entriesPerPerson} fois à ce jeu, le maximum permis.`;
  return entriesPerPerson === 1
    ? 'This person has already entered this contest.'
    : `This person has already entered this contest ${entriesPerPerson} times, the most allowed.`;
}

export const malformedEmailText = (email: string, language: EntrantLanguage) =>
  language === 'fr'
    ? `« ${email} » n’est pas une adresse e-mail valide.`
    : `"${email}" is not a valid email address.`;

export const malformedPhoneText = (phone: string, language: EntrantLanguage) =>
  language === 'fr'
    ? `« ${phone} » n’est pas un numéro de téléphone lisible : écrivez-le au format international, par exemple +33612345678.`
    : `"${phone}" is not a phone number we can read: write it in international form, e.g. +33612345678.`;

export const tooManyEntriesText = (retryAfter: number, language: EntrantLanguage) =>
  language === 'fr'
    ? `Trop de participations depuis ce réseau : réessayez dans ${retryAfter} s.`
    : `Too many entries from this network: try again in ${retryAfter} s.`;
