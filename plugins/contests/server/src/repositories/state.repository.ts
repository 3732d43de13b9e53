import type { Core } from '@strapi/strapi';

import { STATE_UID } from '../content-types';

export type ClaimStatus = 'pending' | 'claimed' | 'forfeited';

export type Claim = {
  publicId: string;
  role: 'winner' | 'substitute';
  status: ClaimStatus;
  deadline: string;
  notification: 'sending' | 'sent' | 'failed' | 'no_email';
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

    /** Applies the change only if nobody changed the state since `expected` was read. */
    async update(expected: ContestState, data: Partial<ContestState>): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id: expected.id, version: expected.version },
        data: { ...data, version: expected.version + 1 },
      });
      return count === 1;
    },
  };
};

export type StateRepository = ReturnType<typeof stateRepository>;
