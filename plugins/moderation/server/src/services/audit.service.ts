import type { Core } from '@strapi/strapi';

import { AUDIT_UID } from '../utils/uids';

export type Actor = { type: 'system' | 'admin' | 'public'; id?: number | null; name?: string | null };

export type AuditRecord = {
  action: string;
  actor: Actor;
  commentDocumentId?: string | null;
  authorKey?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
};

export type AuditQuery = {
  comment?: string;
  author?: string;
  action?: string;
  actorType?: string;
  page: number;
  pageSize: number;
};

export const SYSTEM: Actor = { type: 'system', name: 'Rules' };

/** An admin user as an actor: their id and the name other moderators know them by. */
export const adminActor = (
  user: { id?: number; firstname?: string | null; lastname?: string | null; email?: string } | undefined
): Actor => ({
  type: 'admin',
  id: user?.id ?? null,
  name: [user?.firstname, user?.lastname].filter(Boolean).join(' ') || user?.email || 'admin',
});

/**
 * The audit log is append-only: this service can only add and read entries, and a database
 * lifecycle (register.ts) refuses any update or deletion that comes another way.
 */
const auditService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Appends an entry (written without reading it back: it is on every submission's path). */
  async record(entry: AuditRecord): Promise<void> {
    await strapi.db.query(AUDIT_UID).createMany({
      data: [
        {
          action: entry.action,
          actorType: entry.actor.type,
          actorId: entry.actor.id ?? null,
          actorName: entry.actor.name ?? null,
          commentDocumentId: entry.commentDocumentId ?? null,
          authorKey: entry.authorKey ?? null,
          fromStatus: entry.fromStatus ?? null,
          toStatus: entry.toStatus ?? null,
          reason: entry.reason ?? null,
          details: entry.details ?? null,
        },
      ],
    });
  },

  async find(filters: AuditQuery) {
    const where: Record<string, unknown> = {};
    if (filters.comment) where.commentDocumentId = filters.comment;
    if (filters.author) where.authorKey = filters.author;
    if (filters.action) where.action = filters.action;
    if (filters.actorType) where.actorType = filters.actorType;
    const [results, total] = await Promise.all([
      strapi.db.query(AUDIT_UID).findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (filters.page - 1) * filters.pageSize,
        limit: filters.pageSize,
      }),
      strapi.db.query(AUDIT_UID).count({ where }),
    ]);
    return {
      results: results.map((entry: any) => ({
        id: entry.id,
        action: entry.action,
        actorType: entry.actorType,
        actorId: entry.actorId,
        actorName: entry.actorName,
        commentDocumentId: entry.commentDocumentId,
        authorKey: entry.authorKey,
        fromStatus: entry.fromStatus,
        toStatus: entry.toStatus,
        reason: entry.reason,
        details: entry.details,
        createdAt: entry.createdAt,
      })),
      pagination: {
        page: filters.page,
        pageSize: filters.pageSize,
        total,
        pageCount: Math.ceil(total / filters.pageSize),
      },
    };
  },
});

export default auditService;
