/** Reads the host app's campaigns for what the collector needs of them: their time zone. */
import type { Core } from '@strapi/strapi';

const CAMPAIGN_UID = 'api::campaign.campaign';

export const campaignsRepository = (strapi: Core.Strapi) => ({
  /**
   * Each campaign's time zone (null: none set), by document id. The field is not localised; the
   * draft holds the latest edit, so it wins over a published version that is behind.
   */
  async timeZones(documentIds: string[]): Promise<Map<string, string | null>> {
    const zones = new Map<string, string | null>();
    if (documentIds.length === 0 || !strapi.contentTypes[CAMPAIGN_UID as keyof typeof strapi.contentTypes])
      return zones;
    const rows = await strapi.db.query(CAMPAIGN_UID as any).findMany({
      where: { documentId: { $in: [...new Set(documentIds)] } },
      select: ['documentId', 'timeZone', 'publishedAt'],
    });
    for (const row of rows as any[])
      if (!zones.has(row.documentId) || row.publishedAt === null)
        zones.set(row.documentId, row.timeZone || null);
    return zones;
  },
});
