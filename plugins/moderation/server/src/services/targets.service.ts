import type { Core } from '@strapi/strapi';

import { TARGET_UIDS, type TargetType } from '../utils/uids';

export type Target = {
  type: TargetType;
  documentId: string;
  key: string;
  title: string;
  campaignDocumentId: string | null;
};

/**
 * Comments are only taken on published posts and events. The answer is kept a few seconds, so that
 * a wave of comments on one post costs one look-up; unpublishing takes effect within that time.
 */
const CACHE_MS = 10_000;
const CACHE_SIZE = 5_000;

const targetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new Map<string, { target: Target | null; at: number }>();

  const lookUp = async (type: TargetType, documentId: string, locale?: string): Promise<Target | null> => {
    const uid = TARGET_UIDS[type] as any;
    const populate = { campaign: { fields: ['documentId'] } };
    // The comment's language first; then a version published in any other language.
    const found: any =
      (await strapi
        .documents(uid)
        .findOne({ documentId, status: 'published', locale, fields: ['title'], populate } as any)) ??
      (await strapi.db.query(uid).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['title'],
        populate: { campaign: { select: ['documentId'] } },
      }));
    if (!found) return null;
    return {
      type,
      documentId,
      key: `${type}:${documentId}`,
      title: String(found.title ?? ''),
      campaignDocumentId: found.campaign?.documentId ?? null,
    };
  };

  return {
    async find(type: TargetType, documentId: string, locale?: string): Promise<Target | null> {
      const key = `${type}:${documentId}:${locale ?? ''}`;
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.target;
      const target = await lookUp(type, documentId, locale);
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(key, { target, at: Date.now() });
      return target;
    },

    /**
     * Titles and links for the moderators' cards, whether published or not: per target key, per
     * locale (a comment on the French post shows the French title).
     */
    async describe(keys: string[]): Promise<Record<string, Record<string, TargetDescription>>> {
      const result: Record<string, Record<string, TargetDescription>> = {};
      const byType = new Map<TargetType, string[]>();
      for (const key of new Set(keys)) {
        const [type, documentId] = key.split(':') as [TargetType, string];
        if (!(type in TARGET_UIDS)) continue;
        byType.set(type, [...(byType.get(type) ?? []), documentId]);
      }
      for (const [type, documentIds] of byType) {
        const rows = await strapi.db.query(TARGET_UIDS[type] as any).findMany({
          where: { documentId: { $in: documentIds } },
          select: ['documentId', 'title', 'locale', 'publishedAt'],
        });
        for (const row of rows) {
          const key = `${type}:${row.documentId}`;
          const locales = (result[key] ??= {});
          // The draft row of a locale has its latest title; the published one stands in without it.
          if (locales[row.locale] && row.publishedAt) continue;
          locales[row.locale] = {
            title: row.title,
            adminPath: `/content-manager/collection-types/${TARGET_UIDS[type]}/${row.documentId}?plugins[i18n][locale]=${row.locale}`,
          };
        }
      }
      return result;
    },
  };
};

export default targetsService;

export type TargetDescription = { title: string; adminPath: string };

/** The target in the comment's locale, else in any locale it has. */
export function describedIn(
  locales: Record<string, TargetDescription> | undefined,
  locale: string | undefined
): TargetDescription | undefined {
  if (!locales) return undefined;
  return (locale && locales[locale]) || Object.values(locales)[0];
}
