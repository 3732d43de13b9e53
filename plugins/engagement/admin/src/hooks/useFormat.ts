import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { translationId } from '@porte-voix/kit/admin';

import type { Change, Rate } from '../api/engagement';
import { PLUGIN_ID } from '../pluginId';
import { relativeParts } from '../utils/time';
import { useT } from './useT';

/**
 * Figures as a community manager reads them, in the admin's language: an unknown figure is "n/a",
 * never 0; a rate says what it divides by; a date says how long ago.
 */
export const useFormat = () => {
  const t = useT();
  const intl = useIntl();

  return useMemo(() => {
    const na = t('figure.na');
    const count = (value: number | null | undefined) =>
      value === null || value === undefined ? na : intl.formatNumber(value, { maximumFractionDigits: 0 });
    const decimal = (value: number | null | undefined, digits = 1) =>
      value === null || value === undefined
        ? na
        : intl.formatNumber(value, { maximumFractionDigits: digits });
    /** A fraction as a percentage (0.0333 → 3.33 %). */
    const percent = (fraction: number | null | undefined, digits = 2) =>
      fraction === null || fraction === undefined
        ? na
        : intl.formatNumber(fraction, { style: 'percent', maximumFractionDigits: digits });
    const rate = (value: Rate | null | undefined) => percent(value?.value);
    /** "interactions ÷ impressions" */
    const basis = (numerator: Rate['numerator'], denominator: Rate['denominator']) =>
      t(`rate.basis.${numerator}.${denominator}`);
    /** "interactions ÷ impressions: 120 ÷ 3,000" */
    const ratio = (
      numerator: Rate['numerator'],
      denominator: Rate['denominator'],
      top: number | null | undefined,
      bottom: number | null | undefined
    ) =>
      t('rate.values', {
        basis: basis(numerator, denominator),
        numerator: count(top),
        denominator: count(bottom),
      });
    const signed = (value: number, format: (n: number) => string) =>
      value > 0 ? `+${format(value)}` : format(value);
    const change = (value: Change | null | undefined) => {
      if (!value || value.absolute === null) return na;
      const absolute = signed(value.absolute, (n) => intl.formatNumber(n, { maximumFractionDigits: 0 }));
      if (value.percent === null) return absolute;
      const share = signed(value.percent / 100, (n) =>
        intl.formatNumber(n, { style: 'percent', maximumFractionDigits: 0 })
      );
      return `${absolute} (${share})`;
    };
    /** "2 hours ago"; `fallback` when it never happened. */
    const ago = (iso: string | null | undefined, fallback = na) => {
      const parts = iso ? relativeParts(iso) : null;
      return parts ? intl.formatRelativeTime(parts.value, parts.unit, { numeric: 'auto' }) : fallback;
    };
    /** A calendar day (YYYY-MM-DD), whatever the browser's zone. */
    const day = (value: string | null | undefined, style: 'short' | 'medium' = 'medium') =>
      value
        ? intl.formatDate(`${value.slice(0, 10)}T12:00:00Z`, {
            timeZone: 'UTC',
            ...(style === 'short' ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' }),
          })
        : na;
    const dateTime = (iso: string | null | undefined) =>
      iso ? intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : na;
    /** Minor units (cents) in their currency. */
    const money = (minor: number | null | undefined, currency: string) => {
      if (minor === null || minor === undefined) return na;
      const digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
      return intl.formatNumber(minor / 10 ** digits, { style: 'currency', currency });
    };
    const network = (id: string | null | undefined) =>
      id
        ? intl.formatMessage({ id: translationId(PLUGIN_ID, `network.${id}`), defaultMessage: id })
        : t('network.all');

    return { na, count, decimal, percent, rate, basis, ratio, change, ago, day, dateTime, money, network };
  }, [t, intl]);
};

export type Format = ReturnType<typeof useFormat>;
