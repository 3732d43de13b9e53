/** A campaign's approval rule: how many approvals its posts need, and who may give them. */
import type { Core } from '@strapi/strapi';
import type { Actor } from '@porte-voix/kit/server';

import { PLUGIN_ID } from '../plugin-id';
import { rulesRepository, type CampaignRule } from '../repositories/rules.repository';

export type EffectiveRule = Omit<CampaignRule, 'campaignDocumentId'>;

const rulesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = rulesRepository(strapi);
  const fallback = (): EffectiveRule => ({
    requiredApprovals: strapi.plugin(PLUGIN_ID).config('requiredApprovals') as number,
    approverRoleIds: [],
    approverUserIds: [],
  });

  return {
    find: (campaignDocumentId: string) => rules.find(campaignDocumentId),
    save: (rule: CampaignRule) => rules.save(rule),

    /** The campaign's rule, or the configured default (anyone with the approve permission). */
    async effective(campaignDocumentId: string | null): Promise<EffectiveRule> {
      const rule = campaignDocumentId ? await rules.find(campaignDocumentId) : null;
      return rule ?? fallback();
    },

    /** Whether `actor` is among the rule's named approvers (everyone when it names none). */
    async mayApprove(rule: EffectiveRule, actor: Actor): Promise<boolean> {
      if (rule.approverRoleIds.length === 0 && rule.approverUserIds.length === 0) return true;
      if (actor.id == null) return false;
      if (rule.approverUserIds.includes(actor.id)) return true;
      if (rule.approverRoleIds.length === 0) return false;
      const user = await strapi.db
        .query('admin::user')
        .findOne({ where: { id: actor.id }, populate: ['roles'] });
      return ((user as any)?.roles ?? []).some((role: { id: number }) =>
        rule.approverRoleIds.includes(role.id)
      );
    },
  };
};

export type RulesService = ReturnType<typeof rulesService>;
export default rulesService;
