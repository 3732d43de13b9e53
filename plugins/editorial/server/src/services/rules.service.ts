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

    /**
     * What the settings page shows: every campaign with its rule (or the default), and the roles and
     * people that can be named as approvers.
     */
    async overview() {
      const campaigns = (await strapi.documents('api::campaign.campaign' as any).findMany({
        fields: ['name'],
        sort: 'name:asc',
        limit: 500,
      } as any)) as unknown as { documentId: string; name: string }[];
      const saved = new Map((await rules.all()).map((rule) => [rule.campaignDocumentId, rule]));
      const roles = await strapi.db
        .query('admin::role')
        .findMany({ select: ['id', 'name', 'code'], orderBy: [{ name: 'asc' }] });
      const users = await strapi.db.query('admin::user').findMany({
        where: { isActive: true },
        select: ['id', 'firstname', 'lastname', 'username', 'email'],
        orderBy: [{ firstname: 'asc' }],
        limit: 500,
      });
      return {
        defaultRequiredApprovals: fallback().requiredApprovals,
        campaigns: campaigns.map((campaign) => ({
          documentId: campaign.documentId,
          name: campaign.name,
          rule: saved.get(campaign.documentId) ?? null,
        })),
        roles: roles.map((role: any) => ({ id: role.id, name: role.name, code: role.code })),
        users: users.map((user: any) => ({
          id: user.id,
          name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email,
          email: user.email,
        })),
      };
    },
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
