import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';

import {
  commitmentOf,
  entriesHashOf,
  newSeed,
  rankingOf,
  runDraw,
  seedMatchesCommitment,
  selectWinners,
} from '../draw';
import { publicDisplayName } from '../display-name';

const seed = 'a'.repeat(64);

describe('the draw (public contract)', () => {
  it('commits to sha256 of the seed bytes, in hex', () => {
    const expected = createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex');
    expect(commitmentOf(seed)).toBe(expected);
    expect(seedMatchesCommitment(seed, expected)).toBe(true);
    expect(seedMatchesCommitment('b'.repeat(64), expected)).toBe(false);
    expect(newSeed()).toMatch(/^[0-9a-f]{64}$/);
    expect(() => commitmentOf('not hex')).toThrow();
  });

  it('hashes the public ids sorted ascending and joined by "\\n"', () => {
    expect(entriesHashOf(['c', 'a', 'b'])).toBe(createHash('sha256').update('a\nb\nc').digest('hex'));
    expect(entriesHashOf([])).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('ranks by HMAC-SHA256(seed bytes, beacon:id) ascending', () => {
    const ids = ['e1', 'e2', 'e3', 'e4'];
    const rank = (id: string) =>
      createHmac('sha256', Buffer.from(seed, 'hex')).update(`round-42:${id}`).digest('hex');
    const expected = [...ids].sort((a, b) => (rank(a) < rank(b) ? -1 : 1));
    expect(rankingOf(seed, 'round-42', ids)).toEqual(expected);
    expect(rankingOf(seed, '', ids)).not.toEqual(rankingOf(seed, 'round-42', ids));
  });

  it('picks the first N distinct persons as winners and the next M as substitutes', () => {
    const ranking = ['a', 'b', 'c', 'd', 'e', 'f'];
    const persons = { a: 'p1', b: 'p1', c: 'p2', d: 'p3', e: 'p2', f: 'p4' };
    expect(selectWinners(ranking, persons, 2, 2)).toEqual({ winners: ['a', 'c'], substitutes: ['d', 'f'] });
    expect(selectWinners(['a'], {}, 3, 2)).toEqual({ winners: ['a'], substitutes: [] });
  });

  it('gives the same winners for the same public data, whatever the order the entries arrive in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{8}$/), { minLength: 1, maxLength: 60 }),
        fc.string(),
        (ids, beacon) => {
          const personOf = Object.fromEntries(ids.map((id) => [id, `p${parseInt(id[0], 16) % 7}`]));
          const input = { seed, beacon, personOf, winnersCount: 3, substitutesCount: 2 };
          const once = runDraw({ ...input, entryIds: ids });
          const again = runDraw({ ...input, entryIds: [...ids].reverse() });
          expect(again).toEqual(once);
          expect(new Set(once.winners.map((id) => personOf[id])).size).toBe(once.winners.length);
        }
      ),
      { numRuns: 50 }
    );
  });
});

describe('public display name', () => {
  it.each([
    ['Camille Durand', 'Camille D.'],
    ['  jean   de la Fontaine ', 'jean D.'],
    ['Élodie', 'Élodie'],
    ['Zoé élan', 'Zoé É.'],
  ])('%p → %p', (name, expected) => {
    expect(publicDisplayName(name)).toBe(expected);
  });
});
