/**
 * The only code that touches collector jobs: named pieces of work every instance may do but only
 * one at a time (looking for new deliveries, the nightly rebuild and retention), and per-post
 * refresh slots. A job is taken with the same leased claim as the deliveries' rows.
 */
import type { Core } from '@strapi/strapi';
import { claimLeased, modelOf, renewLease } from '@porte-voix/kit/server';

import { COLLECTOR_JOB_UID } from '../content-types';

export type CollectorJobRow = {
  id: number;
  name: string;
  cursorId: number | null;
  nextRunAt: string | null;
  lastRunAt: string | null;
  leaseOwner: string | null;
  leaseUntil: string | null;
};

export const collectorJobsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(COLLECTOR_JOB_UID);

  const find = (name: string): Promise<CollectorJobRow | null> => query().findOne({ where: { name } });

  /** Creates the job, due at `firstRunAt`, unless it exists (the unique index on the name is the judge). */
  async function ensure(name: string, firstRunAt: Date): Promise<void> {
    if (await find(name)) return;
    try {
      await query().create({ data: { name, nextRunAt: firstRunAt } });
    } catch (error) {
      if (!(await find(name))) throw error;
    }
  }

  return {
    find,

    /**
     * Takes the job for `owner` when it is due and nobody holds it; it stays taken for `leaseMs` (the
     * job is due again then, should the instance stop). Answers the job, or null.
     */
    async take(name: string, owner: string, leaseMs: number, firstRunAt = new Date(0)) {
      await ensure(name, firstRunAt);
      const ids = await claimLeased(strapi, {
        uid: COLLECTOR_JOB_UID,
        dueAttribute: 'nextRunAt',
        pushDue: true,
        owner,
        leaseMs,
        limit: 1,
        where: {
          sql: `t.${modelOf(strapi, COLLECTOR_JOB_UID).column('name')} = :jobName`,
          bindings: { jobName: name },
        },
      });
      return ids.length === 0 ? null : find(name);
    },

    /** Keeps the job another `leaseMs` (a long run); false when it was lost. */
    async extend(job: CollectorJobRow, owner: string, leaseMs: number): Promise<boolean> {
      return (await renewLease(strapi, COLLECTOR_JOB_UID, [job.id], owner, leaseMs)) === 1;
    },

    /** Saves progress while `owner` holds the job. */
    async saveCursor(job: CollectorJobRow, owner: string, cursor: number): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id: job.id, leaseOwner: owner },
        data: { cursorId: cursor },
      });
      return count > 0;
    },

    /** Gives the job back, due next at `nextRunAt`; `lastRunAt` when the run completed. */
    async finish(job: CollectorJobRow, owner: string, nextRunAt: Date, lastRunAt?: Date): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { id: job.id, leaseOwner: owner },
        data: { nextRunAt, ...(lastRunAt && { lastRunAt }), leaseOwner: null, leaseUntil: null },
      });
      return count > 0;
    },

    /** Forgets slots (jobs named with `prefix`) that came free before `before`. */
    async forgetSlots(prefix: string, before: Date): Promise<number> {
      const { count } = await query().deleteMany({
        where: { name: { $startsWith: prefix }, nextRunAt: { $lt: before } },
      });
      return count;
    },
  };
};

export type CollectorJobsRepository = ReturnType<typeof collectorJobsRepository>;
