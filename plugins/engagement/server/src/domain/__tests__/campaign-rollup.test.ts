import fc from 'fast-check';

import { campaignDayDeltas, NO_CAMPAIGN, type PlacedChange } from '../campaign-rollup';
import { emptyCounters } from '../changes';
import { METRIC_COUNTERS, type MetricCounters } from '../counters';

const counters = (values: Partial<MetricCounters>): MetricCounters => ({ ...emptyCounters(), ...values });

const changeArb: fc.Arbitrary<PlacedChange> = fc.record({
  day: fc.constantFrom('2026-03-01', '2026-03-02'),
  network: fc.constantFrom('mastodon', 'x'),
  campaignDocumentId: fc.constantFrom(null, 'spring'),
  counters: fc.record(
    Object.fromEntries(
      METRIC_COUNTERS.map((name) => [name, fc.option(fc.integer({ min: -5, max: 50 }), { nil: null })])
    ) as Record<keyof MetricCounters, fc.Arbitrary<number | null>>
  ),
});

describe('campaignDayDeltas', () => {
  it('adds changes up per day, network and campaign, counting the rows that measured each counter', () => {
    const [delta, ...others] = campaignDayDeltas([
      { day: '2026-03-01', network: 'x', campaignDocumentId: null, counters: counters({ reactions: 2 }) },
      {
        day: '2026-03-01',
        network: 'x',
        campaignDocumentId: null,
        counters: counters({ reactions: 3, impressions: 10 }),
      },
    ]);
    expect(others).toEqual([]);
    expect(delta).toMatchObject({
      day: '2026-03-01',
      network: 'x',
      campaignKey: NO_CAMPAIGN,
      deliveryDays: 2,
    });
    expect(delta.sums).toMatchObject({ reactions: 5, impressions: 10, comments: 0 });
    expect(delta.measured).toMatchObject({ reactions: 2, impressions: 1, comments: 0 });
  });

  it('takes removed rows back, and leaves out what cancels out', () => {
    fc.assert(
      fc.property(fc.array(changeArb, { maxLength: 12 }), fc.array(changeArb, { maxLength: 12 }), (a, b) => {
        expect(campaignDayDeltas(a, a)).toEqual([]);
        const both = campaignDayDeltas([...a, ...b], a);
        const onlyB = campaignDayDeltas(b);
        const key = (d: { day: string; network: string; campaignKey: string }) =>
          `${d.day}|${d.network}|${d.campaignKey}`;
        expect(new Map(both.map((d) => [key(d), d]))).toEqual(new Map(onlyB.map((d) => [key(d), d])));
      })
    );
  });
});
