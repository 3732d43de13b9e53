/** What the admin shows: a review with the actions this user may take now, and each user's inbox. */
import type { Core } from '@strapi/strapi';

import { historyRepository } from '../repositories/history.repository';
import { reviewsRepository, type ReviewRow, type SubjectKey } from '../repositories/reviews.repository';
import { getService } from '../utils/get-service';

type Ability = { can: (action: string) => boolean } | undefined;
type User = { id: number } | undefined;

const INBOX_SIZE = 20;

const summary = (review: ReviewRow) => ({
  type: review.subjectUid,
  documentId: review.subjectDocumentId,
  locale: review.subjectLocale,
  title: review.title,
  status: review.status,
  updatedAt: review.updatedAt,
});

const viewsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reviews = reviewsRepository(strapi);
  const history = historyRepository(strapi);

  /** Whether this user may approve this version now (permission aside): four eyes, not twice, the campaign's approvers. */
  async function mayApproveNow(review: ReviewRow, user: User): Promise<boolean> {
    if (review.status !== 'in_review' || !user) return false;
    if (review.lastEditorId === user.id) return false;
    if ((review.approvals ?? []).some((a) => a.id === user.id)) return false;
    const rules = getService(strapi, 'rules');
    return rules.mayApprove(await rules.effective(review.campaignDocumentId), { type: 'admin', id: user.id });
  }

  return {
    async review(key: SubjectKey, user: User, ability: Ability) {
      const review = await getService(strapi, 'workflow').ensure(key);
      const allowed = getService(strapi, 'access').allowed(ability);
      const rule = await getService(strapi, 'rules').effective(review.campaignDocumentId);
      const approveNow = allowed.approve && (await mayApproveNow(review, user));
      return {
        ...summary(review),
        hash: review.contentHash,
        accountIds: review.accountIds ?? [],
        lastEditor: review.lastEditorName,
        ownVersion: Boolean(user && review.lastEditorId === user.id),
        submittedBy: review.submittedByName,
        approvals: review.approvals ?? [],
        requiredApprovals: rule.requiredApprovals,
        approvedHash: review.status === 'approved' ? review.approvedHash : null,
        approvedAt: review.status === 'approved' ? review.approvedAt : null,
        actions: {
          submit: allowed.submit && review.status === 'draft',
          approve: approveNow,
          requestChanges: allowed.approve && review.status === 'in_review',
          revert: allowed.submit && review.status !== 'draft',
          comment: allowed.comment,
        },
        history: await history.forSubject(key),
      };
    },

    /** "Waiting for my approval" and "sent back to me". */
    async inbox(user: User) {
      if (!user) return { waiting: [], sentBack: [] };
      const waiting: ReturnType<typeof summary>[] = [];
      for (const review of await reviews.inReview(200)) {
        if (waiting.length >= INBOX_SIZE) break;
        if (await mayApproveNow(review, user)) waiting.push(summary(review));
      }
      const sentBack: ReturnType<typeof summary>[] = [];
      for (const review of await reviews.sentBackTo(user.id, 100)) {
        if (sentBack.length >= INBOX_SIZE) break;
        const entries = await history.forSubject({
          uid: review.subjectUid,
          documentId: review.subjectDocumentId,
          locale: review.subjectLocale,
        });
        const last = [...entries].reverse().find((e) => e.action !== 'commented' && e.action !== 'edited');
        if (last?.action === 'changes_requested')
          sentBack.push({ ...summary(review), comment: last.reason } as any);
      }
      return { waiting, sentBack };
    },
  };
};

export type ViewsService = ReturnType<typeof viewsService>;
export default viewsService;
