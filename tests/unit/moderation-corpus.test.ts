import { measureCorpus, stoppedRate, type Tally } from '../moderation-corpus/measure';

/**
 * The rules on the labelled corpus of issue #8 (tests/moderation-corpus): how much harm reaches a
 * moderator instead of the page, and how much ordinary talk is kept from it. The thresholds are
 * the measured rates with a small margin, so that a change which lets more through shows here.
 */
const tallies = measureCorpus();
const harmful = tallies.filter((tally) => tally.expected !== 'pass');
const clean = tallies.filter((tally) => tally.expected === 'pass');
const label = (tally: Tally) => `${tally.language}/${tally.category}`;
const pooled = (list: Tally[]) =>
  stoppedRate(
    list.reduce(
      (sum, tally) => ({
        total: sum.total + tally.total,
        hold: sum.hold + tally.hold,
        reject: sum.reject + tally.reject,
      }),
      {
        total: 0,
        hold: 0,
        reject: 0,
      }
    )
  );

describe('the labelled corpus', () => {
  it('has a few hundred comments per language, harmful and clean', () => {
    for (const language of ['fr', 'en']) {
      const lines = tallies.filter((tally) => tally.language === language);
      expect(lines.reduce((sum, tally) => sum + tally.total, 0)).toBeGreaterThanOrEqual(200);
      expect(lines.some((tally) => tally.expected === 'pass')).toBe(true);
      expect(lines.some((tally) => tally.category === 'threat')).toBe(true);
    }
  });

  it.each(['fr', 'en'])('%s: keeps at least 97%% of harmful comments from publication', (language) => {
    expect(pooled(harmful.filter((tally) => tally.language === language))).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps at least 85% of each kind of harm from publication, and every threat it knows', () => {
    const weak = harmful.filter((tally) => stoppedRate(tally) < (tally.category === 'threat' ? 1 : 0.85));
    expect(weak.map((tally) => [label(tally), tally.misses])).toEqual([]);
  });

  it.each(['fr', 'en'])('%s: stops at most 2%% of ordinary comments', (language) => {
    expect(pooled(clean.filter((tally) => tally.language === language))).toBeLessThanOrEqual(0.02);
  });

  it('stops no more than 3% of any kind of ordinary comment, 20% of sporting banter', () => {
    const noisy = clean.filter((tally) => stoppedRate(tally) > (tally.category === 'banter' ? 0.2 : 0.03));
    expect(noisy.map((tally) => [label(tally), tally.misses])).toEqual([]);
  });
});
