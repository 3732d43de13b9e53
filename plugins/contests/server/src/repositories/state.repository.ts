import type { Core } from '@strapi/strapi';

import { STATE_UID } from '../content-types';

export type ClaimStatus = 'pending' | 'claimed' | 'forfeited';

export type Claim = {
  publicId: string;
  role: 'winner' | 'substitute';
  status: ClaimStatus;
  /** Null until the winner's e-mail is sent: the claim period runs from then. */
  deadline: string | null;
  /** queued in the outbox, sent, given up after every retry (failed), or no address left (no_email). */
  notification: 'queued' | 'sent' | 'failed' | 'no_email';
  notifiedAt: string | null;
  claimedAt?: string;
  forfeitedAt?: string;
  forfeitReason?: string;
  /** The forfeited claim this one took over. */
  replaces?: string;
};

export type ContestState = {
  id: number;
  eventDocumentId: string;
  commitment: string;
  seed: string;
  committedAt: string;
  beacon: string | null;
  entriesHash: string | null;
  entryIds: string[] | null;
  entryPersons: Record<string, string> | null;
  ranking: string[] | null;
  winners: string[] | null;
  substitutes: string[] | null;
  drawnAt: string | null;
  claims: Claim[] | null;
  purgedAt: string | null;
  version: number;
};

/** The state without its three lists of every entry (megabytes at 100,000 entries). */
export type ContestStateSummary = Omit<ContestState, 'entryIds' | 'entryPersons' | 'ranking'>;

const SUMMARY_FIELDS = [
  'id',
  'eventDocumentId',
  'commitment',
  'seed',
  'committedAt',
  'beacon',
  'entriesHash',
  'winners',
  'substitutes',
  'drawnAt',
  'claims',
  'purgedAt',
  'version',
];

/**
 * One row per contest. Every change is a conditional update on `version` (compare-and-set), so
 * two instances or two clicks can never both draw, or both pass a prize to a substitute.
 */
export const stateRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(STATE_UID);

  return {
    find(eventDocumentId: string): Promise<ContestState | null> {
      return query().findOne({ where: { eventDocumentId } });
    },

    /**
     * The state without the lists of every entry: what the draw's checks, the claims, the winners'
     * e-mails and the sweeps read, each many times, without parsing megabytes of JSON each time.
     */
    findSummary(eventDocumentId: string): Promise<ContestStateSummary | null> {
      return query().findOne({ where: { eventDocumentId }, select: SUMMARY_FIELDS });
    },

    findMany(eventDocumentIds: string[]): Promise<ContestState[]> {
      return query().findMany({ where: { eventDocumentId: { $in: eventDocumentIds } } });
    },

    /** Creates the state with its commitment; null when the contest already had one (unique index). */
    async createCommitted(eventDocumentId: string, commitment: string, seed: string, committedAt: Date) {
      try {
        return (await query().create({
          data: { eventDocumentId, commitment, seed, committedAt, version: 0 },
        })) as ContestState;
      } catch (error) {
        if (await query().count({ where: { eventDocumentId } })) return null;
        throw error;
      }
    },

    /**
     * The database's clock, which every instance shares: sweeps judge deadlines by it, so an
     * instance whose clock runs ahead never takes a prize from a winner early.
     */
    async databaseNow(): Promise<Date> {
      const client = strapi.db.dialect.client;
      const sql =
        client === 'postgres'
          ? 'SELECT floor(extract(epoch FROM clock_timestamp()) * 1000) AS ms'
          : client === 'mysql'
            ? 'SELECT floor(UNIX_TIMESTAMP(NOW(3)) * 1000) AS ms'
            : "SELECT CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) AS ms";
      const result = await strapi.db.connection.raw(sql);
      const row = client === 'postgres' ? result.rows[0] : client === 'mysql' ? result[0][0] : result[0];
      return new Date(Number(row.ms));
    },

    /** Applies the change only if nobody changed the state since `expected` was read. */
    async update(
      expected: Pick<ContestState, 'id' | 'version'>,
      data: Partial<ContestState>
    ): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id: expected.id, version: expected.version },
        data: { ...data, version: expected.version + 1 },
      });
      return count === 1;
    },
  };
};

export type StateRepository = ReturnType<typeof stateRepository>;
