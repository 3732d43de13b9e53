/**
 * The only code that touches social accounts. Credentials arrive here already sealed (the accounts
 * service encrypts and decrypts them) and never leave it in clear. Besides the account itself, the
 * row remembers what reading its metrics met (the read state, below).
 */
import type { Core } from '@strapi/strapi';
import { clockBindings, databaseNow, rowsChanged } from '@porte-voix/kit/server';

import type { NetworkId, QuotaLedger } from '../providers';
import { ACCOUNT_UID } from './uids';

export type AccountRow = {
  id: number;
  documentId: string;
  network: string;
  name: string;
  baseUrl: string;
  language: string | null;
  credentialsEncrypted: string;
  credentialsHint: Record<string, string> | null;
  rateLimitedUntil: string | Date | null;
  rateLimitReason: string | null;
  /** The day of a daily quota the account last spent units on (YouTube's, Pacific time), and how many. */
  quotaDay?: string | null;
  quotaUnitsSpent?: number | null;
};

/** The account's quota ledger, when it ever spent units. */
export const quotaLedgerOf = (row: Pick<AccountRow, 'quotaDay' | 'quotaUnitsSpent'>): QuotaLedger | null =>
  row.quotaDay ? { quotaDay: row.quotaDay, unitsSpent: row.quotaUnitsSpent ?? 0 } : null;

/**
 * What reading an account's metrics remembers on the account row: its own pause after a 429
 * (`metricsPausedUntil`, apart from publishing's `rateLimitedUntil`), a refused token
 * (`reconnectReason`), and where its replies stream was read up to (`repliesCursor`).
 */
export type AccountReadState = {
  id: number;
  network: NetworkId;
  name: string;
  rateLimitedUntil: Date | null;
  rateLimitReason: string | null;
  metricsPausedUntil: Date | null;
  metricsPauseReason: string | null;
  reconnectReason: string | null;
  repliesCursor: string | null;
  /** Since when the network's push connection (Discord's gateway) has heard the account without a gap. */
  gatewaySince: Date | null;
  /** When that connection last showed it was alive. */
  gatewayAliveAt: Date | null;
};

const READ_STATE_FIELDS = [
  'id',
  'network',
  'name',
  'rateLimitedUntil',
  'rateLimitReason',
  'metricsPausedUntil',
  'metricsPauseReason',
  'reconnectReason',
  'repliesCursor',
  'gatewaySince',
  'gatewayAliveAt',
];

const date = (value: unknown) => (value ? new Date(value as string) : null);

function toReadState(row: any): AccountReadState {
  return {
    id: row.id,
    network: row.network,
    name: row.name,
    rateLimitedUntil: date(row.rateLimitedUntil),
    rateLimitReason: row.rateLimitReason ?? null,
    metricsPausedUntil: date(row.metricsPausedUntil),
    metricsPauseReason: row.metricsPauseReason ?? null,
    reconnectReason: row.reconnectReason ?? null,
    repliesCursor: row.repliesCursor ?? null,
    gatewaySince: date(row.gatewaySince),
    gatewayAliveAt: date(row.gatewayAliveAt),
  };
}

export const accountsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(ACCOUNT_UID);
  const column = (name: string) =>
    (strapi.db.metadata.get(ACCOUNT_UID).attributes[name] as { columnName?: string }).columnName ?? name;
  return {
    /** By network, then name. */
    list: (): Promise<AccountRow[]> => query().findMany({ orderBy: [{ network: 'asc' }, { name: 'asc' }] }),

    findById: (id: number): Promise<AccountRow | null> => query().findOne({ where: { id } }),

    findByIds: (ids: number[]): Promise<AccountRow[]> => query().findMany({ where: { id: { $in: ids } } }),

    count: (): Promise<number> => query().count({}),

    create: (data: Omit<AccountRow, 'id' | 'rateLimitedUntil' | 'rateLimitReason'>): Promise<AccountRow> =>
      query().create({ data }),

    update: (id: number, data: Partial<Omit<AccountRow, 'id'>>): Promise<AccountRow> =>
      query().update({ where: { id }, data }),

    /** When the account may send again and why, in one statement (a 429 is met many times a minute). */
    async setRateLimit(id: number, rateLimitedUntil: Date, rateLimitReason: string): Promise<void> {
      await query().updateMany({ where: { id }, data: { rateLimitedUntil, rateLimitReason } });
    },

    async remove(id: number): Promise<void> {
      await query().delete({ where: { id } });
    },

    /** Accounts whose ciphertext is not yet bound to them (v1). */
    withUnboundCredentials: (): Promise<AccountRow[]> =>
      query().findMany({
        select: ['id', 'documentId', 'network', 'baseUrl', 'credentialsEncrypted'],
        where: { credentialsEncrypted: { $startsWith: 'v1:' } },
      }),

    /**
     * Takes the account's token-refresh lock for `ms` (by the database's clock) when nobody holds it:
     * one instance refreshes a rotating token, the others wait for its result.
     */
    async takeRefreshLock(id: number, owner: string, ms: number): Promise<boolean> {
      const table = strapi.db.metadata.get(ACCOUNT_UID).tableName;
      const client = strapi.db.dialect.client;
      const result = await strapi.db.connection.raw(
        `UPDATE ${table} SET ${column('refreshOwner')} = :owner, ${column('refreshUntil')} = ${databaseNow(client, 'ms')}
         WHERE id = :id AND (${column('refreshUntil')} IS NULL OR ${column('refreshUntil')} < ${databaseNow(client)})`,
        { id, owner, ms, ...clockBindings() }
      );
      return rowsChanged(client, result) > 0;
    },

    /**
     * Adds `units` to the ledger of `quotaDay` in one statement, starting it again on a new day: calls
     * at once (two instances, a publish beside an inbox read) all count. The query engine cannot add to
     * a column, hence the expression. The ledger as it stands after.
     */
    async spendQuotaUnits(id: number, quotaDay: string, units: number): Promise<QuotaLedger | null> {
      const knex = strapi.db.connection;
      const [day, spent] = [column('quotaDay'), column('quotaUnitsSpent')];
      // MariaDB assigns left to right: the units are counted before the day is replaced.
      await knex(strapi.db.metadata.get(ACCOUNT_UID).tableName)
        .where({ id })
        .update({
          [spent]: knex.raw('CASE WHEN ?? = ? THEN COALESCE(??, 0) + ? ELSE ? END', [
            day,
            quotaDay,
            spent,
            units,
            units,
          ]),
          [day]: quotaDay,
        });
      const row = await query().findOne({ where: { id }, select: ['quotaDay', 'quotaUnitsSpent'] });
      return row ? quotaLedgerOf(row) : null;
    },

    async releaseRefreshLock(id: number, owner: string): Promise<void> {
      await query().updateMany({
        where: { id, refreshOwner: owner },
        data: { refreshOwner: null, refreshUntil: null },
      });
    },

    /** Replaces the ciphertext only if it is still `expected` (nobody rewrote it meanwhile); true if it did. */
    async replaceCredentialsIf(id: number, expected: string, credentialsEncrypted: string): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id, credentialsEncrypted: expected },
        data: { credentialsEncrypted },
      });
      return count > 0;
    },

    async readState(id: number): Promise<AccountReadState | null> {
      const row = await query().findOne({ where: { id }, select: READ_STATE_FIELDS });
      return row ? toReadState(row) : null;
    },

    /** By network, then name. */
    async readStates(): Promise<AccountReadState[]> {
      const rows = await query().findMany({
        select: READ_STATE_FIELDS,
        orderBy: [{ network: 'asc' }, { name: 'asc' }],
      });
      return rows.map(toReadState);
    },

    /** Metrics wait for the network's reset; publishing is not held by this. */
    async pauseMetrics(id: number, until: Date, reason: string): Promise<void> {
      await query().update({
        where: { id },
        data: { metricsPausedUntil: until, metricsPauseReason: reason.slice(0, 500) },
      });
    },

    async needsReconnect(id: number, reason: string): Promise<void> {
      await query().update({ where: { id }, data: { reconnectReason: reason.slice(0, 1000) } });
    },

    /** A read went through: a past pause or refusal no longer applies (written only when one was set). */
    async readWentThrough(state: AccountReadState): Promise<void> {
      if (!state.metricsPausedUntil && !state.reconnectReason) return;
      await query().update({
        where: { id: state.id },
        data: { metricsPausedUntil: null, metricsPauseReason: null, reconnectReason: null },
      });
    },

    async saveRepliesCursor(id: number, cursor: string | null): Promise<void> {
      await query().update({ where: { id }, data: { repliesCursor: cursor } });
    },

    /**
     * The push connection is alive (`aliveAt`); `since`: it starts a session that missed what came
     * before (a new one, not a resumed one), null: it goes on without a gap.
     */
    async gatewayAlive(id: number, aliveAt: Date, since: Date | null): Promise<void> {
      await query().update({
        where: { id },
        data: { gatewayAliveAt: aliveAt, ...(since && { gatewaySince: since }) },
      });
    },
  };
};

/**
 * The table and the column of an account's wait, for the claims of the deliveries repository: a
 * claim skips accounts that are waiting in the same statement (it must be atomic), so it names them.
 */
export function accountWaitColumns(strapi: Core.Strapi) {
  const meta = strapi.db.metadata.get(ACCOUNT_UID);
  return {
    table: meta.tableName,
    rateLimitedUntil:
      (meta.attributes.rateLimitedUntil as { columnName?: string }).columnName ?? 'rateLimitedUntil',
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
