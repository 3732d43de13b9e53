import { dailyDeltas, planBatch, type Hit } from '../hit-tally';

const hit = (overrides: Partial<Hit> = {}): Hit => ({
  key: '1',
  visitorHash: 'v1',
  day: '2026-05-04',
  hour: 100,
  botReason: null,
  ...overrides,
});

describe('planBatch', () => {
  it('counts a person once per target and hour, and keeps the repeats uncounted', () => {
    const hits = [hit(), hit(), hit({ hour: 101 }), hit({ key: '2' }), hit({ visitorHash: 'v2' })];
    const { toCount, uncounted } = planBatch(hits, []);
    expect(toCount).toEqual([hits[0], hits[2], hits[3], hits[4]]);
    expect(uncounted).toEqual([hits[1]]);
  });

  it('never counts a bot, and does not count an hour the database already counted', () => {
    const bot = hit({ botReason: 'fediverse_preview' });
    const { toCount, uncounted } = planBatch(
      [bot, hit()],
      [{ key: '1', visitorHash: 'v1', day: '2026-05-04', hour: 100 }]
    );
    expect(toCount).toEqual([]);
    expect(uncounted).toHaveLength(2);
  });
});

describe('dailyDeltas', () => {
  it('adds humans, visitors new that day and bots per target and day', () => {
    const counted = [hit(), hit({ hour: 101 }), hit({ visitorHash: 'v2' }), hit({ key: '2' })];
    const uncounted = [
      hit(),
      hit({ botReason: 'head_request' }),
      hit({ botReason: 'crawler', day: '2026-05-05' }),
    ];
    expect(dailyDeltas(counted, uncounted, [])).toEqual([
      { key: '1', day: '2026-05-04', humans: 3, uniques: 2, bots: 1 },
      { key: '2', day: '2026-05-04', humans: 1, uniques: 1, bots: 0 },
      { key: '1', day: '2026-05-05', humans: 0, uniques: 0, bots: 1 },
    ]);
  });

  it('does not count a visitor the database saw earlier that day as new', () => {
    const earlier = [{ key: '1', visitorHash: 'v1', day: '2026-05-04', hour: 90 }];
    expect(dailyDeltas([hit()], [], earlier)).toEqual([
      { key: '1', day: '2026-05-04', humans: 1, uniques: 0, bots: 0 },
    ]);
  });
});
