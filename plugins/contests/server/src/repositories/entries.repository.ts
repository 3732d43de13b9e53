import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { findPage, modelOf } from '@porte-voix/kit/server';

import { ENTRY_UID } from '../content-types';
import type { FraudSignal } from '../domain/fraud-signals';

export type EntryStatus = 'valid' | 'review' | 'invalidated' | 'unconfirmed';

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
  /** SHA-256 of the confirmation link's token (double opt-in); the token itself is never stored. */
  confirmationTokenHash: string | null;
  confirmedAt: string | null;
  createdAt: string;
};

export type NewEntry = Omit<
  EntryRow,
  | 'id'
  | 'documentId'
  | 'slot'
  | 'erasedAt'
  | 'createdAt'
  | 'invalidationReason'
  | 'confirmationTokenHash'
  | 'confirmedAt'
>;

/** What the entry path knows of an entry it has just stored. */
export type StoredEntry = NewEntry & Pick<EntryRow, 'slot' | 'entryStatus'>;

export type EntryFilters = {
  status?: EntryStatus;
  signal?: string;
  q?: string;
  page: number;
  pageSize: number;
};

/**
 * SQL for the UTC quarter hour (seconds since 1970 / 900) of the column `createdAt`. SQLite holds Strapi's
 * datetimes as milliseconds (older rows may be ISO text); PostgreSQL and MySQL hold them as UTC
 * wall-clock values without a zone, read here without any session time zone.
 */
function quarterHourOf(client: string, createdAt: string): string {
  switch (client) {
    case 'postgres':
      return `floor(extract(epoch from ${createdAt}) / 900)`;
    case 'mysql':
      return `floor(timestampdiff(second, '1970-01-01 00:00:00', ${createdAt}) / 900)`;
    default:
      return `cast(case when typeof(${createdAt}) in ('integer', 'real') then ${createdAt} / 1000 else strftime('%s', ${createdAt}) end as integer) / 900`;
  }
}

/**
 * Newest first, in the order of the indexes that end in created_at (SQLite appends the row id to
 * every index): the database reads as many keys as the limit asks and stops, with no sort.
 */
const newestFirst = (createdAt: string) => [
  { column: createdAt, order: 'desc' as const },
  { column: 'id', order: 'desc' as const },
];

/** Entries are rows with personal data: only this file reads or writes them. */
export const entriesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(ENTRY_UID);

  /**
   * One INSERT and nothing else. The ORM's create also opens a transaction for relations the
   * entry does not have and reads the row back, two statements the entry path does not need.
   * The row is what the ORM would write: columns from the model, JSON stringified, timestamps
   * as dates, and the public id as the document id (the entry is never a Strapi document).
   */
  const insertRow = async (entry: NewEntry, fields: Pick<EntryRow, 'slot' | 'entryStatus'>) => {
    const model = strapi.db.metadata.get(ENTRY_UID as any);
    const now = new Date();
    const data: Record<string, unknown> = {
      ...entry,
      ...fields,
      documentId: entry.publicId,
      createdAt: now,
      updatedAt: now,
    };
    const row: Record<string, unknown> = {};
    for (const [attribute, value] of Object.entries(data)) {
      const definition = model.attributes[attribute] as { type: string; columnName?: string } | undefined;
      if (!definition) throw new Error(`${ENTRY_UID} has no attribute ${attribute}`);
      row[definition.columnName ?? attribute] =
        definition.type === 'json' && value != null ? JSON.stringify(value) : (value ?? null);
    }
    await strapi.db.connection(model.tableName).insert(row);
    return { ...entry, ...fields };
  };

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
    async insertInFreeSlot(entry: NewEntry, cap: number): Promise<StoredEntry | null> {
      for (let slot = 1; slot <= cap; slot += 1) {
        try {
          return await insertRow(entry, { slot, entryStatus: entry.entryStatus });
        } catch (error) {
          // Any failure is re-examined: if the slot is now held, it was the unique index speaking.
          if (!(await slotTaken(entry, slot))) throw error;
        }
      }
      return null;
    },

    /** Stores an entry that waits for its confirmation: it holds no slot until confirmed. */
    insertUnconfirmed(entry: NewEntry): Promise<StoredEntry> {
      return insertRow(entry, { slot: null, entryStatus: 'unconfirmed' });
    },

    /** How many slots the person (by email or phone key) holds, and whether an entry waits for confirmation. */
    async personStanding(entry: Pick<NewEntry, 'eventDocumentId' | 'personKey' | 'phoneKey'>) {
      const person = {
        eventDocumentId: entry.eventDocumentId,
        $or: [{ personKey: entry.personKey }, ...(entry.phoneKey ? [{ phoneKey: entry.phoneKey }] : [])],
      };
      const [held, waiting] = await Promise.all([
        query().count({ where: { ...person, slot: { $notNull: true } } }),
        query().count({ where: { ...person, entryStatus: 'unconfirmed' } }),
      ]);
      return { held, waiting };
    },

    /** Moves a confirmed entry into the first free slot; false when the person holds them all. */
    async confirmInFreeSlot(entry: EntryRow, status: EntryStatus, cap: number, now: Date): Promise<boolean> {
      for (let slot = 1; slot <= cap; slot += 1) {
        try {
          const { count } = await query().updateMany({
            where: { id: entry.id, entryStatus: 'unconfirmed' },
            data: { slot, entryStatus: status, confirmationTokenHash: null, confirmedAt: now },
          });
          return count === 1;
        } catch (error) {
          if (!(await slotTaken(entry as NewEntry, slot))) throw error;
        }
      }
      return false;
    },

    setConfirmationToken(publicId: string, confirmationTokenHash: string) {
      return query().updateMany({
        where: { publicId, entryStatus: 'unconfirmed' },
        data: { confirmationTokenHash },
      });
    },

    findUnconfirmedByToken(confirmationTokenHash: string): Promise<EntryRow | null> {
      return query().findOne({ where: { confirmationTokenHash, entryStatus: 'unconfirmed' } });
    },

    deleteById(id: number) {
      return query().delete({ where: { id } });
    },

    /** Unconfirmed entries made before `before` are deleted, personal data and all. */
    async deleteUnconfirmedBefore(before: Date): Promise<number> {
      const { count } = await query().deleteMany({
        where: { entryStatus: 'unconfirmed', createdAt: { $lt: before } },
      });
      return count;
    },

    /**
     * What the fraud signals weigh, read with bounded queries only: the entry path must cost the
     * same in an empty contest and in one with 100,000 entries from one network. Counts stop at
     * the threshold that decides the signal (beyond it the figure changes nothing); both come from
     * one read of the (event, IP, created) index, newest first; and the near-duplicate
     * names come from the latest 200 entries through the (event, created) index.
     */
    async fraudEvidence(
      eventDocumentId: string,
      ipHash: string,
      personKey: string,
      burstSince: Date,
      limits: { ipEntries: number; burstEntries: number }
    ) {
      const { table, column } = modelOf(strapi, ENTRY_UID);
      // The query builder, not the ORM, for both: the ORM's compiling and hydrating would cost
      // more than the reads themselves (200 rows per entry for the names).
      const [fromIp, recent] = await Promise.all([
        // One read of the address's newest entries serves both counts: newest first, so the ones
        // inside the burst window come first, and neither count needs more than its threshold.
        strapi.db
          .connection(table)
          .select({ createdAt: column('createdAt') })
          .where({ [column('eventDocumentId')]: eventDocumentId, [column('ipHash')]: ipHash })
          .orderBy(newestFirst(column('createdAt')))
          .limit(Math.max(limits.ipEntries, limits.burstEntries)),
        strapi.db
          .connection(table)
          .select({
            publicId: column('publicId'),
            nameKey: column('nameKey'),
            personKey: column('personKey'),
          })
          .where({ [column('eventDocumentId')]: eventDocumentId })
          .orderBy(newestFirst(column('createdAt')))
          .limit(200),
      ]);
      // A timestamp, a number of milliseconds (SQLite) or ISO text (older SQLite rows), as the ORM reads it.
      const inBurst = fromIp.filter((row: any) => new Date(row.createdAt).getTime() >= burstSince.getTime());
      return {
        entriesFromIp: Math.min(fromIp.length, limits.ipEntries),
        recentEntriesFromIp: Math.min(inBurst.length, limits.burstEntries),
        // Filtered here rather than in SQL, so that the database walks the index and stops at 200.
        otherNames: recent
          .filter((row: any) => row.personKey !== personKey && row.nameKey)
          .map((row: any) => ({ publicId: row.publicId, nameKey: row.nameKey })),
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
      return findPage<EntryRow>(query(), {
        where,
        orderBy: { id: 'desc' },
        page: filters.page,
        pageSize: filters.pageSize,
      });
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
      const { table, column } = modelOf(strapi, ENTRY_UID);
      const rows = await strapi.db
        .connection(table)
        .select({ publicId: column('publicId'), personKey: column('personKey') })
        .where({ [column('eventDocumentId')]: eventDocumentId, [column('entryStatus')]: 'valid' });
      return rows.map((row: any) => ({ publicId: row.publicId, personKey: row.personKey }));
    },

    /** Entries per status, one GROUP BY over the (event, status) index. */
    async countByStatus(eventDocumentId: string): Promise<Record<EntryStatus, number>> {
      const { table, column } = modelOf(strapi, ENTRY_UID);
      const rows = await strapi.db
        .connection(table)
        .select({ status: column('entryStatus') })
        .count({ entries: '*' })
        .where({ [column('eventDocumentId')]: eventDocumentId })
        .groupBy(column('entryStatus'));
      const counts = { valid: 0, review: 0, invalidated: 0, unconfirmed: 0 };
      for (const row of rows as any[]) counts[row.status as EntryStatus] = Number(row.entries);
      return counts;
    },

    /** Entries per UTC quarter hour, read from the (event, created) index alone. */
    async entriesPerQuarterHour(eventDocumentId: string): Promise<{ quarter: number; entries: number }[]> {
      const knex = strapi.db.connection;
      const { table, column } = modelOf(strapi, ENTRY_UID);
      const rows = await knex(table)
        .select(knex.raw(`${quarterHourOf(strapi.db.dialect.client, column('createdAt'))} as quarter`))
        .count({ entries: '*' })
        .where({ [column('eventDocumentId')]: eventDocumentId })
        .groupBy('quarter');
      return (rows as any[]).map((row) => ({ quarter: Number(row.quarter), entries: Number(row.entries) }));
    },

    /** How many entries carry each signal, from the (event, signal types) index alone. */
    async signalCounts(eventDocumentId: string): Promise<Record<string, number>> {
      const { table, column } = modelOf(strapi, ENTRY_UID);
      const rows = await strapi.db
        .connection(table)
        .select({ signals: column('signalTypes') })
        .count({ entries: '*' })
        .where({ [column('eventDocumentId')]: eventDocumentId })
        .whereNotNull(column('signalTypes'))
        .groupBy(column('signalTypes'));
      const counts: Record<string, number> = {};
      for (const row of rows as any[]) {
        for (const type of String(row.signals).split(',')) {
          counts[type] = (counts[type] ?? 0) + Number(row.entries);
        }
      }
      return counts;
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
