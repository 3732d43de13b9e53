/**
 * When this instance claims: a node-schedule tick, a timer for the next due delivery, a kick when an
 * editor publishes now, and room freed in the lanes after a claim that could not take everything due
 * (lanes.ts sends what was claimed). Claims never overlap on an instance.
 */
import schedule from 'node-schedule';

import type { Dispatch } from './context';
import { createLanes } from './lanes';

const MAX_TIMER_MS = 2_147_000_000;

export function createSchedule(d: Dispatch) {
  let job: schedule.Job | null = null;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  const lanes = createLanes(d);
  // Due deliveries were left unclaimed (no room): claimed as soon as the lanes free room.
  let moreDue = false;
  lanes.onRoom = () => {
    if (moreDue) void api.kick();
  };

  /**
   * Claims until nothing due is left unclaimed, then a timer for the next due time. A kick during a
   * claim, or work that fell due meanwhile, means another claim now, not at the next tick.
   */
  async function drain(): Promise<void> {
    for (let idle = 0; !stopped;) {
      again = false;
      const { claimed, room } = await lanes.claim();
      if (stopped) return;
      // Full: the lanes call back when half the room is free (and the tick comes anyway).
      if (room === 0 || claimed >= room) {
        moreDue = true;
        return;
      }
      const at = await d.deliveries.nextWakeAt().catch(() => null);
      const dueNow = at !== null && at.getTime() <= Date.now();
      // Due but not taken (its account's lane is full, or another instance holds it): claimed again
      // as lanes free room, and by the timer, briefly, in case it is another instance's.
      moreDue = dueNow;
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
      lanes.reset();
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
      // What was claimed is sent and settled (or its lease expires if the process dies first).
      await lanes.settledAll();
    },

    /** Claims now (or right after the current claim). */
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

    /** Makes sure a claim runs at `at` (the tick would find it anyway, later). */
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
