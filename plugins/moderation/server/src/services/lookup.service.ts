/**
 * What the queue's pickers offer: posts and events found by title, campaigns by name, in the
 * moderator's language where a version exists, drafts included (a comment may outlive a publication).
 */
import type { Core } from '@strapi/strapi';

import { CAMPAIGN_UID, TARGET_UIDS, type TargetType } from '../utils/uids';

export type LookupKind = 'target' | 'campaign';
export type LookupOption = { value: string; label: string; type: TargetType | 'campaign' };

const LIMIT = 10;

/** One option per document: the row in `locale` if there is one, else the first found. */
function perDocument(rows: any[], field: string, locale: string | undefined) {
  const chosen = new Map<string, any>();
  for (const row of rows) {
    const held = chosen.get(row.documentId);
    if (!held || (row.locale === locale && held.locale !== locale)) chosen.set(row.documentId, row);
  }
  return [...chosen.values()].map((row) => ({
    documentId: row.documentId as string,
    label: String(row[field] ?? ''),
  }));
}

const lookupService = ({ strapi }: { strapi: Core.Strapi }) => {
  const find = async (uid: string, field: string, where: object, locale?: string) => {
    if (!strapi.contentTypes[uid as any]) return [];
    const rows = await strapi.db.query(uid as any).findMany({
      where,
      select: ['documentId', field, 'locale'],
      orderBy: [{ updatedAt: 'desc' }],
      limit: LIMIT * 4,
    });
    return perDocument(rows, field, locale).slice(0, LIMIT);
  };

  return {
    /** Options whose title (or campaign name) contains `q`, newest first. */
    async search(kind: LookupKind, q: string, locale?: string): Promise<LookupOption[]> {
      if (kind === 'campaign')
        return (await find(CAMPAIGN_UID, 'name', { name: { $containsi: q } }, locale)).map((found) => ({
          value: found.documentId,
          label: found.label,
          type: 'campaign' as const,
        }));
      const byType = await Promise.all(
        (Object.keys(TARGET_UIDS) as TargetType[]).map(async (type) =>
          (await find(TARGET_UIDS[type], 'title', { title: { $containsi: q } }, locale)).map((found) => ({
            value: `${type}:${found.documentId}`,
            label: found.label,
            type,
          }))
        )
      );
      return byType.flat().slice(0, LIMIT);
    },

    /** The option a filter in the URL names (`post:…`, `event:…` or a campaign's document id). */
    async describe(kind: LookupKind, value: string, locale?: string): Promise<LookupOption | null> {
      if (kind === 'campaign') {
        const [found] = await find(CAMPAIGN_UID, 'name', { documentId: value }, locale);
        return found ? { value, label: found.label, type: 'campaign' } : null;
      }
      const [type, documentId] = value.split(':') as [TargetType, string];
      if (!(type in TARGET_UIDS)) return null;
      const [found] = await find(TARGET_UIDS[type], 'title', { documentId }, locale);
      return found ? { value, label: found.label, type } : null;
    },
  };
};

export default lookupService;
