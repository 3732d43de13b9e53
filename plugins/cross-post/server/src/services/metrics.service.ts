/**
 * What the engagement plugin asks of cross-post to collect metrics (plugins talk through services):
 * the published deliveries, each network's metrics profile, one batch of metrics or the followers of
 * one account, and each account's collection health. Credentials never leave cross-post; publishing
 * keeps priority (see metrics/network-read.ts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parse } from '@porte-voix/kit/server';

import {
  NETWORKS,
  providerFor,
  providers,
  type DeliveryMetrics,
  type MetricsProfile,
  type NetworkId,
} from '../providers';
import { deliveriesRepository } from '../repositories/deliveries.repository';
import { accountIdSchema, listPublishedSchema, remoteIdsSchema } from '../validators/metrics.validators';
import { createNetworkReader, isReadFailure, type ReadFailure } from './metrics/network-read';

export type PublishedDelivery = {
  deliveryId: number;
  accountId: number;
  network: NetworkId;
  remoteId: string;
  url: string | null;
  postDocumentId: string;
  campaignDocumentId: string | null;
  /** ISO */
  publishedAt: string;
};

export type MetricsFailure = ReadFailure;

export type AccountHealth = {
  accountId: number;
  network: NetworkId;
  label: string;
  /** The network refused the credentials: only an editor reconnecting the account helps. */
  reconnect: boolean;
  /** Reading waits until then (the network's 429, or publishing's own wait), null when it may read now. */
  pausedUntil: string | null;
  /** Why, for an editor: the reconnection or the wait (beyond the contract, for the widget's tooltip). */
  reason: string | null;
};

const iso = (value: unknown) => new Date(value as string).toISOString();

const metricsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reader = createNetworkReader(strapi);
  const deliveries = deliveriesRepository(strapi);

  return {
    /** Published deliveries with a remote id, ordered by deliveryId ascending, after a cursor (the collector keeps it). */
    async listPublished(query: { afterId: number; limit: number }): Promise<PublishedDelivery[]> {
      const { afterId, limit } = parse(listPublishedSchema, query);
      const rows = await deliveries.findPublishedAfter(afterId, limit);
      return rows.map((row) => ({
        deliveryId: row.id,
        accountId: row.accountId,
        network: row.network,
        remoteId: row.remoteId,
        url: row.url ?? null,
        postDocumentId: row.postDocumentId,
        campaignDocumentId: row.campaignDocumentId ?? null,
        publishedAt: iso(row.publishedAt),
      }));
    },

    /** Each network's MetricsProfile (by network id). */
    profiles(): Record<NetworkId, MetricsProfile> {
      return Object.fromEntries(
        NETWORKS.map((network) => {
          const profile = providers[network].metrics;
          return [network, { ...profile, measures: [...profile.measures] }];
        })
      ) as Record<NetworkId, MetricsProfile>;
    },

    /**
     * One batch for one account (remoteIds.length <= profile.batchSize): one result per id, in the
     * order given, or why not now.
     */
    async fetchMetrics(
      accountId: number,
      remoteIds: string[]
    ): Promise<{ ok: true; results: DeliveryMetrics[] } | MetricsFailure> {
      const id = parse(accountIdSchema, accountId);
      const ids = parse(remoteIdsSchema, remoteIds);
      const account = await reader.state.readState(id);
      if (!account)
        throw new errors.NotFoundError(`No cross-post account ${id}.`, { reason: 'account_not_found' });
      const { batchSize } = providerFor(account.network).metrics;
      if (ids.length > batchSize) {
        throw new errors.ValidationError(
          `remoteIds: ${providerFor(account.network).displayName} answers at most ${batchSize} posts per request; ${ids.length} were given.`,
          { reason: 'batch_too_large', field: 'remoteIds', batchSize }
        );
      }
      const answer = await reader.read(id, (provider, ctx) => provider.fetchMetrics(ids, ctx));
      if (isReadFailure(answer)) return answer;
      // One result per id, in order, whatever a provider did.
      const byId = new Map(answer.value.map((result) => [result.remoteId, result]));
      return {
        ok: true,
        results: ids.map(
          (remoteId): DeliveryMetrics =>
            byId.get(remoteId) ?? {
              remoteId,
              state: 'unavailable',
              reason: 'The network did not answer for this post.',
            }
        ),
      };
    },

    /** The account's followers now (null where the network cannot say: Discord). */
    async fetchAccountMetrics(
      accountId: number
    ): Promise<{ ok: true; followers: number | null } | MetricsFailure> {
      const id = parse(accountIdSchema, accountId);
      const answer = await reader.read(id, (provider, ctx) => provider.fetchAccountMetrics(ctx));
      return isReadFailure(answer) ? answer : { ok: true, followers: answer.value.followers };
    },

    /** Accounts and their collection health for the engagement widget. */
    async accountsHealth(): Promise<AccountHealth[]> {
      const now = new Date();
      return (await reader.state.readStates()).map((account) => {
        const waits = [
          { until: account.metricsPausedUntil, reason: account.metricsPauseReason },
          { until: account.rateLimitedUntil, reason: account.rateLimitReason },
        ].filter((w): w is { until: Date; reason: string | null } => !!w.until && w.until > now);
        const longest = waits.sort((a, b) => b.until.getTime() - a.until.getTime())[0];
        return {
          accountId: account.id,
          network: account.network,
          label: account.name,
          reconnect: account.reconnectReason !== null,
          pausedUntil: longest ? longest.until.toISOString() : null,
          reason: account.reconnectReason ?? longest?.reason ?? null,
        };
      });
    },
  };
};

export type MetricsService = ReturnType<typeof metricsService>;
export default metricsService;
