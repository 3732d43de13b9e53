/**
 * When rounds run on this instance: a node-schedule tick, a timer for the next due delivery, and a
 * kick when an editor publishes now. Rounds never overlap on an instance.
 */
import schedule from 'node-schedule';

import type { Dispatch } from './context';
import { runRound } from './round';

const MAX_TIMER_MS = 2_147_000_000;

export function createSchedule(d: Dispatch) {
  let job: schedule.Job | null = null;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  /**
   * Rounds until nothing is due, then a timer for the next due time. A kick during a round, or
   * work that fell due meanwhile, means another round now, not at the next tick.
   */
  async function drain(): Promise<void> {
    for (let idle = 0; !stopped;) {
      again = false;
      let claimed = 0;
      for (let n = await runRound(d); ; n = await runRound(d)) {
        claimed += n;
        if (stopped || n < d.setting('batchSize')) break;
      }
      if (stopped) return;
      const at = await d.deliveries.nextWakeAt().catch(() => null);
      const dueNow = at !== null && at.getTime() <= Date.now();
      // Due but not claimable by us (another instance holds it): leave it to the timer, briefly.
      idle = claimed === 0 ? idle + 1 : 0;
      if ((again || dueNow) && idle < 2) continue;
      if (at) api.wakeAt(dueNow ? new Date(Date.now() + 200) : at);
      return;
    }
  }

  const api = {
    start() {
      if (!d.setting('dispatcherEnabled') || !stopped) return;
      stopped = false;
      const seconds = d.setting('tickSeconds');
      job = schedule.scheduleJob(
        `cross-post-dispatcher-${d.owner}`,
        `*/${Math.min(59, seconds)} * * * * *`,
        () => api.kick()
      );
      // Overdue deliveries go out at boot.
      api.kick();
    },

    async stop() {
      stopped = true;
      job?.cancel();
      job = null;
      if (timer) clearTimeout(timer);
      timer = null;
      timerAt = Infinity;
      await running;
    },

    /** Runs a round now (or right after the current one). */
    kick(): Promise<void> {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = drain()
        .catch((error) => {
          d.strapi.log.error(`[cross-post] dispatcher: ${error?.stack ?? error}`);
        })
        .finally(() => {
          running = null;
        });
      return running;
    },

    /** Makes sure a round runs at `at` (the tick would find it anyway, later). */
    wakeAt(at: Date) {
      if (stopped) return;
      const delay = at.getTime() - Date.now();
      if (delay <= 0) {
        void api.kick();
        return;
      }
      if (at.getTime() >= timerAt || delay > MAX_TIMER_MS) return;
      if (timer) clearTimeout(timer);
      timerAt = at.getTime();
      timer = setTimeout(() => {
        timer = null;
        timerAt = Infinity;
        void api.kick();
      }, delay);
      timer.unref?.();
    },
  };
  return api;
}
