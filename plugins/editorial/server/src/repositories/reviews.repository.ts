/**
 * The only code that touches review states. Every change is a compare-and-set on `revision`: an
 * approval racing an edit, or two approvers at once, cannot both win, so no approval ever lands
 * on a version other than the one its approver read.
 */
import type { Core } from '@strapi/strapi';

import { REVIEW_UID } from './uids';

export type ReviewStatus = 'draft' | 'in_review' | 'approved';
export type Approval = { id: number | null; name: string; at: string };

export type ReviewRow = {
  id: number;
  subjectUid: string;
  subjectDocumentId: string;
  subjectLocale: string;
  title: string | null;
  campaignDocumentId: string | null;
  status: ReviewStatus;
  contentHash: string;
  texts: { body: string; variants: Record<string, string> } | null;
  accountIds: number[] | null;
  lastEditorId: number | null;
  lastEditorName: string | null;
  submittedById: number | null;
  submittedByName: string | null;
  approvals: Approval[] | null;
  approvedHash: string | null;
  approvedSnapshot: Record<string, unknown> | null;
  approvedAt: string | null;
  revision: number;
  updatedAt: string;
};

export type SubjectKey = { uid: string; documentId: string; locale: string };

/** What a sender reads before each send: is it approved, which version, for which accounts. */
export type ApprovalState = Pick<ReviewRow, 'id' | 'status' | 'approvedHash' | 'accountIds'>;

export const reviewsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(REVIEW_UID as any);
  const where = (key: SubjectKey) => ({
    subjectUid: key.uid,
    subjectDocumentId: key.documentId,
    subjectLocale: key.locale,
  });

  return {
    find: (key: SubjectKey): Promise<ReviewRow | null> => query().findOne({ where: where(key) }),

    /** The approval alone, without the texts and snapshot (read before every send). */
    findApproval: (key: SubjectKey): Promise<ApprovalState | null> =>
      query().findOne({ where: where(key), select: ['id', 'status', 'approvedHash', 'accountIds'] }),

    /** The snapshot approved as `hash`; null when the review has moved on to another version. */
    async approvedSnapshot(id: number, hash: string): Promise<Record<string, unknown> | null> {
      const row = await query().findOne({
        where: { id, approvedHash: hash },
        select: ['approvedSnapshot'],
      });
      return row?.approvedSnapshot ?? null;
    },

    findForDocument: (uid: string, documentId: string): Promise<ReviewRow[]> =>
      query().findMany({ where: { subjectUid: uid, subjectDocumentId: documentId } }),

    /** The first state of a subject; null when another request created it first (the unique index). */
    async create(key: SubjectKey, data: Partial<ReviewRow>): Promise<ReviewRow | null> {
      try {
        return await query().create({ data: { ...where(key), ...data, revision: 0 } });
      } catch (error) {
        if (await query().findOne({ where: where(key) })) return null;
        throw error;
      }
    },

    /** Writes `data` only if the row is still at `revision` (and, when given, still at `contentHash`). */
    async updateIf(
      row: Pick<ReviewRow, 'id' | 'revision'>,
      data: Partial<ReviewRow>,
      contentHash?: string
    ): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id: row.id, revision: row.revision, ...(contentHash && { contentHash }) },
        data: { ...data, revision: row.revision + 1 },
      });
      return count > 0;
    },

    /** In review, newest change first (the approvers' list). */
    inReview: (limit: number): Promise<ReviewRow[]> =>
      query().findMany({ where: { status: 'in_review' }, orderBy: [{ updatedAt: 'desc' }], limit }),

    /** Drafts a person submitted and that were sent back to them. */
    sentBackTo: (userId: number, limit: number): Promise<ReviewRow[]> =>
      query().findMany({
        where: { status: 'draft', submittedById: userId },
        orderBy: [{ updatedAt: 'desc' }],
        limit,
      }),
  };
};

export type ReviewsRepository = ReturnType<typeof reviewsRepository>;
