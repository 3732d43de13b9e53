/**
 * Tells people what waits for them: approvers when a version waits (submitted, or changed after
 * approval), the author when approved or sent back. Never the person who caused it. Each is a
 * notification of its own, read in the admin and e-mailed in the next digest (see the digest
 * service); recording it never fails the action.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '@porte-voix/kit/server';

import { ACTIONS } from '../permissions';
import { PLUGIN_ID } from '../plugin-id';
import { notificationsRepository, type NotificationKind } from '../repositories/notifications.repository';
import type { ReviewRow } from '../repositories/reviews.repository';
import { getService } from '../utils/get-service';

type Recipient = { id: number; email: string; preferedLanguage?: string | null };

const SUPER_ADMIN = 'strapi-super-admin';

const notifierService = ({ strapi }: { strapi: Core.Strapi }) => {
  const notifications = notificationsRepository(strapi);

  async function notify(
    to: Recipient[],
    kind: NotificationKind,
    review: ReviewRow,
    who: string | null,
    comment?: string
  ) {
    await notifications.createMany(
      to.map((recipient) => ({
        recipientId: recipient.id,
        kind,
        subjectUid: review.subjectUid,
        subjectDocumentId: review.subjectDocumentId,
        subjectLocale: review.subjectLocale,
        title: review.title,
        actorName: who,
        comment: comment ?? null,
      }))
    );
  }

  /** Active admins who may approve this review: the approve permission (or super admin), then the campaign's rule. */
  async function approversOf(review: ReviewRow): Promise<Recipient[]> {
    const permissions = await strapi.db
      .query('admin::permission')
      .findMany({ where: { action: ACTIONS.approve }, populate: ['role'] });
    const roleIds = new Set<number>(permissions.map((p: any) => p.role?.id).filter(Boolean));
    const superAdmin = await strapi.db.query('admin::role').findOne({ where: { code: SUPER_ADMIN } });
    if (superAdmin) roleIds.add(superAdmin.id);
    const users = await strapi.db.query('admin::user').findMany({
      where: { isActive: true, roles: { id: { $in: [...roleIds] } } },
      populate: ['roles'],
    });
    const rules = getService(strapi, 'rules');
    const rule = await rules.effective(review.campaignDocumentId);
    const excluded = new Set([review.lastEditorId, ...(review.approvals ?? []).map((a) => a.id)]);
    const approvers: Recipient[] = [];
    for (const user of users as any[]) {
      if (excluded.has(user.id) || !user.email) continue;
      if (await rules.mayApprove(rule, { type: 'admin', id: user.id })) approvers.push(user);
    }
    return approvers;
  }

  return {
    approversOf,

    async waiting(review: ReviewRow, kind: 'submitted' | 'voided'): Promise<void> {
      try {
        const who = (kind === 'submitted' ? review.submittedByName : review.lastEditorName) ?? null;
        const causedBy = kind === 'submitted' ? review.submittedById : review.lastEditorId;
        const approvers = (await approversOf(review)).filter((user) => user.id !== causedBy);
        await notify(approvers, kind, review, who);
      } catch (error) {
        strapi.log.warn(`[${PLUGIN_ID}] Approvers not notified: ${(error as Error).message}`);
      }
    },

    async toAuthor(
      review: ReviewRow,
      kind: 'approved' | 'changes_requested',
      actor: Actor,
      comment?: string
    ) {
      if (review.submittedById == null || review.submittedById === actor.id) return;
      try {
        const author = await strapi.db.query('admin::user').findOne({ where: { id: review.submittedById } });
        if (author) await notify([author], kind, review, actor.name ?? null, comment);
      } catch (error) {
        strapi.log.warn(`[${PLUGIN_ID}] Author not notified: ${(error as Error).message}`);
      }
    },
  };
};

export type NotifierService = ReturnType<typeof notifierService>;
export default notifierService;
