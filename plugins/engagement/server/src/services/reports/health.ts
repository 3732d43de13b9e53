/** Collection health: accounts to reconnect or waiting on a rate limit, and deliveries whose numbers are stale. */
import type { Core } from '@strapi/strapi';

import { deliveryStatsRepository } from '../../repositories/delivery-stats.repository';
import { crossPostMetrics } from '../collector/metrics-source';

/** A delivery is stale when its collection is this late (a missed hourly round is not yet alarming). */
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;

export async function collectionHealth(strapi: Core.Strapi, now = new Date()) {
  const [accounts, states] = await Promise.all([
    crossPostMetrics(strapi).accountsHealth(),
    deliveryStatsRepository(strapi).stateCounts(new Date(now.getTime() - STALE_AFTER_MS)),
  ]);
  return {
    accounts: accounts.map((account) => ({
      ...account,
      waiting: account.pausedUntil !== null && new Date(account.pausedUntil) > now,
    })),
    reconnect: accounts.filter((account) => account.reconnect).length,
    rateLimited: accounts.filter((account) => account.pausedUntil && new Date(account.pausedUntil) > now)
      .length,
    deliveries: states,
    stale: states.overdue,
  };
}
