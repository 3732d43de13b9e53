/**
 * What paid reach cost: spend recorded on a campaign or a boosted delivery, against what it bought.
 * Each figure is absent when what it divides by is unknown or zero.
 */
export type Spend = {
  /** In the currency's minor unit (cents), so that sums stay exact. */
  amountMinor: number;
  currency: string;
  paidImpressions?: number | null;
  paidClicks?: number | null;
  paidInteractions?: number | null;
};

export type PaidFigures = {
  currency: string;
  amountMinor: number;
  /** Cost per thousand impressions, in minor units. */
  cpm: number | null;
  /** Cost per click, in minor units. */
  cpc: number | null;
  /** Cost per interaction, in minor units. */
  costPerInteraction: number | null;
};

const per = (amount: number, count: number | null | undefined, scale = 1) =>
  count === null || count === undefined || count <= 0 ? null : (amount * scale) / count;

const add = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined ? (b ?? null) : b === null || b === undefined ? a : a + b;

/**
 * Totals of several spends in one currency. Amounts in different currencies are never added: the caller
 * gets one figure per currency.
 */
export function paidFigures(spends: Spend[]): PaidFigures[] {
  const byCurrency = new Map<string, Spend>();
  for (const spend of spends) {
    const currency = spend.currency.toUpperCase();
    const sum = byCurrency.get(currency);
    byCurrency.set(
      currency,
      sum
        ? {
            currency,
            amountMinor: sum.amountMinor + spend.amountMinor,
            paidImpressions: add(sum.paidImpressions, spend.paidImpressions),
            paidClicks: add(sum.paidClicks, spend.paidClicks),
            paidInteractions: add(sum.paidInteractions, spend.paidInteractions),
          }
        : { ...spend, currency }
    );
  }
  return [...byCurrency.values()].map((sum) => ({
    currency: sum.currency,
    amountMinor: sum.amountMinor,
    cpm: per(sum.amountMinor, sum.paidImpressions, 1000),
    cpc: per(sum.amountMinor, sum.paidClicks),
    costPerInteraction: per(sum.amountMinor, sum.paidInteractions),
  }));
}
