import { paidFigures } from '../paid';

describe('paid reach figures', () => {
  it('computes CPM, CPC and cost per interaction in minor units', () => {
    const [eur] = paidFigures([
      { amountMinor: 15000, currency: 'EUR', paidImpressions: 30000, paidClicks: 300, paidInteractions: 600 },
    ]);
    expect(eur).toEqual({ currency: 'EUR', amountMinor: 15000, cpm: 500, cpc: 50, costPerInteraction: 25 });
  });

  it('adds spends of one currency and never mixes currencies', () => {
    const figures = paidFigures([
      { amountMinor: 1000, currency: 'eur', paidImpressions: 1000 },
      { amountMinor: 3000, currency: 'EUR', paidImpressions: 3000, paidClicks: 10 },
      { amountMinor: 500, currency: 'CHF' },
    ]);
    expect(figures).toEqual([
      { currency: 'EUR', amountMinor: 4000, cpm: 1000, cpc: 400, costPerInteraction: null },
      { currency: 'CHF', amountMinor: 500, cpm: null, cpc: null, costPerInteraction: null },
    ]);
  });

  it('leaves a figure absent when what it divides by is unknown or zero', () => {
    const [figure] = paidFigures([
      { amountMinor: 900, currency: 'EUR', paidImpressions: 0, paidClicks: null },
    ]);
    expect(figure.cpm).toBeNull();
    expect(figure.cpc).toBeNull();
  });
});
