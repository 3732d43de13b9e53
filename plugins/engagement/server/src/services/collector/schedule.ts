/**
 * When the collector runs on this instance: a tick every `collectorTickSeconds` (0: never), with a
 * little jitter so instances started together do not tick together. Ticks never overlap on an
 * instance; across instances the database's leases share the work.
 */
import { createTicker } from '@porte-voix/kit/server';

import type { Collector } from './context';
import { collectRound } from './collect';
import { followersRound } from './followers';
import { nightlyIfDue } from './nightly';
import { pickUp } from './pickup';
import { fillCampaignRollupOnce } from './rollups';

/** Most collection rounds in one tick: the rest waits for the next one. */
const MAX_ROUNDS_PER_TICK = 20;

/** The collectors that have seen the campaign rollup filled (asked once each). */
const rollupChecked = new WeakSet<Collector>();

/** One tick: new deliveries, due collections, due follower counts, the nightly work when due. */
export async function runTick(c: Collector): Promise<void> {
  const step = async (name: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error: any) {
      c.log('error', `${name}: ${error?.stack ?? error}`);
    }
  };
  if (!rollupChecked.has(c))
    await step('campaign rollup', async () => {
      await fillCampaignRollupOnce(c);
      rollupChecked.add(c);
    });
  await step('new deliveries', () => pickUp(c));
  await step('collection', async () => {
    for (let round = 0; round < MAX_ROUNDS_PER_TICK; round += 1)
      if ((await collectRound(c)) < c.setting('collectorClaimLimit')) break;
  });
  await step('followers', () => followersRound(c));
  await step('nightly', () => nightlyIfDue(c));
}

/** The collector's ticks on this instance (`collectorTickSeconds`; a step that fails is logged in the tick). */
export const createSchedule = (c: Collector) =>
  createTicker({
    seconds: () => c.setting('collectorTickSeconds'),
    tick: () => runTick(c),
    onError: (error: any) => c.log('error', `tick: ${error?.stack ?? error}`),
  });
