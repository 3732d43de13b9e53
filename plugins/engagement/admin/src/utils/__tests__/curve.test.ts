import type { Counters } from '../../api/engagement';
import { first48Hours, measureOf } from '../curve';

const HOUR = 3_600_000;
const none: Counters = {
  impressions: null,
  reach: null,
  views: null,
  reactions: null,
  comments: null,
  shares: null,
  quotes: null,
  bookmarks: null,
  linkClicks: null,
  profileClicks: null,
};
const posted = Date.parse('2026-03-02T09:00:00Z');
const at = (hours: number) => new Date(posted + hours * HOUR).toISOString();

describe('the first 48 hours of a delivery', () => {
  const delivery = {
    postedAt: at(0),
    snapshots: [
      { capturedAt: at(1), counters: { ...none, reactions: 4, comments: 1 } },
      { capturedAt: at(5), counters: { ...none, reactions: 10, comments: 2 } },
      { capturedAt: at(30), counters: { ...none, reactions: 12, comments: 2 } },
      { capturedAt: at(72), counters: { ...none, reactions: 20, comments: 3 } },
    ],
  };

  it('starts from nothing, holds each reading until the next, and stops at 48 hours', () => {
    expect(first48Hours(delivery, 'interactions', posted + 100 * HOUR)).toEqual([
      { hour: 0, value: 0 },
      { hour: 1, value: 5 },
      { hour: 5, value: 12 },
      { hour: 30, value: 14 },
      { hour: 48, value: 14 },
    ]);
  });

  it('runs to now for a post younger than 48 hours', () => {
    expect(first48Hours(delivery, 'reactions', posted + 6 * HOUR).at(-1)).toEqual({ hour: 6, value: 10 });
  });

  it('draws nothing for a figure the network does not measure (no line at 0)', () => {
    expect(first48Hours(delivery, 'impressions', posted + 100 * HOUR)).toEqual([]);
    expect(measureOf(none, 'interactions')).toBeNull();
  });
});
