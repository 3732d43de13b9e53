import { CLOCK_MARGIN_MS, currentPost, emptySweep, readSweep, sweepOn } from '../per-post';

describe('sweeping the comments of our posts', () => {
  const posts = ['a', 'b', 'c'];
  const first = new Date(1_000_000);

  it('goes post by post and page by page, then reads on from when the sweep started', () => {
    const start = readSweep(null, first);
    expect(currentPost(start, posts)).toBe('a');
    const nextPage = sweepOn(start, posts, 'a', 'after-1', 5_000_000);
    expect(nextPage.more).toBe(true);
    const onA = readSweep(nextPage.cursor, first);
    expect(onA).toEqual({ since: 1_000_000, post: 'a', page: 'after-1', startedAt: 5_000_000 });

    const toB = readSweep(sweepOn(onA, posts, 'a', null, 9_000_000).cursor, first);
    expect(toB).toEqual({ since: 1_000_000, post: 'b', page: null, startedAt: 5_000_000 });

    const toC = readSweep(sweepOn(toB, posts, 'b', null).cursor, first);
    const done = sweepOn(toC, posts, 'c', null, 99_000_000);
    expect(done.more).toBe(false);
    // From the sweep's start (not its end), less the margin for clocks.
    expect(readSweep(done.cursor, first)).toEqual({
      since: 5_000_000 - CLOCK_MARGIN_MS,
      post: null,
      page: null,
      startedAt: null,
    });
  });

  it('carries on with the next post when the one it stood on left the window', () => {
    expect(currentPost({ since: 0, post: 'bb', page: 'x', startedAt: 1 }, posts)).toBe('c');
    expect(currentPost({ since: 0, post: 'z', page: null, startedAt: 1 }, posts)).toBeNull();
    expect(currentPost({ since: 0, post: null, page: null, startedAt: null }, [])).toBeNull();
  });

  it('never moves the time back', () => {
    const sweep = { since: 10_000_000, post: null, page: null, startedAt: null };
    expect(readSweep(emptySweep(sweep, 1_000).cursor, first).since).toBe(10_000_000);
  });
});
