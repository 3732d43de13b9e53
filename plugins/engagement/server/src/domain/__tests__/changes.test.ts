import fc from 'fast-check';

import {
  addChanges,
  changeBetween,
  dailyChanges,
  emptyCounters,
  mergeReading,
  sameCounters,
  type StoredReading,
} from '../changes';
import { METRIC_COUNTERS, type MetricCounters } from '../counters';
import { localDay } from '../local-time';
import { readingsToDrop, retentionCutoffs } from '../retention';

const counters = (values: Partial<MetricCounters>): MetricCounters => ({ ...emptyCounters(), ...values });

/** What the collector does reading after reading: merge, store when changed, add the change to its day. */
function collect(observations: Array<{ at: Date; counters: MetricCounters }>, timeZone: string) {
  let known = emptyCounters();
  const readings: StoredReading[] = [];
  const daily = new Map<string, MetricCounters>();
  for (const observation of observations) {
    const merged = mergeReading(known, observation.counters);
    if (sameCounters(known, merged)) continue;
    const day = localDay(observation.at.getTime(), timeZone);
    daily.set(day, addChanges(daily.get(day) ?? emptyCounters(), changeBetween(known, merged)));
    readings.push({ capturedAt: observation.at, counters: merged });
    known = merged;
  }
  return { known, readings, daily: [...daily.entries()].map(([day, c]) => ({ day, counters: c })) };
}

/** Per counter, the sum of the daily changes (null when no day measured it). */
function totals(days: Array<{ counters: MetricCounters }>): MetricCounters {
  return days.reduce((sum, day) => addChanges(sum, day.counters), emptyCounters());
}

/** Sequences of readings: counters that mostly grow, sometimes shrink (un-likes), sometimes absent. */
const observationsArb = fc
  .array(
    fc.record({
      gapMinutes: fc.integer({ min: 1, max: 3 * 24 * 60 }),
      deltas: fc.array(fc.integer({ min: -3, max: 40 }), {
        minLength: METRIC_COUNTERS.length,
        maxLength: METRIC_COUNTERS.length,
      }),
      missing: fc.array(fc.boolean(), {
        minLength: METRIC_COUNTERS.length,
        maxLength: METRIC_COUNTERS.length,
      }),
    }),
    { minLength: 1, maxLength: 60 }
  )
  .map((steps) => {
    let at = Date.parse('2026-03-28T20:00:00Z');
    const values = METRIC_COUNTERS.map(() => 0);
    return steps.map((step) => {
      at += step.gapMinutes * 60_000;
      const observed = emptyCounters();
      METRIC_COUNTERS.forEach((name, index) => {
        values[index] = Math.max(0, values[index] + step.deltas[index]);
        observed[name] = step.missing[index] ? null : values[index];
      });
      return { at: new Date(at), counters: observed };
    });
  });

describe('daily changes', () => {
  it('keeps a value the network stops reporting, and adds nothing for an unmeasured counter', () => {
    const merged = mergeReading(counters({ linkClicks: 12, reactions: 3 }), counters({ reactions: 5 }));
    expect(merged).toEqual(counters({ linkClicks: 12, reactions: 5 }));
    expect(changeBetween(counters({ reactions: 5 }), counters({ reactions: 4, comments: 2 }))).toEqual(
      counters({ reactions: -1, comments: 2 })
    );
  });

  it('dates a change on the day it happened in the campaign time zone', () => {
    const readings = [
      { capturedAt: new Date('2026-03-01T10:00:00Z'), counters: counters({ reactions: 2 }) },
      // 23:30 UTC is already 2 March in Paris.
      { capturedAt: new Date('2026-03-01T23:30:00Z'), counters: counters({ reactions: 7 }) },
    ];
    expect(dailyChanges(readings, 'Europe/Paris')).toEqual([
      { day: '2026-03-01', counters: counters({ reactions: 2 }) },
      { day: '2026-03-02', counters: counters({ reactions: 5 }) },
    ]);
    expect(dailyChanges(readings, 'UTC')).toEqual([
      { day: '2026-03-01', counters: counters({ reactions: 7 }) },
    ]);
  });

  it('add up to the latest totals, and the rebuild gives what the increments gave', () => {
    fc.assert(
      fc.property(
        observationsArb,
        fc.constantFrom('Europe/Paris', 'America/Montreal', 'Asia/Kolkata'),
        (observations, zone) => {
          const { known, readings, daily } = collect(observations, zone);
          expect(totals(daily)).toEqual(known);
          expect(dailyChanges(readings, zone)).toEqual(daily);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('survive retention: the readings kept after thinning rebuild the same days', () => {
    fc.assert(
      fc.property(observationsArb, (observations) => {
        const zone = 'Europe/Paris';
        const { readings } = collect(observations, zone);
        const stored = readings.map((reading, index) => ({ id: index + 1, ...reading }));
        // Long after: every reading is past 90 days, none past 13 months.
        const last = stored[stored.length - 1]?.capturedAt.getTime() ?? Date.now();
        const cutoffs = retentionCutoffs(new Date(last + 120 * 86_400_000));
        const drop = new Set(readingsToDrop(stored, stored.length, cutoffs, zone));
        const kept = stored.filter((reading) => !drop.has(reading.id));
        expect(dailyChanges(kept, zone)).toEqual(dailyChanges(readings, zone));
      }),
      { numRuns: 200 }
    );
  });
});
