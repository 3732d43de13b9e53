import type { Core } from '@strapi/strapi';
import { appendOnlyLog, findPage, type AuditFields } from '@porte-voix/kit/server';

import { PLUGIN_ID } from '../plugin-id';
import { AUDIT_UID } from '../utils/uids';

/** An entry of the moderation log, and what it is about. */
export type AuditEntry = AuditFields & {
  commentDocumentId?: string | null;
  authorKey?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
};

export type AuditFilters = {
  comment?: string;
  author?: string;
  action?: string;
  actorType?: string;
  page: number;
  pageSize: number;
};

/**
 * The only code that touches the moderation audit log, and it can only add and read: the
 * append-only guard refuses any change or deletion, whoever sends it. Entries older than the
 * reason codes hold the rules' English text in `reason`: shown as it is.
 */
export const auditRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(AUDIT_UID);
  const log = appendOnlyLog(strapi, { uid: AUDIT_UID, plugin: PLUGIN_ID });

  return {
    /** Appends an entry (written without reading it back: it is on every submission's path). */
    append: (entry: AuditEntry) =>
      log.append(entry, {
        commentDocumentId: entry.commentDocumentId ?? null,
        authorKey: entry.authorKey ?? null,
        fromStatus: entry.fromStatus ?? null,
        toStatus: entry.toStatus ?? null,
      }),

    /** Newest first. */
    async page(filters: AuditFilters): Promise<{ rows: any[]; total: number }> {
      const where: Record<string, unknown> = {};
      if (filters.comment) where.commentDocumentId = filters.comment;
      if (filters.author) where.authorKey = filters.author;
      if (filters.action) where.action = filters.action;
      if (filters.actorType) where.actorType = filters.actorType;
      return findPage(query(), {
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        page: filters.page,
        pageSize: filters.pageSize,
      });
    },

    installAppendOnlyGuard: log.installAppendOnlyGuard,
  };
};
