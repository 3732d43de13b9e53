import type { Core } from '@strapi/strapi';

import { DAY_MS } from '../domain/contest-settings';

import { entriesRepository, type EntryRow } from '../repositories/entries.repository';
import { stateRepository } from '../repositories/state.repository';
import { getService } from '../utils/get-service';
import { REASON_CODES, SYSTEM, type Actor } from './audit.service';

const CSV_COLUMNS: [string, (entry: EntryRow) => unknown][] = [
  ['id', (e) => e.publicId],
  ['createdAt', (e) => e.createdAt],
  ['status', (e) => e.entryStatus],
  ['invalidationReason', (e) => e.invalidationReason],
  ['fraudSignals', (e) => e.signalTypes],
  ['name', (e) => e.name],
  ['email', (e) => e.email],
  ['phone', (e) => e.phone],
  ['country', (e) => e.country],
  ['birthDate', (e) => e.birthDate],
  ['consentRules', (e) => e.consents?.rules ?? ''],
  ['consentMarketing', (e) => e.consents?.marketing ?? ''],
  ['consentPublishName', (e) => e.consents?.publishName ?? ''],
  ['answers', (e) => (e.answers ? JSON.stringify(e.answers) : '')],
  ['erased', (e) => Boolean(e.erasedAt)],
];

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Export, erasure on request, and the automatic purge once a contest's retention period is over. */
const privacyService = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = entriesRepository(strapi);
  const states = stateRepository(strapi);
  const audit = () => getService(strapi, 'audit');

  return {
    async exportCsv(eventDocumentId: string, actor: Actor): Promise<string> {
      await getService(strapi, 'events').anyContest(eventDocumentId);
      const rows = await entries.allOf(eventDocumentId);
      await audit().record({
        eventDocumentId,
        action: 'entries_exported',
        actor,
        details: { rows: rows.length },
      });
      const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
      for (const entry of rows) lines.push(CSV_COLUMNS.map(([, read]) => csvCell(read(entry))).join(','));
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    },

    /** Erases the person behind an entry, in every contest; public ids and statuses remain. */
    async eraseEntrant(publicId: string, reason: string, actor: Actor, now = new Date()) {
      const entry = await getService(strapi, 'entries').findEntry(publicId);
      const all = await entries.samePersonAs(entry);
      await entries.erase(all, now);
      const byEvent = new Map<string, string[]>();
      for (const erased of all)
        byEvent.set(erased.eventDocumentId, [
          ...(byEvent.get(erased.eventDocumentId) ?? []),
          erased.publicId,
        ]);
      for (const [eventDocumentId, publicIds] of byEvent) {
        await audit().record({
          eventDocumentId,
          action: 'entrant_erased',
          actor,
          reason,
          details: { entries: publicIds },
          entryPublicId: publicId,
        });
      }
      return { erasedEntries: all.length };
    },

    /** Erases every entrant of contests whose retention period after the close is over. */
    async purgeExpired(now = new Date()) {
      let purged = 0;
      for (const contest of await getService(strapi, 'events').allContests()) {
        const { entryClosesAt, retentionDays } = contest.settings;
        if (Date.parse(entryClosesAt) + retentionDays * DAY_MS > now.getTime()) continue;
        const remaining = await entries.notErased(contest.documentId);
        if (remaining.length === 0) continue;
        await entries.erase(remaining, now);
        const state = await states.findSummary(contest.documentId);
        if (state) await states.update(state, { purgedAt: now.toISOString() });
        await audit().record({
          eventDocumentId: contest.documentId,
          action: 'retention_purge',
          actor: SYSTEM,
          reasonCode: REASON_CODES.retentionOver,
          reasonParams: { retentionDays },
          details: { entries: remaining.length, retentionDays },
        });
        purged += remaining.length;
      }
      return purged;
    },
  };
};

export default privacyService;
