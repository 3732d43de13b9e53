import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { getService } from '../utils/get-service';
import { describedIn } from './targets.service';
import { commentsRepository, type Queue, type QueueFilters } from '../repositories/comments.repository';
import type { Actor } from './audit.service';
import type { RejectionReason } from '../validators/admin.validators';
import { responseTimes, type ResponseGoals } from '../domain/response-time';

export { LANGUAGE_FILTERS, QUEUES, type Queue, type QueueFilters } from '../repositories/comments.repository';

const commentNotFound = (documentId: string) =>
  new errors.NotFoundError(`No comment has the id "${documentId}"`, { reason: 'comment_not_found' });

const date = (value: unknown) => (value ? new Date(value as string) : null);

const adminService = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = commentsRepository(strapi);

  /** Who handles it and how fast: for items from a network, against its network's goal. */
  const handlingOf = (row: any, goals: ResponseGoals | null) => ({
    assignedTo: row.assignedToId ? { id: row.assignedToId, name: row.assignedToName ?? null } : null,
    doneAt: row.doneAt ?? null,
    internalNote: row.internalNote ?? null,
    firstResponseAt: row.firstResponseAt ?? null,
    ...(row.sourceNetwork && goals
      ? responseTimes(
          {
            network: row.sourceNetwork,
            createdAt: new Date(row.createdAt),
            firstResponseAt: date(row.firstResponseAt),
            doneAt: date(row.doneAt),
          },
          goals,
          new Date()
        )
      : { goalMinutes: null, firstResponseMinutes: null, resolutionMinutes: null, overdue: false }),
  });

  const toCard = (row: any, goals: ResponseGoals | null = null) => ({
    id: row.documentId,
    status: row.status,
    target: {
      type: row.targetType,
      documentId: row.targetDocumentId,
      key: row.targetKey,
      title: row.targetTitle,
    },
    campaignDocumentId: row.campaignDocumentId ?? null,
    parent: row.parentId ?? null,
    authorName: row.authorName,
    authorEmail: row.authorEmail,
    authorKey: row.authorKey,
    content: row.content,
    locale: row.locale,
    intent: row.intent ?? 'other',
    source: row.sourceNetwork
      ? {
          network: row.sourceNetwork,
          accountId: row.sourceAccountId ?? null,
          accountName: row.sourceAccountName ?? null,
          authorHandle: row.authorHandle ?? null,
          authorUrl: row.authorUrl ?? null,
          remoteId: row.remoteId,
          url: row.remoteUrl ?? null,
          parentRemoteId: row.remoteParentId ?? null,
          postRemoteId: row.remotePostId ?? null,
          postUrl: row.remotePostUrl ?? null,
          firstResponseAt: row.firstResponseAt ?? null,
          hiddenOnNetworkAt: row.hiddenOnNetworkAt ?? null,
          likedOnNetworkAt: row.likedOnNetworkAt ?? null,
          privateMessage: row.privateMessage === true,
        }
      : null,
    reasons: row.reasons ?? [],
    report: {
      state: row.reportState ?? 'none',
      count: row.reportCount ?? 0,
      score: row.reportScore ?? 0,
      reasons: row.reportReasons ?? {},
    },
    moderatedAt: row.moderatedAt ?? null,
    moderatedBy: row.moderatedBy ?? null,
    moderationReason: row.moderationReason ?? null,
    moderationNote: row.moderationNote ?? null,
    handling: handlingOf(row, goals),
    createdAt: row.createdAt,
  });

  const goals = async (): Promise<ResponseGoals> =>
    (await getService(strapi, 'settings').get()).inbox as ResponseGoals;

  const decide = async (
    documentId: string,
    status: 'approved' | 'rejected',
    actor: Actor,
    why: { reasonCode: RejectionReason | null; note: string | null },
    action: string
  ) => {
    const row = await comments.findByDocumentId(documentId);
    if (!row) throw commentNotFound(documentId);
    const updated = await strapi.db.transaction(async () => {
      const changed = await comments.update(row.id, {
        status,
        moderatedAt: new Date(),
        moderatedBy: actor.name ?? null,
        moderationReason: why.reasonCode,
        moderationNote: why.note,
        ...(row.reportState === 'open' ? { reportState: 'reviewed', reportScore: 0 } : {}),
      });
      await getService(strapi, 'audit').record({
        action,
        actor,
        commentDocumentId: documentId,
        authorKey: row.authorKey,
        fromStatus: row.status,
        toStatus: status,
        reasonCode: why.reasonCode,
        reason: why.note,
        details: row.reportState === 'open' ? { reportsReviewed: row.reportCount } : null,
      });
      return changed;
    });
    return toCard(updated);
  };

  return {
    async list(filters: QueueFilters) {
      const [{ rows, total }, counts, inboxGoals] = await Promise.all([
        comments.page(filters),
        this.counts(filters),
        goals(),
      ]);
      const cards = rows.map((row: any) => toCard(row, inboxGoals));
      const authorKeys = [...new Set(cards.map((card: any) => card.authorKey))] as string[];
      const [history, targets, sanctions] = await Promise.all([
        comments.statusCountsPerAuthor(authorKeys),
        getService(strapi, 'targets').describe(cards.map((card: any) => card.target.key)),
        Promise.all(
          authorKeys.map(async (key) => [key, await getService(strapi, 'sanctions').active(key)] as const)
        ),
      ]);
      const activeSanctions = Object.fromEntries(sanctions);
      return {
        data: cards.map((card: any) => ({
          ...card,
          target: {
            ...card.target,
            title: describedIn(targets[card.target.key], card.locale)?.title ?? card.target.title,
            adminPath: describedIn(targets[card.target.key], card.locale)?.adminPath ?? null,
          },
          author: {
            key: card.authorKey,
            history: history[card.authorKey],
            sanction: activeSanctions[card.authorKey] ?? null,
          },
        })),
        meta: {
          pagination: {
            page: filters.page,
            pageSize: filters.pageSize,
            total,
            pageCount: Math.ceil(total / filters.pageSize),
          },
          counts,
        },
      };
    },

    /** How many comments each queue holds, under the same filters. */
    counts: (
      filters: Omit<QueueFilters, 'status' | 'page' | 'pageSize' | 'sort'>
    ): Promise<Record<Queue, number>> => comments.countPerQueue(filters),

    async findOne(documentId: string) {
      const row = await comments.findByDocumentId(documentId);
      if (!row) throw commentNotFound(documentId);
      return toCard(row, await goals());
    },

    approve: (documentId: string, actor: Actor, note: string | null = null) =>
      decide(documentId, 'approved', actor, { reasonCode: null, note }, 'approved'),
    reject: (documentId: string, actor: Actor, reason: RejectionReason, note: string | null = null) =>
      decide(documentId, 'rejected', actor, { reasonCode: reason, note }, 'rejected'),

    async bulk(
      action: 'approve' | 'reject',
      ids: string[],
      actor: Actor,
      why: { reason: RejectionReason | null; note: string | null }
    ) {
      const decision = { reasonCode: action === 'reject' ? why.reason : null, note: why.note };
      const done: string[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        try {
          if (action === 'approve') await decide(id, 'approved', actor, decision, 'approved');
          else await decide(id, 'rejected', actor, decision, 'rejected');
          done.push(id);
        } catch (error) {
          if (error instanceof errors.NotFoundError) missing.push(id);
          else throw error;
        }
      }
      return { updated: done.length, ids: done, missing };
    },

    /** An author's record: names used, comments per status, sanctions. */
    async author(authorKey: string) {
      const [history, sanctions, recent] = await Promise.all([
        comments.statusCountsPerAuthor([authorKey]),
        getService(strapi, 'sanctions').list(authorKey),
        comments.latestOfAuthor(authorKey, 20),
      ]);
      if (history[authorKey].total === 0 && sanctions.length === 0) {
        throw new errors.NotFoundError(`No comment and no sanction for the author "${authorKey}"`, {
          reason: 'author_not_found',
        });
      }
      return {
        key: authorKey,
        names: [...new Set(recent.map((row: any) => row.authorName))],
        emails: [...new Set(recent.map((row: any) => row.authorEmail))],
        history: history[authorKey],
        sanctions,
        activeSanction: await getService(strapi, 'sanctions').active(authorKey),
        recent: recent.map((row: any) => toCard(row)),
      };
    },
  };
};

export default adminService;
