/**
 * The only code that touches account stats: one row per connected account with its latest
 * follower count, when it is read next, and the lease of the instance reading it.
 */
import type { Core } from '@strapi/strapi';

import { ACCOUNT_STAT_UID } from '../content-types';
import { claimLeased } from '@porte-voix/kit/server';

export type AccountStatRow = {
  id: number;
  accountId: number;
  network: string;
  followers: number | null;
  followersAt: string | null;
  stateReason: string | null;
  nextCollectAt: string | null;
  leaseOwner: string | null;
};

export const accountStatsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(ACCOUNT_STAT_UID);

  return {
    findAll: (): Promise<AccountStatRow[]> => query().findMany({ orderBy: [{ accountId: 'asc' }] }),

    /**
     * Adds the accounts not seen yet (read at once), stops reading the ones that are gone, and
     * starts again on any that came back. The unique index on the account is the judge of a race.
     */
    async sync(accounts: Array<{ accountId: number; network: string }>, now: Date): Promise<void> {
      const rows: AccountStatRow[] = await this.findAll();
      const known = new Map(rows.map((row) => [Number(row.accountId), row]));
      const current = new Set(accounts.map((account) => account.accountId));
      for (const account of accounts) {
        const row = known.get(account.accountId);
        if (!row) {
          try {
            await query().create({ data: { ...account, nextCollectAt: now } });
          } catch (error) {
            if (!(await query().findOne({ where: { accountId: account.accountId } }))) throw error;
          }
        } else if (row.nextCollectAt === null) {
          await query().updateMany({
            where: { id: row.id, nextCollectAt: null },
            data: { nextCollectAt: now, network: account.network, stateReason: null },
          });
        }
      }
      const gone = rows.filter((row) => !current.has(Number(row.accountId)) && row.nextCollectAt !== null);
      if (gone.length > 0)
        await query().updateMany({
          where: { id: { $in: gone.map((row) => row.id) } },
          data: { nextCollectAt: null, stateReason: 'The account was removed from cross-post.' },
        });
    },

    claimDue: (claim: { owner: string; leaseMs: number; limit: number }) =>
      claimLeased(strapi, { uid: ACCOUNT_STAT_UID, dueAttribute: 'nextCollectAt', pushDue: true, ...claim }),

    findHeld: (ids: number[], owner: string): Promise<AccountStatRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : query().findMany({ where: { id: { $in: ids }, leaseOwner: owner } }),

    /** Writes while `owner` holds the lease, and gives it back. */
    async settle(id: number, owner: string, data: Record<string, unknown>): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id, leaseOwner: owner },
        data: { ...data, leaseOwner: null, leaseUntil: null },
      });
      return count > 0;
    },

    /** A reading taken outside the daily round (at a publication): the latest count, nothing else. */
    async recordReading(accountId: number, followers: number | null, at: Date): Promise<void> {
      await query().updateMany({
        where: { accountId, $or: [{ followersAt: null }, { followersAt: { $lt: at } }] },
        data: { followers, followersAt: at },
      });
    },
  };
};

export type AccountStatsRepository = ReturnType<typeof accountStatsRepository>;
