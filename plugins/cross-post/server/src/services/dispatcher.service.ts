/**
 * The dispatcher runs on every instance (dispatcher/schedule.ts says when). It only ever works on
 * deliveries it claimed in the database (see repositories/deliveries.repository.ts), so instances
 * never publish the same delivery twice.
 */
import type { Core } from '@strapi/strapi';

import { createDispatch } from './dispatcher/context';
import { runRound } from './dispatcher/round';
import { createSchedule } from './dispatcher/schedule';

export { backoffMs } from './dispatcher/outcome';

const dispatcherService = ({ strapi }: { strapi: Core.Strapi }) => {
  const d = createDispatch(strapi);
  return {
    owner: d.owner,
    ...createSchedule(d),

    /** One round, for tests and scripts that run with the dispatcher off. */
    async runOnce(): Promise<number> {
      return runRound(d);
    },
  };
};

export type DispatcherService = ReturnType<typeof dispatcherService>;
export default dispatcherService;
