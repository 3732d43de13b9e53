/** zod at the edge of the spend API: what a community manager types, with messages they can act on. */
import { z } from 'zod';

import { networkOf } from './network.validator';

// Node 18+ has it; the server's TypeScript lib predates it.
const intl = Intl as unknown as { supportedValuesOf(key: 'currency'): string[] };
const CURRENCIES = new Set(intl.supportedValuesOf('currency'));

/** Digits after the decimal point in a currency (EUR 2, JPY 0). */
export const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

const documentId = (what: string) =>
  z
    .string({ required_error: `${what} is required`, invalid_type_error: `${what} must be a document id` })
    .trim()
    .regex(/^[a-z0-9]{1,64}$/i, `${what} must be a document id`);

const count = (what: string) =>
  z
    .number({ invalid_type_error: `${what} must be a whole number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} cannot be negative`)
    .max(2_000_000_000, `${what} is too large`)
    .nullable()
    .optional();

const spendFields = (networks: readonly string[]) =>
  z.object({
    campaign: documentId('campaign'),
    post: documentId('post').nullable().optional(),
    network: networkOf(networks).nullable().optional(),
    spentOn: z
      .string({ required_error: 'spentOn is required (YYYY-MM-DD)' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'spentOn must be a day, YYYY-MM-DD')
      .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), 'spentOn is not a calendar day'),
    /** In the currency's major unit, as typed: 149.90 (EUR). */
    amount: z
      .number({
        required_error: 'amount is required',
        invalid_type_error: 'amount must be a number, e.g. 149.90',
      })
      .min(0, 'amount cannot be negative')
      .max(10_000_000, 'amount is too large'),
    currency: z
      .string({ required_error: 'currency is required (ISO 4217, e.g. EUR)' })
      .trim()
      .toUpperCase()
      .refine((code) => CURRENCIES.has(code), 'currency must be an ISO 4217 code such as EUR, USD or CHF'),
    paidImpressions: count('paidImpressions'),
    paidClicks: count('paidClicks'),
    paidInteractions: count('paidInteractions'),
    note: z.string().trim().max(500, 'note is at most 500 characters').nullable().optional(),
  });

/** The amount in minor units, refusing more decimals than the currency has. */
type SpendFields = z.output<ReturnType<typeof spendFields>>;
const withMinorAmount = (spend: SpendFields, ctx: z.RefinementCtx): SpendFields & { amountMinor: number } => {
  const digits = minorDigits(spend.currency);
  const minor = Math.round(spend.amount * 10 ** digits);
  if (Math.abs(minor - spend.amount * 10 ** digits) > 1e-6) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['amount'],
      message: `amount has more decimals than ${spend.currency} allows (${digits})`,
    });
    return z.NEVER;
  }
  return { ...spend, amountMinor: minor };
};

/** A spend line; its network among those cross-post publishes to (`registeredNetworks`). */
export const spendBody = (networks: readonly string[]) =>
  spendFields(networks).strict().transform(withMinorAmount);

export const spendQuery = z.object({ campaign: documentId('campaign') });

export type SpendBody = SpendFields & { amountMinor: number };
