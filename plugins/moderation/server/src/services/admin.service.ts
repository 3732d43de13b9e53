import type { Core } from '@strapi/strapi';

import { COMMENT_UID } from '../utils/uids';
import { ModerationError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { authorStatusCounts } from '../repositories/sql';
import type { Actor } from './audit.service';

export const QUEUES = ['pending', 'reported', 'approved', 'rejected', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

export type QueueFilters = {
  status: Queue;
  target?: string;
  campaign?: string;
  author?: string;
  q?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

const queueWhere = (queue: Queue): Record<string, unknown> => {
  switch (queue) {
    case 'reported':
      return { reportState: 'open' };
    case 'all':
      return {};
    default:
      return { status: queue };
  }
};

/** Filters other than the queue, shared by the list and the counts so that counts match what is shown. */
function filterWhere(filters: Omit<QueueFilters, 'status' | 'page' | 'pageSize'>): Record<string, unknown>[] {
  const where: Record<string, unknown>[] = [];
  if (filters.target) where.push({ targetKey: filters.target });
  if (filters.campaign) where.push({ campaignDocumentId: filters.campaign });
  if (filters.author) {
    where.push(
      filters.author.includes('@')
        ? { authorEmail: { $eqi: filters.author.trim() } }
        : { authorKey: filters.author }
    );
  }
  if (filters.q) {
    where.push({ $or: [{ content: { $containsi: filters.q } }, { authorName: { $containsi: filters.q } }] });
  }
  if (filters.from) where.push({ createdAt: { $gte: filters.from } });
  if (filters.to) where.push({ createdAt: { $lte: filters.to } });
  return where;
}

const adminService = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = () => strapi.db.query(COMMENT_UID);

  const toCard = (row: any) => ({
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
    reasons: row.reasons ?? [],
    report: {
      state: row.reportState ?? 'none',
      count: row.reportCount ?? 0,
      score: row.reportScore ?? 0,
      reasons: row.reportReasons ?? {},
    },
    moderatedAt: row.moderatedAt ?? null,
    moderatedBy: row.moderatedBy ?? null,
    moderationNote: row.moderationNote ?? null,
    createdAt: row.createdAt,
  });

  const decide = async (
    documentId: string,
    status: 'approved' | 'rejected',
    actor: Actor,
    note: string | null,
    action: string
  ) => {
    const row = await comments().findOne({ where: { documentId } });
    if (!row) throw new ModerationError(404, `No comment has the id "${documentId}"`);
    const updated = await strapi.db.transaction(async () => {
      const changed = await comments().update({
        where: { id: row.id },
        data: {
          status,
          moderatedAt: new Date(),
          moderatedBy: actor.name ?? null,
          moderationNote: note,
          ...(row.reportState === 'open' ? { reportState: 'reviewed', reportScore: 0 } : {}),
        },
      });
      await getService(strapi, 'audit').record({
        action,
        actor,
        commentDocumentId: documentId,
        authorKey: row.authorKey,
        fromStatus: row.status,
        toStatus: status,
        reason: note,
        details: row.reportState === 'open' ? { reportsReviewed: row.reportCount } : null,
      });
      return changed;
    });
    return toCard(updated);
  };

  return {
    async list(filters: QueueFilters) {
      const others = filterWhere(filters);
      const where = { $and: [queueWhere(filters.status), ...others] };
      const [rows, total, counts] = await Promise.all([
        comments().findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (filters.page - 1) * filters.pageSize,
          limit: filters.pageSize,
        }),
        comments().count({ where }),
        this.counts(filters),
      ]);
      const cards = rows.map(toCard);
      const authorKeys = [...new Set(cards.map((card: any) => card.authorKey))] as string[];
      const [history, targets, sanctions] = await Promise.all([
        authorStatusCounts(strapi, authorKeys),
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
            title: targets[card.target.key]?.title ?? card.target.title,
            adminPath: targets[card.target.key]?.adminPath ?? null,
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
    async counts(filters: Omit<QueueFilters, 'status' | 'page' | 'pageSize'>) {
      const others = filterWhere(filters);
      const entries = await Promise.all(
        QUEUES.map(
          async (queue) =>
            [queue, await comments().count({ where: { $and: [queueWhere(queue), ...others] } })] as const
        )
      );
      return Object.fromEntries(entries) as Record<Queue, number>;
    },

    async findOne(documentId: string) {
      const row = await comments().findOne({ where: { documentId } });
      if (!row) throw new ModerationError(404, `No comment has the id "${documentId}"`);
      return toCard(row);
    },

    approve: (documentId: string, actor: Actor, note: string | null = null) =>
      decide(documentId, 'approved', actor, note, 'approved'),
    reject: (documentId: string, actor: Actor, reason: string) =>
      decide(documentId, 'rejected', actor, reason, 'rejected'),

    async bulk(action: 'approve' | 'reject', ids: string[], actor: Actor, reason: string | null) {
      const done: string[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        try {
          if (action === 'approve') await decide(id, 'approved', actor, reason, 'approved');
          else await decide(id, 'rejected', actor, reason ?? 'bulk rejection', 'rejected');
          done.push(id);
        } catch (error) {
          if (error instanceof ModerationError && error.status === 404) missing.push(id);
          else throw error;
        }
      }
      return { updated: done.length, ids: done, missing };
    },

    /** An author's record: names used, comments per status, sanctions. */
    async author(authorKey: string) {
      const [history, sanctions, recent] = await Promise.all([
        authorStatusCounts(strapi, [authorKey]),
        getService(strapi, 'sanctions').list(authorKey),
        comments().findMany({
          where: { authorKey },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          limit: 20,
        }),
      ]);
      if (history[authorKey].total === 0 && sanctions.length === 0) {
        throw new ModerationError(404, `No comment and no sanction for the author "${authorKey}"`);
      }
      return {
        key: authorKey,
        names: [...new Set(recent.map((row: any) => row.authorName))],
        emails: [...new Set(recent.map((row: any) => row.authorEmail))],
        history: history[authorKey],
        sanctions,
        activeSanction: await getService(strapi, 'sanctions').active(authorKey),
        recent: recent.map(toCard),
      };
    },
  };
};

export default adminService;
