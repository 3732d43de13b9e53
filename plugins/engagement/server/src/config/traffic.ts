import { z } from 'zod';

/**
 * Settings of first-party traffic: tracked links (`/l/<code>`) and the page-view beacon. Every value
 * has a working default; the plugin's `validator` refuses a bad one at boot, naming it.
 */
export const trafficConfigSchema = z.object({
  links: z.object({
    /** Characters of a new link code (lower-case letters and digits): 10 make 3.6 × 10^15 codes. */
    codeLength: z.number().int().min(8).max(24),
    /** How long an instance reuses what it read about a link (destination, enabled) before reading it again. */
    cacheSeconds: z.number().int().min(0).max(3600),
  }),
  recording: z.object({
    /** Clicks and views wait in memory at most this long before one batched write. */
    flushIntervalMs: z.number().int().min(50).max(60_000),
    /** A batch is written at once when it reaches this size. */
    batchSize: z.number().int().min(1).max(5000),
    /** What the queue may hold while the database does not answer; past it the oldest wait is logged and dropped. */
    maxQueued: z.number().int().min(1000).max(10_000_000),
  }),
  retention: z.object({
    /** Raw click and view events (with their visitor hashes) are deleted after this many days. */
    eventDays: z.number().int().min(1).max(400),
    /** Daily counts are deleted after this many months (the CNIL's 25 months for audience measurement). */
    dailyMonths: z.number().int().min(1).max(120),
    /** How often each instance purges and reconciles (0 = never, e.g. in tests that run it by hand). */
    intervalMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
  }),
  views: z.object({
    /** Page views one visitor may send per window before the beacon answers 429. */
    maxPerWindow: z.number().int().min(1).max(100_000),
    windowSeconds: z.number().int().min(1).max(3600),
  }),
});

/** Written out rather than inferred: the server tsconfig is not strict, which makes inferred keys optional. */
export type TrafficConfig = {
  links: { codeLength: number; cacheSeconds: number };
  recording: { flushIntervalMs: number; batchSize: number; maxQueued: number };
  retention: { eventDays: number; dailyMonths: number; intervalMinutes: number };
  views: { maxPerWindow: number; windowSeconds: number };
};

export const trafficDefaults = (env: any): TrafficConfig => ({
  links: {
    codeLength: env.int('ENGAGEMENT_LINK_CODE_LENGTH', 10),
    cacheSeconds: env.int('ENGAGEMENT_LINK_CACHE_SECONDS', 30),
  },
  recording: {
    flushIntervalMs: env.int('ENGAGEMENT_TRAFFIC_FLUSH_MS', 1000),
    batchSize: env.int('ENGAGEMENT_TRAFFIC_BATCH_SIZE', 500),
    maxQueued: env.int('ENGAGEMENT_TRAFFIC_MAX_QUEUED', 200_000),
  },
  retention: {
    eventDays: env.int('ENGAGEMENT_EVENT_RETENTION_DAYS', 90),
    dailyMonths: env.int('ENGAGEMENT_DAILY_RETENTION_MONTHS', 25),
    intervalMinutes: env.int('ENGAGEMENT_TRAFFIC_MAINTENANCE_MINUTES', 60),
  },
  views: {
    maxPerWindow: env.int('ENGAGEMENT_VIEWS_RATE_LIMIT_MAX', 60),
    windowSeconds: env.int('ENGAGEMENT_VIEWS_RATE_LIMIT_WINDOW_SECONDS', 60),
  },
});
