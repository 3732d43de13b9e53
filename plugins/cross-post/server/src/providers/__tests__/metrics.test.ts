import { count, counters, inOrder, ok } from '../metrics';

describe('metrics counters', () => {
  it('keeps a count the network sent, and null for anything else (never 0 for unknown)', () => {
    expect(count(12)).toBe(12);
    expect(count('7')).toBe(7);
    expect(count(0)).toBe(0);
    for (const missing of [undefined, null, '', 'n/a', -1, Number.NaN, {}, []])
      expect(count(missing)).toBeNull();
  });

  it('fills every counter, null unless measured', () => {
    expect(counters({ reactions: 3, comments: undefined })).toEqual({
      impressions: null,
      reach: null,
      views: null,
      reactions: 3,
      comments: null,
      shares: null,
      quotes: null,
      bookmarks: null,
      linkClicks: null,
      profileClicks: null,
    });
  });

  it('answers in the order asked, an id the network left out gone', () => {
    const found = new Map([['b', ok('b', { reactions: 1 })]]);
    expect(inOrder(['a', 'b'], found).map((r) => [r.remoteId, r.state])).toEqual([
      ['a', 'gone'],
      ['b', 'ok'],
    ]);
  });
});
