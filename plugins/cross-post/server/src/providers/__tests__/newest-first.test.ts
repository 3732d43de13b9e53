import { descend, readDescent } from '../newest-first';

const newer = (a: string, b: string) => Number(a) > Number(b);

describe('reading newest first down to the mark', () => {
  it('starts at the first mark and moves the mark up only once the descent reached it', () => {
    const start = readDescent(null, '100');
    expect(start).toEqual({ mark: '100', page: null, top: null });

    // First page: newest 500, more below, the mark not met yet.
    const first = descend(start, { newest: '500', next: 'p1', reachedMark: false }, newer);
    expect(first).toEqual({ cursor: '100 p1 500', more: true });

    // Second page meets the mark: the mark becomes the descent's top, not this page's newest.
    const second = descend(
      readDescent(first.cursor, '0'),
      { newest: '300', next: 'p2', reachedMark: true },
      newer
    );
    expect(second).toEqual({ cursor: '500', more: false });
  });

  it('keeps the mark when nothing new came', () => {
    expect(descend(readDescent('500', '0'), { newest: null, next: null, reachedMark: true }, newer)).toEqual({
      cursor: '500',
      more: false,
    });
  });

  it('starts from an empty mark (read from a time) and ends at the newest item', () => {
    const start = readDescent(null, '');
    expect(descend(start, { newest: '42', next: null, reachedMark: false }, newer)).toEqual({
      cursor: '42',
      more: false,
    });
    const cut = descend(start, { newest: '42', next: 'tok', reachedMark: false }, newer);
    expect(readDescent(cut.cursor, '')).toEqual({ mark: '', page: 'tok', top: '42' });
  });
});
