/**
 * The only code that touches listening sources: one row per (saved search, source), a source being
 * a network's search through one of cross-post's accounts or a feed. Instances share the work as the
 * inbox does: a due source nobody holds is claimed with a lease in one statement (the kit's
 * `claimLeased`: `UPDATE … RETURNING`, `FOR UPDATE SKIP LOCKED` on PostgreSQL and MySQL) by the
 * database's clock, so two instances never read one source at once; the cursor moves only while the
 * lease is still held.
 */
import type { ListeningErrorKind } from '@porte-voix/kit/contracts';
import type { Core } from '@strapi/strapi';
import {
  claimLeased,
  clientOf,
  clockBindings,
  databaseNow,
  modelOf,
  rowsChanged,
} from '@porte-voix/kit/server';

import { LISTENING_SOURCE_UID } from '../utils/uids';

export type ListeningSource = {
  id: number;
  searchId: number;
  sourceKey: string;
  network: string;
  accountId: number | null;
  feedUrl: string | null;
  cursor: string | null;
  createdAt: Date;
};

export type ListeningSourceWish = {
  sourceKey: string;
  network: string;
  accountId: number | null;
  feedUrl: string | null;
};

const toSource = (row: any): ListeningSource => ({
  id: row.id,
  searchId: Number(row.searchId),
  sourceKey: row.sourceKey,
  network: row.network,
  accountId: row.accountId === null || row.accountId === undefined ? null : Number(row.accountId),
  feedUrl: row.feedUrl ?? null,
  cursor: row.cursor ?? null,
  createdAt: row.createdAt instanceof Date ? row.createdAt : new Date(row.createdAt),
});

export const listeningSourcesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(LISTENING_SOURCE_UID);
  const client = () => clientOf(strapi);

  return {
    /**
     * Makes the search's sources what it asks for: new ones due now, gone ones deleted, kept ones
     * keep their cursor (a search edited is never read again from the start).
     */
    async sync(searchId: number, wishes: ListeningSourceWish[]): Promise<void> {
      const rows = await query().findMany({ where: { searchId }, select: ['id', 'sourceKey'] });
      const wanted = new Set(wishes.map((w) => w.sourceKey));
      const gone = rows.filter((row: any) => !wanted.has(row.sourceKey)).map((row: any) => row.id);
      if (gone.length > 0) await query().deleteMany({ where: { id: { $in: gone } } });
      const known = new Set(rows.map((row: any) => row.sourceKey));
      for (const wish of wishes.filter((w) => !known.has(w.sourceKey))) {
        try {
          await query().create({
            data: { ...wish, searchId, nextRunAt: new Date(0), collectedCount: 0, notAvailable: false },
          });
        } catch (error) {
          // The unique (search, source) index: another request added it meanwhile.
          if (!(await query().findOne({ where: { searchId, sourceKey: wish.sourceKey }, select: ['id'] })))
            throw error;
        }
      }
    },

    deleteOfSearch: (searchId: number) => query().deleteMany({ where: { searchId } }),

    /** Every source of these searches, for the admin. */
    listOf: (searchIds: number[]): Promise<any[]> =>
      searchIds.length === 0
        ? Promise.resolve([])
        : query().findMany({ where: { searchId: { $in: searchIds } }, orderBy: [{ sourceKey: 'asc' }] }),

    /**
     * Claims up to `limit` due sources nobody holds, for `owner`, for `leaseMs` from the database's
     * now. The due time moves to the lease's end, so a source whose instance died falls due again
     * when the lease runs out.
     */
    async claimDue(claim: { owner: string; leaseMs: number; limit: number }): Promise<ListeningSource[]> {
      const ids = await claimLeased(strapi, {
        ...claim,
        uid: LISTENING_SOURCE_UID,
        dueAttribute: 'nextRunAt',
        pushDue: true,
      });
      if (ids.length === 0) return [];
      const rows = await query().findMany({ where: { id: { $in: ids }, leaseOwner: claim.owner } });
      return rows.map(toSource);
    },

    /** Moves the cursor once a page is stored; only while `owner` still holds the source. */
    async saveCursor(id: number, owner: string, cursor: string | null): Promise<boolean> {
      const changed = await query().updateMany({ where: { id, leaseOwner: owner }, data: { cursor } });
      return Number((changed as any)?.count ?? 0) > 0;
    },

    /**
     * Gives the source back, due again `inMs` from the database's now (or at `at`, the network's own
     * wait), with what the read met; only while `owner` still holds it.
     */
    async release(
      id: number,
      owner: string,
      outcome: {
        inMs: number;
        at?: Date | null;
        collected: number;
        error: string | null;
        /** What kind of trouble the error is, said in the editor's language (`failed` when not said). */
        errorKind?: ListeningErrorKind | null;
        notAvailable?: boolean;
      }
    ): Promise<boolean> {
      const { table: t, column: c } = modelOf(strapi, LISTENING_SOURCE_UID);
      const dialect = client();
      const nextRunAt = outcome.at ? ':at' : databaseNow(dialect, 'inMs');
      const result = await strapi.db.connection.raw(
        `UPDATE ${t} SET ${c('leaseOwner')} = NULL, ${c('leaseUntil')} = NULL, ${c('nextRunAt')} = ${nextRunAt},
           ${c('lastCollectedAt')} = ${databaseNow(dialect)}, ${c('lastError')} = :error,
           ${c('lastErrorKind')} = :errorKind, ${c('notAvailable')} = :notAvailable,
           ${c('collectedCount')} = ${c('collectedCount')} + :collected
         WHERE id = :id AND ${c('leaseOwner')} = :owner`,
        {
          id,
          owner,
          inMs: outcome.inMs,
          ...(outcome.at && { at: dialect === 'sqlite' ? outcome.at.getTime() : outcome.at }),
          collected: outcome.collected,
          error: outcome.error ? outcome.error.slice(0, 1000) : null,
          errorKind: outcome.error ? (outcome.errorKind ?? 'failed') : null,
          notAvailable:
            dialect === 'sqlite' ? Number(outcome.notAvailable ?? false) : (outcome.notAvailable ?? false),
          ...clockBindings(),
        }
      );
      return rowsChanged(dialect, result) > 0;
    },
  };
};
