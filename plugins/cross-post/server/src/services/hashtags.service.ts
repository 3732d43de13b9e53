/**
 * Hashtags suggested while writing a post: the ones already used on posts and campaigns, most used
 * first, in the spelling used most often.
 */
import type { Core } from '@strapi/strapi';

import { hashtagKey } from '../domain/hashtags';

const SOURCES = ['api::post.post', 'api::campaign.campaign'];
/** The newest rows read per source: enough for a brand's habits, bounded whatever the archive. */
const ROWS = 2_000;

export type HashtagSuggestion = { tag: string; uses: number };

const hashtagsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async suggestions(typed: string, limit: number): Promise<HashtagSuggestion[]> {
    const prefix = hashtagKey(typed.trim());
    const counts = new Map<string, { uses: number; spellings: Map<string, number> }>();
    for (const uid of SOURCES) {
      if (!strapi.contentTypes[uid as any]) continue;
      const rows = (await strapi.db.query(uid as any).findMany({
        where: { hashtags: { $notNull: true } },
        select: ['hashtags'],
        orderBy: [{ updatedAt: 'desc' }],
        limit: ROWS,
      })) as Array<{ hashtags: unknown }>;
      for (const row of rows) {
        if (!Array.isArray(row.hashtags)) continue;
        for (const raw of row.hashtags) {
          if (typeof raw !== 'string' || !raw.replace(/^#/, '')) continue;
          const tag = `#${raw.replace(/^#/, '')}`;
          const key = hashtagKey(tag);
          if (!key.startsWith(prefix)) continue;
          const entry = counts.get(key) ?? { uses: 0, spellings: new Map() };
          entry.uses += 1;
          entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
          counts.set(key, entry);
        }
      }
    }
    return [...counts.values()]
      .map(({ uses, spellings }) => ({
        tag: [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
        uses,
      }))
      .sort((a, b) => b.uses - a.uses || a.tag.localeCompare(b.tag))
      .slice(0, limit);
  },
});

export default hashtagsService;
