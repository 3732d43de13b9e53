/**
 * Tells people what waits for them, by e-mail in their admin language: approvers when a version
 * waits (submitted, or changed after approval), the author when approved or sent back. Never the
 * person who caused it, and sending never fails the action.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '@porte-voix/kit/server';

import { ACTIONS } from '../permissions';
import { PLUGIN_ID } from '../plugin-id';
import type { ReviewRow } from '../repositories/reviews.repository';
import { getService } from '../utils/get-service';
import { languageOf, message, type MessageKind } from './messages';

type Recipient = { id: number; email: string; preferedLanguage?: string | null };

const SUPER_ADMIN = 'strapi-super-admin';

const notifierService = ({ strapi }: { strapi: Core.Strapi }) => {
  function adminUrl(): string {
    const configured = strapi.plugin(PLUGIN_ID).config('adminUrl') as string | undefined;
    return (configured || (strapi.config.get('admin.absoluteUrl') as string) || '').replace(/\/$/, '');
  }

  const linkTo = (review: ReviewRow) =>
    `${adminUrl()}/content-manager/collection-types/${review.subjectUid}/${review.subjectDocumentId}?plugins[i18n][locale]=${review.subjectLocale}`;

  async function send(to: Recipient[], kind: MessageKind, review: ReviewRow, who: string, comment?: string) {
    const email = strapi.plugin('email');
    if (!email) return;
    for (const recipient of to) {
      const { subject, text } = message(kind, languageOf(recipient.preferedLanguage), {
        title: review.title ?? review.subjectDocumentId,
        locale: review.subjectLocale,
        who,
        comment,
        url: linkTo(review),
      });
      try {
        await email.service('email').send({ to: recipient.email, subject, text });
      } catch (error) {
        strapi.log.warn(`[${PLUGIN_ID}] Could not e-mail ${recipient.email}: ${(error as Error).message}`);
      }
    }
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
        const who = (kind === 'submitted' ? review.submittedByName : review.lastEditorName) ?? '—';
        await send(await approversOf(review), kind, review, who);
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
        if (author?.email) await send([author], kind, review, actor.name ?? '—', comment);
      } catch (error) {
        strapi.log.warn(`[${PLUGIN_ID}] Author not notified: ${(error as Error).message}`);
      }
    },
  };
};

export type NotifierService = ReturnType<typeof notifierService>;
export default notifierService;
