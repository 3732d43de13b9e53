/**
 * The campaign rollup: the delivery-day rows of the daily rollup added up per day, network and
 * campaign, so that reports over many deliveries read a few thousand rows instead of hundreds of
 * thousands. It is kept by increments only (added rows, and removed rows as negative increments),
 * so concurrent writers never overwrite each other; each counter carries how many delivery-day
 * rows measured it, so a counter that no row measures any more goes back to null, never to 0.
 */
import { METRIC_COUNTERS, type MetricCounter, type MetricCounters } from './counters';

/** The campaign key of deliveries without a campaign (a unique index treats NULLs as all different). */
export const NO_CAMPAIGN = '';

export type CampaignDayKey = { day: string; network: string; campaignKey: string };

/** What to add to one (day, network, campaign) row: sums of changes and how many rows measured each counter. */
export type CampaignDayDelta = CampaignDayKey & {
  deliveryDays: number;
  sums: Record<MetricCounter, number>;
  measured: Record<MetricCounter, number>;
};

export type PlacedChange = {
  day: string;
  network: string;
  campaignDocumentId: string | null;
  counters: MetricCounters;
};

/**
 * The increments that `added` delivery-day rows make and `removed` ones take back, one per
 * (day, network, campaign) they touch; increments that cancel out entirely are left out.
 */
export function campaignDayDeltas(added: PlacedChange[], removed: PlacedChange[] = []): CampaignDayDelta[] {
  const deltas = new Map<string, CampaignDayDelta>();
  const apply = (row: PlacedChange, sign: 1 | -1) => {
    const campaignKey = row.campaignDocumentId ?? NO_CAMPAIGN;
    const key = JSON.stringify([row.day, row.network, campaignKey]);
    let delta = deltas.get(key);
    if (!delta) {
      delta = {
        day: row.day,
        network: row.network,
        campaignKey,
        deliveryDays: 0,
        sums: Object.fromEntries(METRIC_COUNTERS.map((name) => [name, 0])) as Record<MetricCounter, number>,
        measured: Object.fromEntries(METRIC_COUNTERS.map((name) => [name, 0])) as Record<
          MetricCounter,
          number
        >,
      };
      deltas.set(key, delta);
    }
    delta.deliveryDays += sign;
    for (const name of METRIC_COUNTERS) {
      const value = row.counters[name];
      if (value === null) continue;
      delta.sums[name] += sign * value;
      delta.measured[name] += sign;
    }
  };
  for (const row of removed) apply(row, -1);
  for (const row of added) apply(row, 1);
  return [...deltas.values()].filter(
    (delta) =>
      delta.deliveryDays !== 0 ||
      METRIC_COUNTERS.some((name) => delta.sums[name] !== 0 || delta.measured[name] !== 0)
  );
}
