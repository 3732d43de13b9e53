import type { Core } from '@strapi/strapi';

import { RULE_UID } from './uids';

export type CampaignRule = {
  campaignDocumentId: string;
  requiredApprovals: number;
  approverRoleIds: number[];
  approverUserIds: number[];
};

/** The only code that touches campaigns' approval rules: one row per campaign. */
export const rulesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(RULE_UID as any);
  const toRule = (row: any): CampaignRule => ({
    campaignDocumentId: row.campaignDocumentId,
    requiredApprovals: row.requiredApprovals ?? 1,
    approverRoleIds: Array.isArray(row.approverRoleIds) ? row.approverRoleIds : [],
    approverUserIds: Array.isArray(row.approverUserIds) ? row.approverUserIds : [],
  });
  return {
    async find(campaignDocumentId: string): Promise<CampaignRule | null> {
      const row = await query().findOne({ where: { campaignDocumentId } });
      return row ? toRule(row) : null;
    },
    async all(): Promise<CampaignRule[]> {
      return (await query().findMany({ limit: 1000 })).map(toRule);
    },
    async save(rule: CampaignRule): Promise<CampaignRule> {
      const existing = await query().findOne({ where: { campaignDocumentId: rule.campaignDocumentId } });
      const row = existing
        ? await query().update({ where: { id: existing.id }, data: rule })
        : await query().create({ data: rule });
      return toRule(row);
    },
  };
};
