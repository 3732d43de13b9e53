import type { Core } from '@strapi/strapi';

import { reviewDemoDocument, reviewDemoPost } from './seed-approvals';
import { demoReviewers } from '../bootstrap/demo-reviewers';
import {
  DEMO_CAMPAIGNS,
  DEMO_CONTEST_RULES,
  DEMO_EVENTS,
  DEMO_PARTNERSHIPS,
  DEMO_POSTS,
  dateOnly,
  daysFromNow,
} from './demo-content';

const LOCALES = ['fr', 'en'] as const;
type Locale = (typeof LOCALES)[number];

/**
 * Demo content is seeded under `npm run develop` unless PORTE_VOIX_SEED_DEMO=false, in tests only when asked,
 * and never where development defaults are not allowed (`strapi start`, production), whatever the variable says.
 */
export function shouldSeedDemo(developmentDefaults: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!developmentDefaults) {
    return false;
  }
  if (env.PORTE_VOIX_SEED_DEMO !== undefined) {
    return env.PORTE_VOIX_SEED_DEMO === 'true';
  }
  return env.NODE_ENV !== 'test';
}

/**
 * Writes a document in every content locale: French first (the default locale), then English,
 * published when asked. Non-localised fields go in `shared`, localised ones in `byLocale`.
 */
export async function writeLocalized(
  strapi: Core.Strapi,
  uid: string,
  shared: Record<string, unknown>,
  byLocale: (locale: Locale) => Record<string, unknown>,
  published: boolean
): Promise<string> {
  const documents = strapi.documents(uid as any);
  const status = published ? ('published' as const) : undefined;
  const first = await documents.create({
    locale: 'fr',
    data: { ...shared, ...byLocale('fr') } as any,
    ...(status && { status }),
  });
  for (const locale of LOCALES.slice(1)) {
    await documents.update({
      documentId: first.documentId,
      locale,
      data: { ...shared, ...byLocale(locale) } as any,
      ...(status && { status }),
    });
  }
  return first.documentId;
}

const inTwoMinutes = (): Date => new Date(Math.ceil((Date.now() + 2 * 60_000) / 60_000) * 60_000);

/** Commit–reveal: the demo contest publishes the hash of its draw seed before entries open, as an organizer would. */
async function commitDemoDraw(strapi: Core.Strapi, eventDocumentId: string): Promise<void> {
  const contests = strapi.plugin('contests');
  if (contests) {
    await contests.service('draw').commit(eventDocumentId, 'system');
  }
}

export async function seedDemoContent(strapi: Core.Strapi): Promise<boolean> {
  const existing = await strapi.documents('api::campaign.campaign').count({});
  if (existing > 0) {
    return false;
  }

  const campaignIds = new Map<string, string>();
  for (const campaign of DEMO_CAMPAIGNS) {
    const startsOn = daysFromNow(campaign.startsInDays);
    const id = await writeLocalized(
      strapi,
      'api::campaign.campaign',
      {
        slug: campaign.slug,
        objective: campaign.objective,
        state: campaign.state,
        startsOn: dateOnly(startsOn),
        endsOn: dateOnly(daysFromNow(campaign.startsInDays + campaign.durationDays)),
        budget: campaign.budget,
        currency: 'EUR',
        kpiTargets: campaign.kpiTargets,
        utm: campaign.utm,
        color: campaign.color,
      },
      (locale) => campaign.text[locale],
      true
    );
    campaignIds.set(campaign.key, id);
  }

  const partnershipIds = new Map<string, string>();
  for (const partnership of DEMO_PARTNERSHIPS) {
    const id = await writeLocalized(
      strapi,
      'api::partnership.partnership',
      {
        partnerName: partnership.partnerName,
        slug: partnership.slug,
        type: partnership.type,
        state: partnership.state,
        website: partnership.website,
        startsOn: dateOnly(daysFromNow(-30)),
        endsOn: dateOnly(daysFromNow(150)),
        contact: partnership.contact,
        deliverables: partnership.deliverables.map(({ what, dueInDays, done }) => ({
          what,
          done,
          dueOn: dateOnly(daysFromNow(dueInDays)),
        })),
        value: partnership.value,
        currency: 'EUR',
        trackingCode: partnership.trackingCode,
        trackingUrl: `${partnership.website}/?utm_source=roue-libre&ref=${partnership.trackingCode}`,
        internalNotes: partnership.internalNotes,
        campaigns: partnership.campaigns.map((key) => campaignIds.get(key)),
      },
      (locale) => ({ description: partnership.description[locale] }),
      true
    );
    partnershipIds.set(partnership.key, id);
  }

  const people = await demoReviewers(strapi);
  for (const post of DEMO_POSTS) {
    const documentId = await writeLocalized(
      strapi,
      'api::post.post',
      {
        link: post.link,
        plannedAt: daysFromNow(post.plannedInDays, 9).toISOString(),
        campaign: campaignIds.get(post.campaign),
      },
      (locale) => {
        const { variants = [], ...text } = post.text[locale];
        return { ...text, variants };
      },
      post.published
    );
    await reviewDemoPost(strapi, documentId, post.editorialStatus, people, LOCALES);
  }

  for (const event of DEMO_EVENTS) {
    const startsAt = event.contest ? inTwoMinutes() : daysFromNow(event.startsInDays, 17);
    const endsAt = new Date(startsAt.getTime() + event.durationHours * 3600 * 1000);
    const documentId = await writeLocalized(
      strapi,
      'api::event.event',
      {
        slug: event.slug,
        kind: event.kind,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        timeZone: 'Europe/Paris',
        place: event.place,
        onlineUrl: event.onlineUrl,
        capacity: event.capacity,
        registrationUrl: event.registrationUrl,
        campaign: campaignIds.get(event.campaign),
        partners: event.partners.map((key) => partnershipIds.get(key)),
      },
      (locale) => ({
        ...event.text[locale],
        ...(event.contest && {
          contest: {
            organizer: 'Roue Libre SAS, 8 rue de la République, 69002 Lyon',
            rules: DEMO_CONTEST_RULES[locale],
            entryOpensAt: startsAt.toISOString(),
            entryClosesAt: endsAt.toISOString(),
            prizes: [
              {
                name: locale === 'fr' ? 'Vélo cargo électrique' : 'Electric cargo bike',
                quantity: 1,
                unitValue: 3490,
                currency: 'EUR',
              },
              {
                name: locale === 'fr' ? 'Casque Lumière' : 'Lumière helmet',
                quantity: 5,
                unitValue: 89,
                currency: 'EUR',
              },
            ],
            minimumAge: 18,
            eligibleCountries: ['FR', 'BE', 'CH'],
            entriesPerPerson: 1,
            // Entries count as they come (no confirmation e-mail), so the demo's entrants show at once.
            doubleOptIn: false,
            winnersCount: 6,
            substitutesCount: 3,
            claimDays: 14,
            retentionDays: 180,
          },
        }),
      }),
      true
    );
    if (event.contest) {
      // Its rules text was approved by someone other than its author: the contest may open.
      await reviewDemoDocument(strapi, 'api::event.event', documentId, 'approved', people, LOCALES);
      await commitDemoDraw(strapi, documentId);
    }
  }

  strapi.log.info(
    `[porte-voix] Demo content seeded: ${DEMO_CAMPAIGNS.length} campaigns, ${DEMO_POSTS.length} posts, ${DEMO_EVENTS.length} events, ${DEMO_PARTNERSHIPS.length} partnerships (fr + en).`
  );
  return true;
}
