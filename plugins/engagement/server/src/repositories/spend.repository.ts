import type { Core } from '@strapi/strapi';

import { SPEND_UID } from '../content-types';

export type SpendRow = {
  id: number;
  campaignDocumentId: string;
  postDocumentId: string | null;
  network: string | null;
  spentOn: string;
  amountMinor: number;
  currency: string;
  paidImpressions: number | null;
  paidClicks: number | null;
  paidInteractions: number | null;
  note: string | null;
  recordedById: number | null;
  createdAt: string;
  updatedAt: string;
};

export type SpendInput = Omit<SpendRow, 'id' | 'createdAt' | 'updatedAt'>;

/** Paid spend: the only code that reads or writes `engagement_spends`. */
export const spendRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(SPEND_UID);

  return {
    find(id: number): Promise<SpendRow | null> {
      return query().findOne({ where: { id } });
    },

    ofCampaigns(campaignDocumentIds: string[]): Promise<SpendRow[]> {
      return query().findMany({
        where: { campaignDocumentId: { $in: campaignDocumentIds } },
        orderBy: [{ spentOn: 'asc' }, { id: 'asc' }],
      });
    },

    create(data: SpendInput): Promise<SpendRow> {
      return query().create({ data });
    },

    update(id: number, data: Partial<SpendInput>): Promise<SpendRow | null> {
      return query().update({ where: { id }, data });
    },

    async remove(id: number): Promise<boolean> {
      return Boolean(await query().delete({ where: { id } }));
    },
  };
};
