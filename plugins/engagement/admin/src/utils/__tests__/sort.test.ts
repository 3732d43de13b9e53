import { sortRows } from '../sort';

describe('sorting report tables', () => {
  const rows = [
    { name: 'Mastodon', impressions: null },
    { name: 'X', impressions: 3000 },
    { name: 'Bluesky', impressions: null },
    { name: 'LinkedIn', impressions: 800 },
  ];

  it('sorts either way with unknown figures last, in their order', () => {
    expect(sortRows(rows, (row) => row.impressions, 'desc').map((row) => row.name)).toEqual([
      'X',
      'LinkedIn',
      'Mastodon',
      'Bluesky',
    ]);
    expect(sortRows(rows, (row) => row.impressions, 'asc').map((row) => row.name)).toEqual([
      'LinkedIn',
      'X',
      'Mastodon',
      'Bluesky',
    ]);
  });

  it('sorts text by the language’s order, and leaves the rows given untouched', () => {
    expect(sortRows(rows, (row) => row.name, 'asc').map((row) => row.name)).toEqual([
      'Bluesky',
      'LinkedIn',
      'Mastodon',
      'X',
    ]);
    expect(rows[0].name).toBe('Mastodon');
  });
});
