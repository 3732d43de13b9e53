/**
 * Entrants in the demo contests, through the contests plugin as a frontend sends entries: the cargo
 * bike contest opens (its draw was committed when it was seeded) and takes its first entries, one
 * of them put in review by the fraud signals; the photo contest, committed before it opened twelve
 * days ago, closes on its entries, ready to draw in one sitting.
 */
import type { Core } from '@strapi/strapi';

import {
  DEMO_CLOSED_CONTEST,
  DEMO_SUSPICIOUS_ENTRANT,
  demoEntrants,
  type DemoEntrant,
} from './demo-activity-content';
import { DEMO_CONTEST_RULES, DEMO_PARTNERSHIPS, DEMO_CAMPAIGNS } from './demo-content';
import { writeLocalized } from './seed-demo';
import { reviewDemoDocument } from './seed-approvals';
import { demoReviewers } from '../bootstrap/demo-reviewers';

const EVENT_UID = 'api::event.event';
const LOCALES = ['fr', 'en'] as const;
const DAY_MS = 86_400_000;

const RUNNING_CONTEST = 'concours-velo-cargo';
const RUNNING_CONTEST_ENTRANTS = 16;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A moment just ahead, on a whole second (MySQL keeps datetimes to the second). */
const nextSecond = () => new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
const waitUntil = async (at: Date) => sleep(Math.max(0, at.getTime() - Date.now() + 50));

/** Each entrant enters from an address of their own (documentation range, RFC 5737). */
const entrantAddress = (index: number) => `203.0.113.${index + 1}`;

async function findEvent(strapi: Core.Strapi, slug: string): Promise<string | null> {
  const event = await strapi.documents(EVENT_UID).findFirst({ locale: 'fr', filters: { slug } } as any);
  return event?.documentId ?? null;
}

/** Moves a contest's entry window in every locale, then publishes, as an organizer editing it would. */
async function moveWindow(
  strapi: Core.Strapi,
  documentId: string,
  window: { opensAt?: Date; closesAt?: Date }
) {
  const events = strapi.documents(EVENT_UID);
  const withoutId = ({ id: _id, ...rest }: any) => rest;
  for (const locale of LOCALES) {
    const draft: any = await events.findOne({
      documentId,
      locale,
      populate: { contest: { populate: ['prizes'] } },
    } as any);
    if (!draft?.contest) continue;
    const contest = {
      ...withoutId(draft.contest),
      prizes: (draft.contest.prizes ?? []).map(withoutId),
      ...(window.opensAt && { entryOpensAt: window.opensAt.toISOString() }),
      ...(window.closesAt && { entryClosesAt: window.closesAt.toISOString() }),
    };
    await events.update({
      documentId,
      locale,
      data: {
        contest,
        ...(window.opensAt && { startsAt: window.opensAt.toISOString() }),
        ...(window.closesAt && { endsAt: window.closesAt.toISOString() }),
      },
    } as any);
    await events.publish({ documentId, locale } as any);
  }
}

async function enter(strapi: Core.Strapi, documentId: string, entrants: DemoEntrant[], firstAddress: number) {
  const entries = strapi.plugin('contests').service('entries');
  for (const [index, entrant] of entrants.entries()) {
    await entries.submit(
      documentId,
      {
        data: {
          name: entrant.name,
          email: entrant.email,
          country: entrant.country,
          birthDate: entrant.birthDate,
          consents: { rules: true, marketing: entrant.marketing, publishName: entrant.publishName },
        },
      },
      entrantAddress(firstAddress + index)
    );
  }
}

/** The cargo bike contest opens now (after its commitment) and takes its first entries. */
async function enterRunningContest(strapi: Core.Strapi) {
  const documentId = await findEvent(strapi, RUNNING_CONTEST);
  if (!documentId) return;
  const draw = strapi.plugin('contests').service('draw');
  const state = await draw.publicState(documentId);
  if (!state.commitment || state.entryCount > 0 || state.phase === 'closed') return;
  if (state.phase === 'upcoming') {
    const opensAt = nextSecond();
    await moveWindow(strapi, documentId, { opensAt });
    await waitUntil(opensAt);
  }
  await enter(strapi, documentId, [...demoEntrants(RUNNING_CONTEST_ENTRANTS, 0), DEMO_SUSPICIOUS_ENTRANT], 0);
}

/** The photo contest: opened twelve days ago with its draw committed, closed on its entries now. */
async function closedContest(strapi: Core.Strapi) {
  const contest = DEMO_CLOSED_CONTEST;
  if (await findEvent(strapi, contest.slug)) return;
  const slugOf = (key: string, list: { key: string; slug: string }[]) =>
    list.find((item) => item.key === key)?.slug;
  const campaign = await strapi.documents('api::campaign.campaign').findFirst({
    filters: { slug: slugOf(contest.campaign, DEMO_CAMPAIGNS) },
  } as any);
  const partners = await strapi.documents('api::partnership.partnership').findMany({
    filters: { slug: { $in: contest.partners.map((key) => slugOf(key, DEMO_PARTNERSHIPS)) } },
  } as any);

  const opensAt = new Date(Math.floor((Date.now() - contest.openedDaysAgo * DAY_MS) / 3_600_000) * 3_600_000);
  // Open until its entries are in; closed right after (below).
  const provisionalClose = new Date(Date.now() + DAY_MS);
  const documentId = await writeLocalized(
    strapi,
    EVENT_UID,
    {
      slug: contest.slug,
      kind: 'contest',
      startsAt: opensAt.toISOString(),
      endsAt: provisionalClose.toISOString(),
      timeZone: 'Europe/Paris',
      campaign: campaign?.documentId,
      partners: (partners as any[]).map((partner) => partner.documentId),
    },
    (locale) => ({
      ...contest.text[locale],
      contest: {
        organizer: 'Roue Libre SAS, 8 rue de la République, 69002 Lyon',
        rules: DEMO_CONTEST_RULES[locale],
        entryOpensAt: opensAt.toISOString(),
        entryClosesAt: provisionalClose.toISOString(),
        prizes: [{ name: contest.prize[locale], quantity: contest.winners, unitValue: 59, currency: 'EUR' }],
        minimumAge: 18,
        eligibleCountries: ['FR', 'BE', 'CH'],
        entriesPerPerson: 1,
        doubleOptIn: false,
        winnersCount: contest.winners,
        substitutesCount: contest.substitutes,
        claimDays: 14,
        retentionDays: 180,
      },
    }),
    true
  );
  // Its rules were approved before it opened, as every contest's are.
  await reviewDemoDocument(strapi, EVENT_UID, documentId, 'approved', await demoReviewers(strapi), LOCALES);
  // The demo's past: the organizer published the seed's hash an hour before entries opened.
  await strapi
    .plugin('contests')
    .service('draw')
    .commit(documentId, 'system', new Date(opensAt.getTime() - 3_600_000));
  await enter(strapi, documentId, demoEntrants(contest.entrants, 100), 100);
  const closesAt = nextSecond();
  await moveWindow(strapi, documentId, { closesAt });
  await waitUntil(closesAt);
}

export async function seedDemoContests(strapi: Core.Strapi) {
  if (!strapi.plugin('contests')) return;
  await enterRunningContest(strapi);
  await closedContest(strapi);
}
