/**
 * The host app's partnerships as the partner reports need them: name, state, dates and the
 * campaigns they are linked to. The admin reads drafts (the partnership as it is being edited);
 * a partner's shared page reads published versions only, so nothing unpublished ever reaches it.
 */
import type { Core } from '@strapi/strapi';

import { HOST_UIDS } from '../host-content';
import { onePerDocument } from '../../domain/one-per-document';

export type Audience = 'admin' | 'partner';

export type PartnershipForReport = {
  documentId: string;
  partnerName: string;
  type: string | null;
  state: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** The campaigns it is linked to (published ones only for a partner). */
  campaigns: string[];
};

const available = (strapi: Core.Strapi, uid: string) => Boolean(strapi.contentTypes[uid as any]);

/** Partnerships (all of them, or these), one per document, in `locale` where it has that locale. */
export async function partnershipsFor(
  strapi: Core.Strapi,
  audience: Audience,
  { documentIds, locale }: { documentIds?: string[]; locale?: string } = {}
): Promise<PartnershipForReport[]> {
  if (!available(strapi, HOST_UIDS.partnership)) return [];
  if (documentIds && documentIds.length === 0) return [];
  const rows = (await strapi.db.query(HOST_UIDS.partnership as any).findMany({
    where: {
      publishedAt: audience === 'partner' ? { $notNull: true } : { $null: true },
      ...(documentIds && { documentId: { $in: documentIds } }),
    },
    select: ['documentId', 'partnerName', 'type', 'state', 'startsOn', 'endsOn', 'locale'],
    populate: { campaigns: { select: ['documentId', 'publishedAt'] } },
    orderBy: [{ partnerName: 'asc' }, { id: 'asc' }],
    limit: 5000,
  })) as any[];
  return onePerDocument(rows, locale).map((row) => ({
    documentId: row.documentId,
    partnerName: row.partnerName,
    type: row.type ?? null,
    state: row.state ?? null,
    startsOn: row.startsOn ?? null,
    endsOn: row.endsOn ?? null,
    campaigns: [
      ...new Set(
        ((row.campaigns ?? []) as any[])
          .filter((campaign) => audience === 'admin' || campaign.publishedAt)
          .map((campaign) => campaign.documentId as string)
      ),
    ],
  }));
}

/**
 * Titles of posts in `locale` where it exists; for a partner only posts that are published (a draft
 * title never shows), and posts without a published version are left out.
 */
export async function postTitlesFor(
  strapi: Core.Strapi,
  audience: Audience,
  documentIds: string[],
  locale?: string
): Promise<Map<string, string>> {
  const titles = new Map<string, { title: string; locale: string }>();
  if (documentIds.length === 0 || !available(strapi, HOST_UIDS.post)) return new Map();
  const rows = (await strapi.db.query(HOST_UIDS.post as any).findMany({
    where: {
      documentId: { $in: documentIds },
      ...(audience === 'partner' && { publishedAt: { $notNull: true } }),
    },
    select: ['documentId', 'title', 'locale', 'publishedAt'],
  })) as any[];
  for (const row of rows) {
    // Admin: the draft's title first (what editors see); partner: only published rows were read.
    const known = titles.get(row.documentId);
    const better =
      !known ||
      (row.locale === locale && known.locale !== locale) ||
      (audience === 'admin' && row.publishedAt === null && row.locale === known.locale);
    if (better && row.title) titles.set(row.documentId, { title: row.title, locale: row.locale });
  }
  return new Map([...titles].map(([documentId, { title }]) => [documentId, title]));
}
