/**
 * The metrics collector runs on every instance (collector/schedule.ts says when). It only works on
 * rows it leased in the database (see repositories/sql.ts), so instances never ask a network for
 * the same delivery twice; cross-post's `metrics` service does the asking, with publishing first.
 */
import type { Core } from '@strapi/strapi';

import { collectRound } from './collector/collect';
import { createCollector } from './collector/context';
import { followersRound } from './collector/followers';
import { nightlyIfDue, runNightlyWork } from './collector/nightly';
import { pickUp } from './collector/pickup';
import { rebuildDailies, type RebuildFilter } from './collector/rebuild';
import { refreshPost } from './collector/refresh';
import { applyRetention } from './collector/retention';
import { createSchedule, runTick } from './collector/schedule';

const collectorService = ({ strapi }: { strapi: Core.Strapi }) => {
  const c = createCollector(strapi);
  return {
    owner: c.owner,
    ...createSchedule(c),

    /** One tick, for tests and scripts that run with the collector off. */
    tick: () => runTick(c),
    pickUp: () => pickUp(c),
    collectRound: () => collectRound(c),
    followersRound: () => followersRound(c),
    nightlyIfDue: () => nightlyIfDue(c),
    /** The nightly work now, whatever the time (`previousRun` null: everything). */
    runNightlyWork: (now = new Date(), previousRun: Date | null = null) =>
      runNightlyWork(c, now, previousRun, async () => {}),
    rebuild: (filter: RebuildFilter = {}, now = new Date()) => rebuildDailies(c, filter, now),
    applyRetention: (now = new Date(), previousRun: Date | null = null) =>
      applyRetention(c, now, previousRun),
    refreshPost: (postDocumentId: string) => refreshPost(c, postDocumentId),
  };
};

export type CollectorService = ReturnType<typeof collectorService>;
export default collectorService;
