/** What every part of the dispatcher shares on one instance: its name, settings, tables and the round under way. */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import { providerFor, type ErrorVerdict, type Provider, type ProviderAccount } from '../../providers';
import { attemptsRepository, type NewAttempt } from '../../repositories/attempts.repository';
import { deliveriesRepository } from '../../repositories/deliveries.repository';
import type { CrossPostConfig } from '../../config';
import { PLUGIN_ID } from '../../plugin-id';
import { redactSecrets } from '../../utils/credentials';
import { approvals, type SentVersion } from '../../utils/approvals';
import type { PostSnapshot } from '../compose.service';

/** What one round shares: accounts found waiting, and each post loaded once per language. */
export type Round = {
  logs: NewAttempt[];
  /** Approved versions sent, for the post's editorial history: written with the attempts. */
  sentVersions: SentVersion[];
  waitingUntil: Map<number, number>;
  posts: Map<string, Promise<PostSnapshot | null>>;
  /** Deliveries whose request went (or may have gone) to the network in this round. */
  sent: Set<number>;
};

export const newRound = (): Round => ({
  logs: [],
  sentVersions: [],
  waitingUntil: new Map(),
  posts: new Map(),
  sent: new Set(),
});

export function createDispatch(strapi: Core.Strapi) {
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const config = () =>
    strapi.plugin(PLUGIN_ID).config as unknown as <K extends keyof CrossPostConfig>(
      key: K
    ) => CrossPostConfig[K];
  const deliveries = deliveriesRepository(strapi);
  const attempts = attemptsRepository(strapi);

  const d = {
    strapi,
    owner,
    deliveries,
    setting: <K extends keyof CrossPostConfig>(key: K) => config()(key),
    // Rounds never overlap on an instance (drain() runs one at a time).
    round: newRound(),

    /** Attempts are written once per round, in one insert (stale recoveries at once). */
    async log(deliveryId: number, outcome: string, detail: string, startedAt: Date, immediately = false) {
      const entry = {
        deliveryId,
        outcome,
        detail: detail.slice(0, 2000),
        instance: owner,
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
      };
      if (immediately) await attempts.add(entry);
      else d.round.logs.push(entry);
    },

    /**
     * Writes the attempts and the sent versions gathered since the last time, one insert each, off
     * the sending path (every 250 ms while lanes run). A history entry that cannot be written is
     * reported, never a reason to fail a delivery that is online.
     */
    async flushLogs() {
      const logs = d.round.logs.splice(0);
      const sent = d.round.sentVersions.splice(0);
      await Promise.all([
        attempts.addMany(logs),
        approvals(strapi)
          .recordSent(sent)
          .catch((error) =>
            strapi.log.warn(`[cross-post] ${sent.length} sent version(s) not recorded: ${error.message}`)
          ),
      ]);
    },

    /** Writes the outcome only while we still hold the lease: a recovered delivery belongs to someone else. */
    settle: (id: number, data: Record<string, unknown>): Promise<boolean> =>
      deliveries.settle(id, owner, data),

    /** What may be stored or logged about an account: its secrets never, even when a network quotes them back. */
    safe(account: ProviderAccount | null, text: string): string {
      if (!account) return text;
      return redactSecrets(text, account.credentials, providerFor(account.network).credentialFields);
    },

    classify(provider: Provider, account: ProviderAccount, error: unknown): ErrorVerdict {
      const verdict = provider.classifyError(error);
      return { ...verdict, reason: d.safe(account, verdict.reason) };
    },
  };
  return d;
}

export type Dispatch = ReturnType<typeof createDispatch>;
