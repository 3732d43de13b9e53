import { assess } from '../alerts';

const now = new Date('2026-12-02T10:20:00Z');
const at = (daysAgo: number, hour: number) =>
  new Date(Date.UTC(2026, 11, 2 - daysAgo, hour)).toISOString().slice(0, 13);

describe('listening alerts', () => {
  it('sees a spike against the same hours of the previous week, and not an ordinary day', () => {
    const week = Array.from({ length: 7 }, (_, i) => ({
      hour: at(i + 1, 10),
      total: 4 + (i % 3),
      negative: 1,
    }));
    expect(assess([...week, { hour: at(0, 10), total: 6, negative: 1 }], now).volume.above).toBe(false);
    const spike = assess(
      [...week, { hour: at(0, 9), total: 20, negative: 2 }, { hour: at(0, 10), total: 15, negative: 2 }],
      now
    );
    expect(spike.volume).toMatchObject({ level: 35, above: true });
    expect(spike.negative.above).toBe(false);
  });

  it('needs a minimum count: three mentions on a quiet search are no spike', () => {
    expect(assess([{ hour: at(0, 10), total: 3, negative: 3 }], now)).toMatchObject({
      volume: { above: false },
      negative: { above: false },
    });
  });

  it('sees the negative share jump above its usual level', () => {
    const week = Array.from({ length: 7 }, (_, i) => ({
      hour: at(i + 1, 10),
      total: 20,
      negative: 4 + (i % 2),
    }));
    const usual = assess([...week, { hour: at(0, 10), total: 20, negative: 5 }], now);
    expect(usual.negative.above).toBe(false);
    const angry = assess([...week, { hour: at(0, 10), total: 20, negative: 14 }], now);
    expect(angry.negative).toMatchObject({ level: 0.7, above: true });
  });
});
