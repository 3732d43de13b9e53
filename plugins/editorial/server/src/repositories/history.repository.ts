import type { Core } from '@strapi/strapi';
import { appendOnlyLog, auditView, type AuditFields } from '@porte-voix/kit/server';

import { PLUGIN_ID } from '../plugin-id';
import { HISTORY_UID } from './uids';
import type { SubjectKey } from './reviews.repository';

export type HistoryEntry = AuditFields & { contentHash?: string | null; variant?: string | null };

/**
 * The only code that touches a document's review history, and it can only add and read: the
 * append-only guard refuses any change or deletion, whoever sends it.
 */
export const historyRepository = (strapi: Core.Strapi) => {
  const log = appendOnlyLog(strapi, { uid: HISTORY_UID, plugin: PLUGIN_ID });
  const about = (key: SubjectKey, entry: HistoryEntry) => ({
    subjectUid: key.uid,
    subjectDocumentId: key.documentId,
    subjectLocale: key.locale,
    contentHash: entry.contentHash ?? null,
    variant: entry.variant ?? null,
  });
  return {
    append: (key: SubjectKey, entry: HistoryEntry) => log.append(entry, about(key, entry)),

    /** Entries about several documents in one insert. */
    appendMany: (entries: { key: SubjectKey; entry: HistoryEntry }[]) =>
      log.appendMany(entries.map(({ key, entry }) => ({ entry, about: about(key, entry) }))),

    /** Oldest first: the story of the document in this locale. */
    async forSubject(key: SubjectKey) {
      const rows = await strapi.db.query(HISTORY_UID as any).findMany({
        where: { subjectUid: key.uid, subjectDocumentId: key.documentId, subjectLocale: key.locale },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        limit: 500,
      });
      return rows.map((row: any) => ({
        ...auditView(row),
        contentHash: (row.contentHash ?? null) as string | null,
        variant: (row.variant ?? null) as string | null,
      }));
    },

    installAppendOnlyGuard: log.installAppendOnlyGuard,
  };
};
