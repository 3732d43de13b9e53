import type { Core } from '@strapi/strapi';

const HOUR = 3600 * 1000;
let counter = 0;

export type ContestOverrides = Record<string, unknown>;

/**
 * The contest's rules text goes through editorial approval like a post (the app opts events in): an
 * organiser submits it, someone else approves that exact text. Without it the contest takes no entries.
 */
export async function approveRules(strapi: Core.Strapi, documentId: string, locale = 'fr'): Promise<void> {
  const editorial = strapi.plugin('editorial');
  if (!editorial?.service('subjects').configOf('api::event.event')) return;
  const workflow = editorial.service('workflow');
  const key = { uid: 'api::event.event', documentId, locale };
  const submitted = await workflow.submit(key, { type: 'system', id: null, name: 'Organisatrice' });
  await workflow.approve(key, { type: 'system', id: null, name: 'Service juridique' }, submitted.contentHash);
}

/** A contest event (fr, the default locale), its rules approved and published unless told otherwise. */
export async function createContest(
  strapi: Core.Strapi,
  contest: ContestOverrides = {},
  options: { publish?: boolean; kind?: string; title?: string; approveRules?: boolean } = {}
): Promise<string> {
  counter += 1;
  const now = Date.now();
  const event = await strapi.documents('api::event.event').create({
    locale: 'fr',
    data: {
      title: options.title ?? `Jeu-concours ${counter}`,
      slug: `jeu-concours-${counter}-${now}`,
      kind: options.kind ?? 'contest',
      startsAt: new Date(now - HOUR).toISOString(),
      timeZone: 'Europe/Paris',
      contest: {
        organizer: 'Roue Libre SAS',
        entryOpensAt: new Date(now - HOUR).toISOString(),
        entryClosesAt: new Date(now + 24 * HOUR).toISOString(),
        prizes: [{ name: 'Vélo cargo', quantity: 1, unitValue: 3490, currency: 'EUR' }],
        minimumAge: 18,
        eligibleCountries: ['FR', 'BE'],
        entriesPerPerson: 1,
        winnersCount: 2,
        substitutesCount: 2,
        claimDays: 14,
        retentionDays: 180,
        // Most tests enter directly; double opt-in (the component's default) has its own tests.
        doubleOptIn: false,
        ...contest,
      },
    } as any,
  });
  if (options.approveRules !== false && (options.kind ?? 'contest') === 'contest')
    await approveRules(strapi, event.documentId);
  if (options.publish !== false) {
    await strapi.documents('api::event.event').publish({ documentId: event.documentId, locale: 'fr' });
  }
  return event.documentId;
}

/** Moves a contest's window (e.g. to close it before a draw) as an organiser would: edit, publish. */
export async function setWindow(strapi: Core.Strapi, documentId: string, opensAt: Date, closesAt: Date) {
  const events = strapi.documents('api::event.event');
  const draft: any = await events.findOne({
    documentId,
    locale: 'fr',
    populate: { contest: { populate: ['prizes'] } },
  });
  const withoutIds = ({ id: _id, ...rest }: any) => rest;
  const contest = {
    ...withoutIds(draft.contest),
    prizes: draft.contest.prizes.map(withoutIds),
    entryOpensAt: opensAt.toISOString(),
    entryClosesAt: closesAt.toISOString(),
  };
  await events.update({ documentId, locale: 'fr', data: { contest } as any });
  await events.publish({ documentId, locale: 'fr' });
}

let person = 0;
/** A valid entry body; each call is a different person unless `email` is given. */
export function entryBody(data: Record<string, unknown> = {}) {
  person += 1;
  return {
    data: {
      name: `Personne ${['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel'][person % 8]} ${person}`,
      email: `personne${person}@example.fr`,
      country: 'FR',
      birthDate: '1990-04-02',
      answers: { favouriteRide: 'Lyon–Annecy' },
      consents: { rules: true, marketing: false },
      ...data,
    },
  };
}

/** Thresholds high enough that entries from the test's single IP are not flagged or throttled. */
export const QUIET_ENV = {
  CONTESTS_RATE_LIMIT_MAX: '100000',
  CONTESTS_IP_ENTRY_THRESHOLD: '100000',
  CONTESTS_BURST_THRESHOLD: '100000',
  CONTESTS_SWEEP_INTERVAL_MINUTES: '0',
  CONTESTS_EMAIL_INTERVAL_SECONDS: '0',
};
