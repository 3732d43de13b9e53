import { rollupLanguages } from '../rollup-languages';

describe('languages of a rollup counted before they were kept', () => {
  it('shares each sentiment among the languages of the mentions still stored', () => {
    const split = rollupLanguages({ total: 5, positive: 3, negative: 1, neutral: 1 }, [
      { language: 'fr', sentiment: 'positive', count: 2 },
      { language: 'en', sentiment: 'positive', count: 1 },
      { language: 'fr', sentiment: 'negative', count: 1 },
      { language: 'und', sentiment: 'neutral', count: 1 },
    ]);
    expect(Object.fromEntries(split)).toEqual({
      fr: { total: 3, positive: 2, negative: 1, neutral: 0 },
      en: { total: 1, positive: 1, negative: 0, neutral: 0 },
      und: { total: 1, positive: 0, negative: 0, neutral: 1 },
    });
  });

  it('keeps the counts exactly: a mention deleted since is unknown, one never counted is left out', () => {
    const split = rollupLanguages({ total: 4, positive: 2, negative: 2, neutral: 0 }, [
      { language: 'fr', sentiment: 'positive', count: 1 },
      { language: 'en', sentiment: 'negative', count: 3 },
      { language: 'fr', sentiment: 'neutral', count: 1 },
    ]);
    expect(Object.fromEntries(split)).toEqual({
      fr: { total: 1, positive: 1, negative: 0, neutral: 0 },
      und: { total: 1, positive: 1, negative: 0, neutral: 0 },
      en: { total: 2, positive: 0, negative: 2, neutral: 0 },
    });
    const totals = [...split.values()].reduce((sum, c) => sum + c.total, 0);
    expect(totals).toBe(4);
  });
});
