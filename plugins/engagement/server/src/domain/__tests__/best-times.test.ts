import { bestTimes } from '../best-times';

describe('best time to post', () => {
  const mondayNineParis = (week: number) => new Date(Date.UTC(2026, 10, 2 + 7 * week, 8, 10));

  it('groups posts by local weekday and hour and gives the median rate of slots with three posts or more', () => {
    const grid = bestTimes(
      [
        { publishedAt: mondayNineParis(0), rate: 0.01 },
        { publishedAt: mondayNineParis(1), rate: 0.05 },
        { publishedAt: mondayNineParis(2), rate: 0.02 },
        { publishedAt: new Date('2026-11-07T17:00:00Z'), rate: 0.2 },
      ],
      'Europe/Paris'
    );
    expect(grid).toEqual([
      { weekday: 1, hour: 9, posts: 3, medianRate: 0.02 },
      { weekday: 6, hour: 18, posts: 1, medianRate: null },
    ]);
  });

  it('gives no figure to a slot whose posts have no measurable rate', () => {
    const grid = bestTimes(
      [0, 1, 2].map((week) => ({ publishedAt: mondayNineParis(week), rate: null })),
      'Europe/Paris'
    );
    expect(grid).toEqual([{ weekday: 1, hour: 9, posts: 3, medianRate: null }]);
  });
});
