/**
 * The host app's posts as the calendar plans them, through the Document Service: drafts (the version
 * editors work on) with a planned time, their campaign's name and colour. `plannedAt` is not
 * localized, so every locale of a post has the same one; a post is listed once.
 */
import type { Core } from '@strapi/strapi';

import { CAMPAIGN_UID, POST_UID } from './uids';

export type CampaignLabel = { documentId: string; name: string; color: string | null };

export type PlannedPostRow = {
  documentId: string;
  locale: string;
  title: string | null;
  plannedAt: Date;
  editorialStatus: string;
  published: boolean;
  campaign: CampaignLabel | null;
};

const campaignLabel = (campaign: any): CampaignLabel | null =>
  campaign?.documentId
    ? { documentId: campaign.documentId, name: campaign.name ?? '', color: campaign.color ?? null }
    : null;

export const plannedPostsRepository = (strapi: Core.Strapi) => {
  const posts = () => strapi.documents(POST_UID as any);

  return {
    /** Posts planned in [from, to], one per document: in `preferredLocale` when it has that version. */
    async inRange(
      { from, to, campaign }: { from: Date; to: Date; campaign?: string },
      preferredLocale: string
    ): Promise<PlannedPostRow[]> {
      const filters: any = { plannedAt: { $gte: from.toISOString(), $lte: to.toISOString() } };
      if (campaign) filters.campaign = { documentId: campaign };
      const drafts = (await posts().findMany({
        locale: '*',
        status: 'draft',
        filters,
        fields: ['title', 'plannedAt', 'editorialStatus', 'locale'],
        populate: { campaign: { fields: ['name', 'color'] } },
        sort: ['plannedAt:asc', 'id:asc'],
        limit: 2000,
      } as any)) as any[];
      const documentIds = [...new Set(drafts.map((d) => d.documentId))];
      const published =
        documentIds.length === 0
          ? []
          : ((await posts().findMany({
              locale: '*',
              status: 'published',
              filters: { documentId: { $in: documentIds } },
              fields: ['documentId'],
            } as any)) as any[]);
      const isPublished = new Set(published.map((p) => p.documentId));
      const byDocument = new Map<string, any>();
      for (const draft of drafts) {
        const kept = byDocument.get(draft.documentId);
        if (!kept || (kept.locale !== preferredLocale && draft.locale === preferredLocale))
          byDocument.set(draft.documentId, draft);
      }
      return [...byDocument.values()].map((d) => ({
        documentId: d.documentId,
        locale: d.locale,
        title: d.title ?? null,
        plannedAt: new Date(d.plannedAt),
        editorialStatus: d.editorialStatus,
        published: isPublished.has(d.documentId),
        campaign: campaignLabel(d.campaign),
      }));
    },

    /** A post's draft in any locale (the planned time is shared by all), with its author for RBAC conditions. */
    findDraft: async (documentId: string): Promise<any | null> =>
      // findMany: the only reader that takes every locale ('*').
      (
        (await posts().findMany({
          locale: '*',
          status: 'draft',
          filters: { documentId },
          populate: { createdBy: true },
          limit: 1,
        } as any)) as any[]
      )[0] ?? null,

    /** Moves the planned time of every locale's draft (the field is shared: updating one updates all). */
    setPlannedAt: (documentId: string, locale: string, plannedAt: Date) =>
      posts().update({ documentId, locale, data: { plannedAt } as any } as any),

    /** The campaigns named by `documentIds`, for the deliveries' colours. */
    async campaigns(documentIds: string[]): Promise<Map<string, CampaignLabel>> {
      if (documentIds.length === 0) return new Map();
      const found = (await strapi.documents(CAMPAIGN_UID as any).findMany({
        locale: '*',
        status: 'draft',
        filters: { documentId: { $in: documentIds } },
        fields: ['name', 'color'],
      } as any)) as any[];
      const labels = new Map<string, CampaignLabel>();
      for (const campaign of found)
        if (!labels.has(campaign.documentId)) labels.set(campaign.documentId, campaignLabel(campaign)!);
      return labels;
    },
  };
};
