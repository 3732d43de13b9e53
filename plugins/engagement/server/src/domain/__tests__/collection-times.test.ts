import { collectionTimes } from '../collection-times';
import { DAY_MS, HOUR_MS } from '../decay';

const POSTED = new Date(Date.UTC(2026, 10, 1, 9, 0));
const first = new Date(POSTED.getTime() + 4 * 60_000);
const gaps = (times: Date[]) => times.slice(1).map((at, i) => at.getTime() - times[i].getTime());

describe('when the collector reads a delivery', () => {
  it('hourly for two days, every six hours to day 7, then daily', () => {
    const times = collectionTimes(POSTED, first, new Date(POSTED.getTime() + 20 * DAY_MS), {
      freshness: 'live',
    });
    expect(times[0]).toEqual(first);
    const steps = gaps(times);
    expect(steps.slice(0, 47).every((gap) => gap === HOUR_MS)).toBe(true);
    expect(steps.filter((gap) => gap === 6 * HOUR_MS).length).toBeGreaterThanOrEqual(19);
    expect(steps.slice(-10).every((gap) => gap === DAY_MS)).toBe(true);
    expect(times[times.length - 1].getTime()).toBeLessThanOrEqual(POSTED.getTime() + 20 * DAY_MS);
  });

  it('no more than daily where the network updates its insights daily', () => {
    const times = collectionTimes(POSTED, first, new Date(POSTED.getTime() + 10 * DAY_MS), {
      freshness: 'daily',
    });
    expect(gaps(times).every((gap) => gap === DAY_MS)).toBe(true);
    expect(times).toHaveLength(10);
  });

  it('nothing before the first look, nothing after day 90', () => {
    expect(collectionTimes(POSTED, first, POSTED, { freshness: 'live' })).toEqual([]);
    const all = collectionTimes(POSTED, first, new Date(POSTED.getTime() + 200 * DAY_MS), {
      freshness: 'live',
    });
    expect(all[all.length - 1].getTime()).toBe(POSTED.getTime() + 90 * DAY_MS);
  });
});
