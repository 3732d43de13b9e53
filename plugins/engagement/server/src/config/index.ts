import { z } from 'zod';

import { trafficConfigSchema, trafficDefaults, type TrafficConfig } from './traffic';

/**
 * Plugin settings. Every value has a working default; `validator` refuses a bad one at boot, naming it.
 */
export const configSchema = z.object({
  /**
   * The time zone reports are dated in when a campaign names none (IANA name): engagement is counted
   * on the day it happened there.
   */
  timeZone: z.string().refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/Paris'),
  /**
   * How often each instance looks for metrics to collect, in seconds (ENGAGEMENT_COLLECTOR_TICK_SECONDS,
   * 5 minutes by default); 0 turns the collector off on this instance (the default under the tests,
   * which run it by hand).
   */
  collectorTickSeconds: z.number().int().min(0).max(3600),
  /** How long an instance holds what it claimed before another may take it over (ENGAGEMENT_COLLECTOR_LEASE_MS). */
  collectorLeaseMs: z.number().int().min(10_000).max(3_600_000),
  /** Deliveries claimed per round (ENGAGEMENT_COLLECTOR_CLAIM_LIMIT), accounts asked at once (ENGAGEMENT_COLLECTOR_CONCURRENCY). */
  collectorClaimLimit: z.number().int().min(1).max(5000),
  collectorConcurrency: z.number().int().min(1).max(50),
  /**
   * How many published deliveries after the oldest one not seen published are read again on each
   * tick, to catch posts scheduled long ago that go out late (ENGAGEMENT_PICKUP_LOOKBACK).
   */
  pickupLookback: z.number().int().min(0).max(100_000),
  /** The local hour (in `timeZone`) of the nightly rebuild and retention (ENGAGEMENT_NIGHTLY_HOUR). */
  nightlyHour: z.number().int().min(0).max(23),
  /** A post can be refreshed by hand at most once per this many minutes (ENGAGEMENT_REFRESH_MINUTES). */
  refreshMinutes: z.number().int().min(1).max(1440),
  /**
   * How often each instance sends the scheduled e-mail reports that are due, in seconds
   * (ENGAGEMENT_REPORTS_TICK_SECONDS, 5 minutes by default; 0 = never, the default under the tests).
   */
  reportsTickSeconds: z.number().int().min(0).max(3600),
  traffic: trafficConfigSchema,
});

export type EngagementConfig = {
  timeZone: string;
  collectorTickSeconds: number;
  collectorLeaseMs: number;
  collectorClaimLimit: number;
  collectorConcurrency: number;
  pickupLookback: number;
  nightlyHour: number;
  refreshMinutes: number;
  reportsTickSeconds: number;
  traffic: TrafficConfig;
};

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export default {
  default: ({ env }: { env: any }): EngagementConfig => ({
    timeZone: env('ENGAGEMENT_TIME_ZONE', 'Europe/Paris'),
    collectorTickSeconds: env.int(
      'ENGAGEMENT_COLLECTOR_TICK_SECONDS',
      process.env.NODE_ENV === 'test' ? 0 : 300
    ),
    collectorLeaseMs: env.int('ENGAGEMENT_COLLECTOR_LEASE_MS', 300_000),
    collectorClaimLimit: env.int('ENGAGEMENT_COLLECTOR_CLAIM_LIMIT', 200),
    collectorConcurrency: env.int('ENGAGEMENT_COLLECTOR_CONCURRENCY', 4),
    pickupLookback: env.int('ENGAGEMENT_PICKUP_LOOKBACK', 1000),
    nightlyHour: env.int('ENGAGEMENT_NIGHTLY_HOUR', 3),
    refreshMinutes: env.int('ENGAGEMENT_REFRESH_MINUTES', 10),
    reportsTickSeconds: env.int('ENGAGEMENT_REPORTS_TICK_SECONDS', process.env.NODE_ENV === 'test' ? 0 : 300),
    traffic: trafficDefaults(env),
  }),
  validator(config: unknown) {
    const parsed = configSchema.safeParse(config);
    if (!parsed.success)
      throw new Error(
        `engagement plugin config: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
      );
  },
};
