import { useMemo } from 'react';

import type { KpiMetric } from '../api/engagement';
import { useFormat } from './useFormat';
import { useT } from './useT';

/** Rates are fractions (0.05), shown as percentages; everything else is a count. */
export const isRateKpi = (metric: KpiMetric) => metric === 'engagement_rate' || metric === 'ctr';

/** A KPI target's name ("Impressions on X") and its values in the metric's unit. */
export const useKpiText = () => {
  const t = useT();
  const format = useFormat();
  return useMemo(
    () => ({
      name: (metric: KpiMetric, network: string | null) =>
        network
          ? t('kpi.onNetwork', { metric: t(`kpi.${metric}`), network: format.network(network) })
          : t(`kpi.${metric}`),
      value: (metric: KpiMetric, value: number | null) =>
        isRateKpi(metric) ? format.percent(value) : format.count(value),
    }),
    [t, format]
  );
};
