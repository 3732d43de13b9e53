import type { Core } from '@strapi/strapi';
import { adminActor, auditView, type Actor } from '@porte-voix/kit/server';

import { auditRepository, type AuditEntry, type AuditFilters } from '../repositories/audit.repository';

export { adminActor, type Actor, type AuditEntry, type AuditFilters };

export const SYSTEM: Actor = { type: 'system', name: 'Rules' };

/** The log of every moderation decision, automatic or human: entries are added and read, never changed. */
const auditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = auditRepository(strapi);
  return {
    record: (entry: AuditEntry) => repository.append(entry),

    async find(filters: AuditFilters) {
      const { rows, total } = await repository.page(filters);
      return {
        results: rows.map((row) => ({
          ...auditView(row),
          commentDocumentId: row.commentDocumentId ?? null,
          authorKey: row.authorKey ?? null,
          fromStatus: row.fromStatus ?? null,
          toStatus: row.toStatus ?? null,
        })),
        pagination: {
          page: filters.page,
          pageSize: filters.pageSize,
          total,
          pageCount: Math.ceil(total / filters.pageSize),
        },
      };
    },

    installAppendOnlyGuard: () => repository.installAppendOnlyGuard(),
  };
};

export default auditService;
