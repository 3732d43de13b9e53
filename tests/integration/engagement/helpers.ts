/** Shared by the engagement integration tests: delivery rows and readings written through the collector's own code. */
import type { Core } from '@strapi/strapi';

import {
  createCollector,
  type Collector,
} from '../../../plugins/engagement/server/src/services/collector/context';
import { recordBatch } from '../../../plugins/engagement/server/src/services/collector/record';
import type { DeliveryMetrics } from '../../../plugins/engagement/server/src/services/collector/metrics-source';
import { emptyCounters, pickCounters } from '../../../plugins/engagement/server/src/domain/changes';
import { METRIC_COUNTERS, type MetricCounters } from '../../../plugins/engagement/server/src/domain/counters';
import type { DeliveryStatRow } from '../../../plugins/engagement/server/src/repositories/delivery-stats.repository';

export { createCollector, emptyCounters, pickCounters, METRIC_COUNTERS };
export type { Collector, MetricCounters, DeliveryStatRow };

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const counters = (values: Partial<MetricCounters>): MetricCounters => ({
  ...emptyCounters(),
  ...values,
});

let nextDeliveryId = 100_000;

/** A delivery-stat row as the pickup writes it. */
export async function addDelivery(
  c: Collector,
  overrides: Partial<{
    deliveryId: number;
    accountId: number;
    network: string;
    postDocumentId: string;
    campaignDocumentId: string | null;
    timeZone: string;
    postedAt: Date;
  }> = {}
): Promise<DeliveryStatRow> {
  const deliveryId = overrides.deliveryId ?? (nextDeliveryId += 1);
  await c.stats.insertNew([
    {
      deliveryId,
      accountId: overrides.accountId ?? 1,
      network: overrides.network ?? 'mastodon',
      remoteId: `remote-${deliveryId}`,
      url: null,
      postDocumentId: overrides.postDocumentId ?? `post${deliveryId}`,
      campaignDocumentId: overrides.campaignDocumentId ?? null,
      timeZone: overrides.timeZone ?? 'Europe/Paris',
      postedAt: overrides.postedAt ?? new Date(),
      state: 'active',
      stateReason: null,
      nextCollectAt: new Date(),
    },
  ]);
  return (await c.stats.findByDeliveryIds([deliveryId]))[0];
}

/** Writes one reading for the delivery at `at`, as a collection round would (lease, batch, settle). */
export async function recordReading(
  c: Collector,
  deliveryId: number,
  result: Omit<DeliveryMetrics, 'remoteId'> | MetricCounters,
  at: Date
) {
  const [row] = await c.stats.findByDeliveryIds([deliveryId]);
  const owner = c.leaseOwner();
  const held = await c.stats.lease([row.id], owner, 60_000);
  if (held.length !== 1) throw new Error(`delivery ${deliveryId} is held by someone else`);
  const [heldRow] = await c.stats.findHeld(held, owner);
  const answer = ('state' in result ? { ...result } : { state: 'ok', counters: result }) as DeliveryMetrics;
  answer.remoteId = heldRow.remoteId;
  try {
    return await recordBatch(c, owner, [heldRow], [answer], at, { freshness: 'live' });
  } finally {
    await c.stats.release([row.id], owner);
  }
}

/** Per counter, the sum of a delivery's daily rows (null when none measured it). */
export async function dailyTotals(c: Collector, deliveryId: number): Promise<MetricCounters> {
  const totals = emptyCounters();
  for (const day of await c.dailies.rowsOf(deliveryId))
    for (const name of METRIC_COUNTERS) {
      const value = day.counters[name];
      if (value !== null) totals[name] = (totals[name] ?? 0) + value;
    }
  return totals;
}

export const stat = async (c: Collector, deliveryId: number) =>
  (await c.stats.findByDeliveryIds([deliveryId]))[0];

export const collectorOf = (strapi: Core.Strapi) => createCollector(strapi);

type CampaignDayRow = {
  day: string;
  network: string;
  campaignKey: string;
  deliveryDays: number;
  counters: MetricCounters;
  measured: Record<string, number>;
};

const byKey = (a: CampaignDayRow, b: CampaignDayRow) =>
  `${a.day}|${a.network}|${a.campaignKey}` < `${b.day}|${b.network}|${b.campaignKey}` ? -1 : 1;

/** The campaign rollup as stored, every row. */
export async function campaignRollup(strapi: Core.Strapi): Promise<CampaignDayRow[]> {
  const rows = await strapi.db.query('plugin::engagement.campaign-daily').findMany({});
  return rows
    .map((row: any) => ({
      day: String(row.day).slice(0, 10),
      network: row.network,
      campaignKey: row.campaignKey ?? '',
      deliveryDays: Number(row.deliveryDays),
      counters: pickCounters(row),
      measured: Object.fromEntries(METRIC_COUNTERS.map((name) => [name, Number(row[`${name}Measured`])])),
    }))
    .sort(byKey);
}

/** What the campaign rollup should hold: every daily row added up per day, network and campaign. */
export async function dailiesAddedUp(strapi: Core.Strapi): Promise<CampaignDayRow[]> {
  const groups = new Map<string, CampaignDayRow>();
  for (const row of await strapi.db.query('plugin::engagement.metric-daily').findMany({})) {
    const day = String(row.day).slice(0, 10);
    const campaignKey = row.campaignDocumentId ?? '';
    const key = `${day}|${row.network}|${campaignKey}`;
    const group = groups.get(key) ?? {
      day,
      network: row.network,
      campaignKey,
      deliveryDays: 0,
      counters: emptyCounters(),
      measured: Object.fromEntries(METRIC_COUNTERS.map((name) => [name, 0])),
    };
    group.deliveryDays += 1;
    for (const name of METRIC_COUNTERS) {
      if (row[name] === null || row[name] === undefined) continue;
      group.counters[name] = (group.counters[name] ?? 0) + Number(row[name]);
      group.measured[name] += 1;
    }
    groups.set(key, group);
  }
  return [...groups.values()].sort(byKey);
}
