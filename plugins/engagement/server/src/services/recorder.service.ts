/**
 * Clicks and page views are answered first and written afterwards: each request adds its hit to an
 * in-memory queue, written in batches every second (or as soon as a batch is full), and everything
 * still queued is written when the app stops. A batch that the database refuses goes back to the
 * queue and is tried again.
 */
import type { Core } from '@strapi/strapi';

import type { EngagementConfig } from '../config';
import { dailyDeltas, planBatch } from '../domain/hit-tally';
import { PLUGIN_ID } from '../plugin-id';
import { clickEventsRepository } from '../repositories/click-events.repository';
import type { DailyCountsRepository } from '../repositories/daily-counts';
import type { HitEventsRepository, StoredHit } from '../repositories/hit-events';
import { linkDailyRepository } from '../repositories/link-daily.repository';
import { pageViewsRepository } from '../repositories/page-views.repository';
import { viewDailyRepository } from '../repositories/view-daily.repository';
import { once } from '../utils/once';

export type StreamName = 'clicks' | 'views';

type Stream = { events: HitEventsRepository; daily: DailyCountsRepository; queue: StoredHit[] };

const recorderService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = once(
    () => (strapi.plugin(PLUGIN_ID).config('traffic') as EngagementConfig['traffic']).recording
  );
  const streams: Record<StreamName, Stream> = {
    clicks: { events: clickEventsRepository(strapi), daily: linkDailyRepository(strapi), queue: [] },
    views: { events: pageViewsRepository(strapi), daily: viewDailyRepository(strapi), queue: [] },
  };
  let timer: NodeJS.Timeout | null = null;
  // Hits still being described (the visitor hash waits for the day's salt): a flush waits for them.
  const describing = new Set<Promise<unknown>>();
  let running: Promise<void> | null = null;
  let again = false;

  /** Writes one batch. Returns the hits not stored (the database failed), to be queued again. */
  async function writeBatch(stream: Stream, batch: StoredHit[]): Promise<StoredHit[]> {
    const alreadyCounted = await stream.events.countedAmong(batch.filter((hit) => !hit.botReason));
    const { toCount, uncounted } = planBatch(batch, alreadyCounted);
    if (uncounted.length > 0) await stream.events.insertMany(uncounted, false);

    let counted = toCount;
    if (toCount.length > 0) {
      try {
        await stream.events.insertMany(toCount, true);
      } catch {
        // Another instance counted one of these visitors this hour: one by one, the index decides each.
        counted = [];
        for (const [index, hit] of toCount.entries()) {
          try {
            if (await stream.events.insertCounted(hit)) counted.push(hit);
            else {
              await stream.events.insertMany([hit], false);
              uncounted.push(hit);
            }
          } catch (error) {
            strapi.log.warn(
              `[engagement] Storing hits failed, kept for the next try: ${(error as Error).message}`
            );
            await addToDaily(stream, counted, uncounted, alreadyCounted);
            return toCount.slice(index);
          }
        }
      }
    }
    await addToDaily(stream, counted, uncounted, alreadyCounted);
    return [];
  }

  async function addToDaily(
    stream: Stream,
    counted: StoredHit[],
    uncounted: StoredHit[],
    alreadyCounted: Parameters<typeof dailyDeltas>[2]
  ) {
    try {
      await stream.daily.add(dailyDeltas(counted, uncounted, alreadyCounted));
    } catch (error) {
      // The hits are stored: the nightly reconciliation recounts the day from them.
      strapi.log.error(`[engagement] Daily counts not updated: ${(error as Error).message}`);
    }
  }

  /** Writes the queues in batches; false when the database failed (the rest waits for the next tick). */
  async function drain(): Promise<boolean> {
    const { batchSize } = settings();
    for (const stream of Object.values(streams)) {
      while (stream.queue.length > 0) {
        const batch = stream.queue.splice(0, batchSize);
        let unsaved: StoredHit[];
        try {
          unsaved = await writeBatch(stream, batch);
        } catch (error) {
          strapi.log.warn(
            `[engagement] Storing hits failed, kept for the next try: ${(error as Error).message}`
          );
          unsaved = batch;
        }
        if (unsaved.length > 0) {
          stream.queue.unshift(...unsaved);
          return false;
        }
      }
    }
    return true;
  }

  /** One drain at a time; a flush asked for during a drain runs right after it. */
  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      if (describing.size > 0) await Promise.allSettled([...describing]);
      let healthy = true;
      do {
        again = false;
        healthy = await drain();
      } while (healthy && again && Object.values(streams).some((stream) => stream.queue.length > 0));
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function enqueue(name: StreamName, hit: StoredHit): void {
    const { batchSize, maxQueued } = settings();
    const { queue } = streams[name];
    queue.push(hit);
    if (queue.length > maxQueued) {
      const dropped = queue.splice(0, queue.length - maxQueued);
      strapi.log.error(
        `[engagement] The database has not answered for a while: ${dropped.length} ${name} dropped from the queue.`
      );
    }
    if (queue.length >= batchSize || !timer) void flush();
  }

  return {
    /**
     * Queues a hit, or a hit still being described; returns at once. A hit that cannot be described
     * is logged and left out.
     */
    record(name: StreamName, hit: StoredHit | Promise<StoredHit>): void {
      if (!(hit instanceof Promise)) return enqueue(name, hit);
      const described = hit
        .then((ready) => enqueue(name, ready))
        .catch((error: Error) => strapi.log.error(`[engagement] A hit was not counted: ${error.message}`))
        .finally(() => describing.delete(described));
      describing.add(described);
    },

    /** Writes everything queued (and what arrives meanwhile). */
    flush,

    queued: (name: StreamName) => streams[name].queue.length,

    start() {
      if (timer) return;
      timer = setInterval(() => void flush(), settings().flushIntervalMs);
      timer.unref();
    },

    /** Stops the timer and writes what is left: nothing queued is lost on a normal shutdown. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
      // A drain that ended on an error leaves hits queued: one last try.
      if (Object.values(streams).some((stream) => stream.queue.length > 0)) await flush();
    },
  };
};

export default recorderService;
