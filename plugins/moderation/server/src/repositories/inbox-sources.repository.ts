/**
 * The only code that touches inbox sources: one row per cross-post account whose replies and
 * mentions the inbox collects. Several instances share the work through a lease taken in one
 * statement (the kit's `claimLeased`, as the engagement collector's): a due source nobody holds is
 * claimed with `UPDATE … RETURNING` (`FOR UPDATE SKIP LOCKED` on PostgreSQL and MySQL), so two
 * instances never read the same account at once, and the next read is planned by the database's
 * clock, never an instance's. Tested on SQLite and PostgreSQL.
 */
import type { Core } from '@strapi/strapi';
import type { InboxErrorKind } from '@porte-voix/kit/contracts';
import {
  claimLeased,
  clientOf,
  clockBindings,
  databaseNow,
  modelOf,
  readDate,
  rowsChanged,
} from '@porte-voix/kit/server';

import { INBOX_SOURCE_UID } from '../utils/uids';

export type InboxSource = {
  id: number;
  accountId: number;
  network: string;
  accountName: string | null;
  since: Date | null;
  collectedCount: number;
};

export const inboxSourcesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(INBOX_SOURCE_UID);
  const client = () => clientOf(strapi);

  return {
    /** The account ids that already have a source. */
    async accountIds(): Promise<Set<number>> {
      const rows = await query().findMany({ select: ['accountId'] });
      return new Set(rows.map((row: any) => Number(row.accountId)));
    },

    /** A source for a newly published account, due now; false when another instance added it first. */
    async add(source: { accountId: number; network: string; accountName: string; since: Date }) {
      try {
        await query().create({ data: { ...source, nextRunAt: new Date(0), collectedCount: 0 } });
        return true;
      } catch (error) {
        // The unique account index: another instance added it meanwhile.
        if (await query().findOne({ where: { accountId: source.accountId }, select: ['id'] })) return false;
        throw error;
      }
    },

    /**
     * Claims up to `limit` due sources nobody holds, for `owner`, for `leaseMs` from the database's
     * now; answers them. The due time moves to the lease's end too, so a source whose instance died
     * falls due again when the lease runs out.
     */
    async claimDue(claim: { owner: string; leaseMs: number; limit: number }): Promise<InboxSource[]> {
      const ids = await claimLeased(strapi, {
        ...claim,
        uid: INBOX_SOURCE_UID,
        dueAttribute: 'nextRunAt',
        pushDue: true,
      });
      if (ids.length === 0) return [];
      const rows = await query().findMany({ where: { id: { $in: ids }, leaseOwner: claim.owner } });
      return rows.map((row: any) => ({
        id: row.id,
        accountId: Number(row.accountId),
        network: row.network,
        accountName: row.accountName ?? null,
        since: readDate(row.since),
        collectedCount: Number(row.collectedCount ?? 0),
      }));
    },

    /**
     * Gives the source back, due again `inMs` from the database's now (or at `at`, the network's own
     * wait), with what the read met; only while `owner` still holds it. False when it no longer did.
     */
    async release(
      id: number,
      owner: string,
      outcome: {
        inMs: number;
        at?: Date | null;
        collected: number;
        error: string | null;
        errorKind?: InboxErrorKind | null;
        /** With a notice: its codes (kit contracts' INBOX_NOTICES), what the panel says in each language. */
        notices?: string[];
      }
    ): Promise<boolean> {
      const { table: t, column: c } = modelOf(strapi, INBOX_SOURCE_UID);
      const dialect = client();
      const nextRunAt = outcome.at ? ':at' : databaseNow(dialect, 'inMs');
      const result = await strapi.db.connection.raw(
        `UPDATE ${t} SET ${c('leaseOwner')} = NULL, ${c('leaseUntil')} = NULL, ${c('nextRunAt')} = ${nextRunAt},
           ${c('lastCollectedAt')} = ${databaseNow(dialect)}, ${c('lastError')} = :error, ${c('lastErrorKind')} = :errorKind,
           ${c('notices')} = :notices, ${c('collectedCount')} = ${c('collectedCount')} + :collected
         WHERE id = :id AND ${c('leaseOwner')} = :owner`,
        {
          id,
          owner,
          inMs: outcome.inMs,
          // Stored as Strapi stores datetimes on each dialect (milliseconds on SQLite).
          ...(outcome.at && { at: dialect === 'sqlite' ? outcome.at.getTime() : outcome.at }),
          collected: outcome.collected,
          error: outcome.error ? outcome.error.slice(0, 1000) : null,
          errorKind: outcome.error ? (outcome.errorKind ?? 'failed') : null,
          // Codes hold no space: it separates them.
          notices: outcome.notices?.length ? outcome.notices.join(' ').slice(0, 255) : null,
          ...clockBindings(),
        }
      );
      return rowsChanged(dialect, result) > 0;
    },

    /** Every source, for the admin's view of collection. */
    list: (): Promise<any[]> => query().findMany({ orderBy: [{ network: 'asc' }, { accountName: 'asc' }] }),
  };
};

export type InboxSourcesRepository = ReturnType<typeof inboxSourcesRepository>;
