/**
 * Retention and reconciliation of first-party traffic, on a timer on every instance (each step is
 * idempotent): raw events deleted after 90 days, daily counts after 25 months, past days' salts
 * deleted, finished rate windows forgotten, and once a day the day before yesterday recounted from
 * its raw events (a batch whose daily update failed is made good there).
 */
import type { Core } from '@strapi/strapi';

import type { EngagementConfig } from '../config';
import { addDays, localDay, monthsBefore } from '../domain/local-day';
import { PLUGIN_ID } from '../plugin-id';
import { clickEventsRepository } from '../repositories/click-events.repository';
import type { DailyCountsRepository } from '../repositories/daily-counts';
import type { HitEventsRepository } from '../repositories/hit-events';
import { linkDailyRepository } from '../repositories/link-daily.repository';
import { pageViewsRepository } from '../repositories/page-views.repository';
import { viewDailyRepository } from '../repositories/view-daily.repository';
import { getService } from '../utils/get-service';

const DAY_MS = 24 * 3600 * 1000;

const trafficMaintenanceService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.plugin(PLUGIN_ID).config('traffic') as EngagementConfig['traffic'];
  const zone = () => strapi.plugin(PLUGIN_ID).config('timeZone') as EngagementConfig['timeZone'];
  const pairs: [HitEventsRepository, DailyCountsRepository][] = [
    [clickEventsRepository(strapi), linkDailyRepository(strapi)],
    [pageViewsRepository(strapi), viewDailyRepository(strapi)],
  ];
  let timer: NodeJS.Timeout | null = null;
  let lastRecounted: string | null = null;

  return {
    /** Sets the counts of `day` to what its raw events say (events are kept 90 days: older days stay as they are). */
    async recountDay(day: string) {
      for (const [events, daily] of pairs) {
        for (const recount of await events.recountDay(day)) await daily.set(recount.key, day, recount);
      }
    },

    async runOnce(now = new Date()) {
      const { eventDays, dailyMonths } = config().retention;
      const today = localDay(now, zone());
      const purged = { events: 0, days: 0 };
      for (const [events, daily] of pairs) {
        purged.events += await events.purgeBefore(new Date(now.getTime() - eventDays * DAY_MS));
        purged.days += await daily.purgeBefore(monthsBefore(today, dailyMonths));
      }
      await getService(strapi, 'visitors').deleteOldSalts(now);
      await getService(strapi, 'views').purgeExpiredWindows(now.getTime());
      // Two days back: over in every time zone a link can be dated in, so no click still adds to it.
      const settled = addDays(today, -2);
      if (settled !== lastRecounted) {
        await this.recountDay(settled);
        lastRecounted = settled;
      }
      return purged;
    },

    start() {
      const minutes = config().retention.intervalMinutes;
      if (minutes === 0 || timer) return;
      timer = setInterval(() => {
        this.runOnce().catch((error: Error) =>
          strapi.log.error(`[engagement] Traffic maintenance failed: ${error.message}`)
        );
      }, minutes * 60_000);
      timer.unref();
    },

    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
};

export default trafficMaintenanceService;
