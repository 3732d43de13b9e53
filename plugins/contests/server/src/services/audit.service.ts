import type { Core } from '@strapi/strapi';
import { adminActor, auditView, type Actor } from '@porte-voix/kit/server';

import { auditRepository, type AuditEntry } from '../repositories/audit.repository';

export { adminActor, type Actor, type AuditEntry };

/** The plugin itself: claim deadlines, retention purges, e-mails sent by the outbox. */
export const SYSTEM: Actor = { type: 'system' };

/** Why the plugin itself took a step, as codes the admin translates (`reason.<code>`). */
export const REASON_CODES = { deadlinePassed: 'deadline_passed', retentionOver: 'retention_over' } as const;

/** Every step of a contest, for the organiser and for anyone checking the draw afterwards. */
const auditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = auditRepository(strapi);
  return {
    record: (entry: AuditEntry) => repository.append(entry),

    async list(eventDocumentId: string) {
      const rows = await repository.list(eventDocumentId);
      return rows.map((row) => ({ ...auditView(row), entryPublicId: row.entryPublicId ?? null }));
    },

    installAppendOnlyGuard: () => repository.installAppendOnlyGuard(),
    splitLegacyActors: () => repository.splitLegacyActors(),
  };
};

export default auditService;
