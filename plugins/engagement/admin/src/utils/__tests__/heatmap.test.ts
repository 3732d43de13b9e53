import { bestSlots, heatGrid } from '../heatmap';

describe('the best-time grid', () => {
  const slots = [
    { weekday: 1, hour: 9, posts: 4, medianRate: 0.02 },
    { weekday: 2, hour: 18, posts: 3, medianRate: 0.05 },
    { weekday: 3, hour: 12, posts: 2, medianRate: null },
    { weekday: 4, hour: 8, posts: 5, medianRate: null },
  ];

  it('has every weekday and hour, each empty slot saying why', () => {
    const grid = heatGrid(slots);
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24)).toBe(true);
    expect(grid[1][18]).toMatchObject({ medianRate: 0.05, intensity: 1, empty: null });
    expect(grid[0][9].intensity).toBeCloseTo(0.4);
    expect(grid[2][12]).toMatchObject({ posts: 2, empty: 'too_few_posts' });
    expect(grid[3][8]).toMatchObject({ posts: 5, empty: 'not_measured' });
    expect(grid[6][23]).toMatchObject({ posts: 0, empty: 'no_posts', intensity: null });
  });

  it('shortlists the slots with a figure, best first', () => {
    expect(bestSlots(slots).map((slot) => `${slot.weekday}:${slot.hour}`)).toEqual(['2:18', '1:9']);
  });
});
