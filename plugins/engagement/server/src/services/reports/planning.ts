/**
 * At planning time: which of a campaign's KPI targets the networks it will publish on can measure.
 * The networks are those named (the post editor's choice), or else those of the connected accounts.
 */
import type { Core } from '@strapi/strapi';

import { measurability, type KpiMetric } from '../../domain/kpi-targets';
import { crossPostMetrics } from '../collector/metrics-source';
import { networkMeasures } from './measures';

export async function checkTargets(
  strapi: Core.Strapi,
  targets: Array<{ metric: KpiMetric; network?: string | null }>,
  networks?: string[]
) {
  const chosen = networks?.length
    ? networks
    : [...new Set((await crossPostMetrics(strapi).accountsHealth()).map((account) => account.network))];
  const measures = networkMeasures(strapi);
  return {
    networks: chosen,
    targets: targets.map((target) => ({
      metric: target.metric,
      network: target.network ?? null,
      ...measurability(target.metric, chosen, measures, target.network),
    })),
  };
}
