import type { Core } from '@strapi/strapi';

import { auditRepository, type AuditRecord } from '../repositories/audit.repository';

export type Actor = { id: number | string; email?: string } | 'system' | 'public';

/** "admin:3 <camille@example.org>", "system" or "public": who did a step, for the audit log. */
export function actorLabel(actor: Actor): string {
  if (actor === 'system' || actor === 'public') return actor;
  return `admin:${actor.id}${actor.email ? ` <${actor.email}>` : ''}`;
}

const auditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = auditRepository(strapi);
  return {
    record(
      eventDocumentId: string,
      action: string,
      actor: Actor,
      details: Record<string, unknown> = {},
      entryPublicId?: string
    ) {
      const record: AuditRecord = {
        eventDocumentId,
        action,
        actor: actorLabel(actor),
        details,
        entryPublicId: entryPublicId ?? null,
      };
      return repository.append(record);
    },
    list: (eventDocumentId: string) => repository.list(eventDocumentId),
    installAppendOnlyGuard: () => repository.installAppendOnlyGuard(),
  };
};

export default auditService;
