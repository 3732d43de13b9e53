import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import { ENTRY_UID } from '../content-types';
import type { FraudSignal } from '../domain/fraud-signals';

/** The table behind ENTRY_UID (contest-entry/schema.json), for the one read the ORM is too slow for. */
const TABLE = 'contests_entries';

export type EntryStatus = 'valid' | 'review' | 'invalidated';

export type EntryRow = {
  id: number;
  documentId: string;
  publicId: string;
  eventDocumentId: string;
  personKey: string;
  phoneKey: string | null;
  slot: number | null;
  name: string | null;
  nameKey: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  birthDate: string | null;
  consents: { rules: boolean; marketing?: boolean; publishName?: boolean } | null;
  answers: Record<string, unknown> | null;
  ipHash: string | null;
  entryStatus: EntryStatus;
  invalidationReason: string | null;
  fraudSignals: FraudSignal[] | null;
  /** The signal types, comma-separated, for filtering on every database. */
  signalTypes: string | null;
  erasedAt: string | null;
  createdAt: string;
};

export type NewEntry = Omit<
  EntryRow,
  'id' | 'documentId' | 'slot' | 'erasedAt' | 'createdAt' | 'invalidationReason'
>;

export type EntryFilters = {
  status?: EntryStatus;
  signal?: string;
  q?: string;
  page: number;
  pageSize: number;
};

/** Entries are rows with personal data: only this file reads or writes them. */
export const entriesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(ENTRY_UID);

  /** Whether some entry already holds this slot for the person's email or phone key. */
  const slotTaken = async (entry: NewEntry, slot: number) =>
    (await query().count({
      where: {
        eventDocumentId: entry.eventDocumentId,
        slot,
        $or: [{ personKey: entry.personKey }, ...(entry.phoneKey ? [{ phoneKey: entry.phoneKey }] : [])],
      },
    })) > 0;

  return {
    /**
     * Stores the entry in the first free slot among 1..cap. The unique indexes on
     * (event, personKey, slot) and (event, phoneKey, slot) make the database the judge: of two
     * simultaneous inserts into one slot, one fails, sees the slot taken and tries the next one.
     * Returns null when every slot is taken.
     */
    async insertInFreeSlot(entry: NewEntry, cap: number): Promise<EntryRow | null> {
      for (let slot = 1; slot <= cap; slot += 1) {
        try {
          return (await query().create({ data: { ...entry, slot } })) as EntryRow;
        } catch (error) {
          // Any failure is re-examined: if the slot is now held, it was the unique index speaking.
          if (!(await slotTaken(entry, slot))) throw error;
        }
      }
      return null;
    },

    async fraudEvidence(eventDocumentId: string, ipHash: string, personKey: string, burstSince: Date) {
      const [entriesFromIp, recentEntriesFromIp, recent] = await Promise.all([
        query().count({ where: { eventDocumentId, ipHash } }),
        query().count({ where: { eventDocumentId, ipHash, createdAt: { $gte: burstSince } } }),
        // Near-duplicate names are looked for among the latest 200 entries of other persons.
        query().findMany({
          select: ['publicId', 'nameKey'],
          where: { eventDocumentId, personKey: { $ne: personKey }, nameKey: { $notNull: true } },
          orderBy: { id: 'desc' },
          limit: 200,
        }),
      ]);
      return {
        entriesFromIp,
        recentEntriesFromIp,
        otherNames: recent.map((row: any) => ({ publicId: row.publicId, nameKey: row.nameKey })),
      };
    },

    findByPublicId(publicId: string): Promise<EntryRow | null> {
      return query().findOne({ where: { publicId } });
    },

    findManyByPublicIds(publicIds: string[]): Promise<EntryRow[]> {
      return publicIds.length === 0
        ? Promise.resolve([])
        : query().findMany({ where: { publicId: { $in: publicIds } } });
    },

    async list(eventDocumentId: string, filters: EntryFilters) {
      const where: any = { eventDocumentId };
      if (filters.status) where.entryStatus = filters.status;
      if (filters.signal) where.signalTypes = { $contains: filters.signal };
      if (filters.q) {
        where.$or = [
          { name: { $containsi: filters.q } },
          { email: { $containsi: filters.q } },
          { publicId: { $startsWith: filters.q.toLowerCase() } },
        ];
      }
      const [rows, total] = await Promise.all([
        query().findMany({
          where,
          orderBy: { id: 'desc' },
          offset: (filters.page - 1) * filters.pageSize,
          limit: filters.pageSize,
        }),
        query().count({ where }),
      ]);
      return { rows: rows as EntryRow[], total };
    },

    /** Every entry of a contest, oldest first (CSV export, statistics). */
    allOf(eventDocumentId: string, select?: (keyof EntryRow)[]): Promise<EntryRow[]> {
      return query().findMany({
        where: { eventDocumentId },
        orderBy: { id: 'asc' },
        ...(select && { select }),
      });
    },

    /**
     * What the draw freezes: valid entries, public id and person key only. Read with the query
     * builder rather than the ORM: hydrating 100,000 rows through the ORM costs seconds.
     */
    async validForDraw(eventDocumentId: string): Promise<{ publicId: string; personKey: string }[]> {
      const rows = await strapi.db
        .connection(TABLE)
        .select('public_id', 'person_key')
        .where({ event_document_id: eventDocumentId, entry_status: 'valid' });
      return rows.map((row: any) => ({ publicId: row.public_id, personKey: row.person_key }));
    },

    countByStatus: async (eventDocumentId: string): Promise<Record<EntryStatus, number>> => {
      const [valid, review, invalidated] = await Promise.all(
        (['valid', 'review', 'invalidated'] as const).map((entryStatus) =>
          query().count({ where: { eventDocumentId, entryStatus } })
        )
      );
      return { valid, review, invalidated };
    },

    async setStatus(publicId: string, entryStatus: EntryStatus, invalidationReason: string | null) {
      return query().update({
        where: { publicId },
        data: { entryStatus, invalidationReason },
      }) as Promise<EntryRow>;
    },

    /**
     * Erases what identifies a person and keeps what the draw needs: public id, status, slot and a
     * person key replaced by a random token (the same for all of that person's entries, so the
     * entries still count as one person and the slot indexes still hold).
     */
    async erase(entries: EntryRow[], erasedAt: Date): Promise<number> {
      const tokens = new Map<string, string>();
      for (const entry of entries) {
        const group = `${entry.eventDocumentId}\u0000${entry.personKey}`;
        if (!tokens.has(group)) tokens.set(group, `erased:${randomBytes(12).toString('hex')}`);
        await query().update({
          where: { id: entry.id },
          data: {
            personKey: tokens.get(group),
            phoneKey: null,
            name: null,
            nameKey: null,
            email: null,
            phone: null,
            country: null,
            birthDate: null,
            answers: null,
            ipHash: null,
            consents: { rules: true, erased: true },
            erasedAt,
          },
        });
      }
      return entries.length;
    },

    /** All entries of the person behind this entry, in every contest (erasure is per person). */
    async samePersonAs(entry: EntryRow): Promise<EntryRow[]> {
      if (entry.erasedAt) return [entry];
      return query().findMany({ where: { personKey: entry.personKey, erasedAt: { $null: true } } });
    },

    notErased(eventDocumentId: string): Promise<EntryRow[]> {
      return query().findMany({ where: { eventDocumentId, erasedAt: { $null: true } } });
    },
  };
};

export type EntriesRepository = ReturnType<typeof entriesRepository>;
