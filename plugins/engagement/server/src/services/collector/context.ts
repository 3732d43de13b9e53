/** What every part of the collector shares on one instance: its name, settings and tables. */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import type { EngagementConfig } from '../../config';
import { PLUGIN_ID } from '../../plugin-id';
import { accountDailiesRepository } from '../../repositories/account-dailies.repository';
import { accountStatsRepository } from '../../repositories/account-stats.repository';
import { campaignDailiesRepository } from '../../repositories/campaign-dailies.repository';
import { campaignsRepository } from '../../repositories/campaigns.repository';
import { collectorJobsRepository } from '../../repositories/collector-jobs.repository';
import { deliveryStatsRepository } from '../../repositories/delivery-stats.repository';
import { metricDailiesRepository } from '../../repositories/metric-dailies.repository';
import { metricSnapshotsRepository } from '../../repositories/metric-snapshots.repository';
import { crossPostMetrics } from './metrics-source';

export function createCollector(strapi: Core.Strapi) {
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const config = () =>
    strapi.plugin(PLUGIN_ID).config as unknown as <K extends keyof EngagementConfig>(
      key: K
    ) => EngagementConfig[K];

  let leases = 0;
  return {
    strapi,
    owner,
    /**
     * A lease owner for one piece of work (a round, a refresh, a rebuild): rows are held by the
     * work, not the instance, so two pieces of work on one instance never take each other's rows.
     */
    leaseOwner: () => `${owner}#${(leases += 1)}`,
    setting: <K extends keyof EngagementConfig>(key: K) => config()(key),
    metrics: () => crossPostMetrics(strapi),
    stats: deliveryStatsRepository(strapi),
    snapshots: metricSnapshotsRepository(strapi),
    dailies: metricDailiesRepository(strapi),
    campaignDailies: campaignDailiesRepository(strapi),
    accounts: accountStatsRepository(strapi),
    accountDays: accountDailiesRepository(strapi),
    jobs: collectorJobsRepository(strapi),
    campaigns: campaignsRepository(strapi),
    log: (level: 'info' | 'warn' | 'error' | 'debug', message: string) =>
      strapi.log[level](`[engagement] collector: ${message}`),
  };
}

export type Collector = ReturnType<typeof createCollector>;

/** Runs `work` on each item, `concurrency` at a time. */
export async function eachLimited<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await work(next);
  });
  await Promise.all(workers);
}
