/** A post's numbers as collected: each delivery's latest counters and state, and its snapshots over time. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { pickCounters } from '../domain/changes';
import { engagementRate } from '../domain/rates';
import { deliveryStatsRepository, type DeliveryStatRow } from '../repositories/delivery-stats.repository';
import { metricSnapshotsRepository } from '../repositories/metric-snapshots.repository';
import { getService } from '../utils/get-service';
import { postTitles } from './reports/campaigns';
import { figuresOf } from './reports/figures';

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

function toPublic(row: DeliveryStatRow) {
  const counters = pickCounters(row);
  return {
    deliveryId: row.deliveryId,
    accountId: row.accountId,
    network: row.network,
    url: row.url ?? null,
    campaignDocumentId: row.campaignDocumentId ?? null,
    postedAt: iso(row.postedAt),
    followersAtPublish: row.followersAtPublish ?? null,
    ...figuresOf(counters),
    /** Interactions by the account's followers when it was posted, so a growing audience does not lower it. */
    engagementByFollowers: engagementRate(counters, 'followers', row.followersAtPublish),
    state: row.state,
    stateReason: row.stateReason ?? null,
    lastCollectedAt: iso(row.lastCollectedAt),
    nextCollectAt: iso(row.nextCollectAt),
  };
}

export type PostDeliveryMetrics = ReturnType<typeof toPublic>;

const postMetricsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const stats = deliveryStatsRepository(strapi);
  const snapshots = metricSnapshotsRepository(strapi);

  return {
    /** The post's title (in the admin's locale where it has one), deliveries and snapshots (oldest first). */
    async forPost(postDocumentId: string, locale?: string) {
      const rows = await stats.findByPost(postDocumentId);
      if (rows.length === 0)
        throw new errors.NotFoundError('This post has no published delivery to measure yet.', {
          reason: 'no_published_delivery',
        });
      const [series, titles] = await Promise.all([
        snapshots.seriesOf(rows.map((row) => row.deliveryId)),
        postTitles(strapi, [postDocumentId], locale),
      ]);
      return {
        postDocumentId,
        title: titles[postDocumentId] ?? null,
        deliveries: rows.map((row) => ({
          ...toPublic(row),
          snapshots: series
            .filter((point) => point.deliveryId === row.deliveryId)
            .map(({ capturedAt, counters }) => ({ capturedAt, counters })),
        })),
      };
    },

    /** Collects the post's deliveries now (limited per post), then answers its numbers and what was refused. */
    async refresh(postDocumentId: string, locale?: string) {
      const outcome = await getService(strapi, 'collector').refreshPost(postDocumentId);
      return { ...(await this.forPost(postDocumentId, locale)), refresh: outcome };
    },
  };
};

export type PostMetricsService = ReturnType<typeof postMetricsService>;
export default postMetricsService;
