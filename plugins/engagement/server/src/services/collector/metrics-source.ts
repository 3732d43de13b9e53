/**
 * The cross-post `metrics` service, as this plugin reads it (plugins talk only through services):
 * published deliveries, each network's metrics profile, and batched fetches per account where
 * publishing keeps priority. The shapes are cross-post's contract; its answers are checked here
 * before anything is stored.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';

import { METRIC_COUNTERS, type MetricCounters } from '../../domain/counters';

export type PublishedDelivery = {
  deliveryId: number;
  accountId: number;
  network: string;
  remoteId: string;
  url: string | null;
  postDocumentId: string;
  campaignDocumentId: string | null;
  /** ISO */
  publishedAt: string;
};

export type MetricsProfile = {
  batchSize: number;
  measures: string[];
  freshness: 'live' | 'daily';
  windowDays?: number;
  polled: boolean;
};

export type DeliveryMetrics =
  | { remoteId: string; state: 'ok'; counters: MetricCounters }
  | { remoteId: string; state: 'gone' }
  | { remoteId: string; state: 'unavailable'; reason: string };

export type MetricsFailure = { ok: false; retryAt: string | null; reason: string; message: string };

export type AccountHealth = {
  accountId: number;
  network: string;
  label: string;
  reconnect: boolean;
  pausedUntil: string | null;
};

export interface CrossPostMetrics {
  listPublished(query: { afterId: number; limit: number }): Promise<PublishedDelivery[]>;
  profiles(): Record<string, MetricsProfile>;
  fetchMetrics(
    accountId: number,
    remoteIds: string[]
  ): Promise<{ ok: true; results: DeliveryMetrics[] } | MetricsFailure>;
  fetchAccountMetrics(accountId: number): Promise<{ ok: true; followers: number | null } | MetricsFailure>;
  accountsHealth(): Promise<AccountHealth[]>;
}

/** A refusal of the whole call (the plugin's type checking cannot narrow on `ok` alone). */
export const isFailure = (answer: { ok: boolean }): answer is MetricsFailure => answer.ok === false;

export const crossPostMetrics = (strapi: Core.Strapi): CrossPostMetrics =>
  strapi.plugin('cross-post').service('metrics') as CrossPostMetrics;

const count = z.number().int().min(0).nullable();

const counters = z.object(
  Object.fromEntries(
    METRIC_COUNTERS.map((name) => [name, count.optional().transform((value) => value ?? null)])
  )
);

const deliveryMetrics = z.discriminatedUnion('state', [
  z.object({ remoteId: z.string(), state: z.literal('ok'), counters }),
  z.object({ remoteId: z.string(), state: z.literal('gone') }),
  z.object({ remoteId: z.string(), state: z.literal('unavailable'), reason: z.string() }),
]);

/**
 * One answer per asked id, in order. An answer that does not fit (another id, a negative or
 * fractional count) is null: that delivery is not stored this time and is asked again later.
 */
export function checkResults(remoteIds: string[], results: unknown[]): Array<DeliveryMetrics | null> {
  return remoteIds.map((remoteId, index) => {
    const parsed = deliveryMetrics.safeParse(results[index]);
    if (!parsed.success || parsed.data.remoteId !== remoteId) return null;
    return parsed.data as DeliveryMetrics;
  });
}

const publishedDelivery = z.object({
  deliveryId: z.number().int().positive(),
  accountId: z.number().int().positive(),
  network: z.string().min(1).max(32),
  remoteId: z.string().min(1).max(255),
  url: z.string().max(1000).nullable(),
  postDocumentId: z.string().min(1).max(64),
  campaignDocumentId: z.string().max(64).nullable(),
  publishedAt: z.string().refine((value) => Number.isFinite(Date.parse(value)), 'an ISO date'),
});

/** The published deliveries that fit what is stored; the others are named in the log and skipped. */
export function checkPublished(strapi: Core.Strapi, deliveries: unknown[]): PublishedDelivery[] {
  const fit: PublishedDelivery[] = [];
  for (const delivery of deliveries) {
    const parsed = publishedDelivery.safeParse(delivery);
    if (parsed.success) fit.push(parsed.data as PublishedDelivery);
    else
      strapi.log.warn(
        `[engagement] a published delivery cannot be collected: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
      );
  }
  return fit;
}
