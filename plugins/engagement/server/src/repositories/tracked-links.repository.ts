import type { Core } from '@strapi/strapi';
import { findPage } from '@porte-voix/kit/server';

import { TRACKED_LINK_UID } from '../content-types';

export type LinkTargetType = 'post' | 'campaign' | 'partnership' | 'event';

export type TrackedLinkRow = {
  id: number;
  code: string;
  destinationUrl: string;
  label: string | null;
  enabled: boolean;
  targetType: LinkTargetType;
  postDocumentId: string | null;
  deliveryId: number | null;
  network: string | null;
  campaignDocumentId: string | null;
  partnershipDocumentId: string | null;
  deliverable: string | null;
  eventDocumentId: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  timeZone: string;
  createdByUserId: number | null;
  createdAt: string;
};

export type NewTrackedLink = Omit<TrackedLinkRow, 'id' | 'createdAt'>;

export type LinkFilters = {
  campaign?: string;
  partnership?: string;
  event?: string;
  post?: string;
  enabled?: boolean;
  q?: string;
  page: number;
  pageSize: number;
};

/** Tracked links: only this file reads or writes the table. */
export const trackedLinksRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(TRACKED_LINK_UID as any);

  return {
    /** Inserts the link; a code already taken makes the insert fail (unique index), and the caller draws another. */
    create(link: NewTrackedLink, createdAt: Date): Promise<TrackedLinkRow> {
      return query().create({ data: { ...link, createdAt, updatedAt: createdAt } });
    },

    async codeTaken(code: string): Promise<boolean> {
      return (await query().count({ where: { code } })) > 0;
    },

    findByCode(code: string): Promise<TrackedLinkRow | null> {
      return query().findOne({ where: { code } });
    },

    findById(id: number): Promise<TrackedLinkRow | null> {
      return query().findOne({ where: { id } });
    },

    async list(filters: LinkFilters): Promise<{ rows: TrackedLinkRow[]; total: number }> {
      const where: Record<string, unknown> = {};
      if (filters.campaign) where.campaignDocumentId = filters.campaign;
      if (filters.partnership) where.partnershipDocumentId = filters.partnership;
      if (filters.event) where.eventDocumentId = filters.event;
      if (filters.post) where.postDocumentId = filters.post;
      if (filters.enabled !== undefined) where.enabled = filters.enabled;
      if (filters.q) {
        where.$or = [
          { label: { $containsi: filters.q } },
          { destinationUrl: { $containsi: filters.q } },
          { code: { $eq: filters.q.toLowerCase() } },
        ];
      }
      return findPage<TrackedLinkRow>(query(), {
        where,
        orderBy: { id: 'desc' },
        page: filters.page,
        pageSize: filters.pageSize,
      });
    },

    /** The links of these partnerships (every partnership's when none is named), oldest first. */
    async ofPartnerships(documentIds?: string[]): Promise<TrackedLinkRow[]> {
      if (documentIds && documentIds.length === 0) return [];
      return (await query().findMany({
        where: documentIds
          ? { partnershipDocumentId: { $in: documentIds } }
          : { partnershipDocumentId: { $notNull: true } },
        orderBy: { id: 'asc' },
        limit: 10_000,
      })) as TrackedLinkRow[];
    },

    async setEnabled(id: number, enabled: boolean, at: Date): Promise<TrackedLinkRow | null> {
      const { count } = await query().updateMany({ where: { id }, data: { enabled, updatedAt: at } });
      return count === 0 ? null : this.findById(id);
    },
  };
};

export type TrackedLinksRepository = ReturnType<typeof trackedLinksRepository>;
