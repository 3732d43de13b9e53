/**
 * A post's first 48 hours: each delivery's readings as hours since it was posted. Readings are
 * stored only when a counter changed, so the curve holds each value until the next reading (a step),
 * and runs on to the end of the window (or now) with the last value read.
 */
import { INTERACTION_COUNTERS } from '@porte-voix/kit/contracts';

import type { Counters, DeliveryMetrics, MetricCounter } from '../api/engagement';

export const CURVE_HOURS = 48;
const HOUR_MS = 3_600_000;

export type CurveMeasure = MetricCounter | 'interactions';
export type CurvePoint = { hour: number; value: number };

/** A reading's value of the measure: interactions add the counters measured, absent when none is. */
export function measureOf(counters: Counters, measure: CurveMeasure): number | null {
  if (measure !== 'interactions') return counters[measure];
  let total: number | null = null;
  for (const name of INTERACTION_COUNTERS)
    if (counters[name] !== null) total = (total ?? 0) + counters[name]!;
  return total;
}

/** The delivery's curve over its first 48 hours; empty when it has no reading of the measure then. */
export function first48Hours(
  delivery: Pick<DeliveryMetrics, 'postedAt' | 'snapshots'>,
  measure: CurveMeasure,
  now = Date.now()
): CurvePoint[] {
  if (!delivery.postedAt) return [];
  const posted = Date.parse(delivery.postedAt);
  const end = Math.min(posted + CURVE_HOURS * HOUR_MS, now);
  const points: CurvePoint[] = [];
  for (const snapshot of delivery.snapshots) {
    const at = Date.parse(snapshot.capturedAt);
    if (at > end) break;
    const value = measureOf(snapshot.counters, measure);
    if (value === null) continue;
    points.push({ hour: round(Math.max(0, (at - posted) / HOUR_MS)), value });
  }
  if (points.length === 0) return [];
  // Nothing had happened yet when it was posted.
  if (points[0].hour > 0) points.unshift({ hour: 0, value: 0 });
  const last = points[points.length - 1];
  const endHour = round((end - posted) / HOUR_MS);
  if (endHour > last.hour) points.push({ hour: endHour, value: last.value });
  return points;
}

const round = (hours: number) => Math.round(hours * 100) / 100;
