/**
 * The inbox: replies and mentions collected from the networks cross-post publishes to, into the
 * moderation queue. Every instance ticks (MODERATION_INBOX_TICK_SECONDS, 60 by default, 0 under the
 * tests unless set, 0 never);
 * leases in the database share the sources so that no account is read by two instances at once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { createTicker, tickSecondsFromEnv } from '@porte-voix/kit/server';

import { inboxSourcesRepository } from '../repositories/inbox-sources.repository';
import { collectRound, type InboxRound } from './inbox/collect';

const DEFAULT_TICK_SECONDS = 60;

export const inboxTickSeconds = (env: NodeJS.ProcessEnv = process.env): number =>
  tickSecondsFromEnv('MODERATION_INBOX_TICK_SECONDS', DEFAULT_TICK_SECONDS, env);

const inboxService = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let rounds = 0;

  /** A lease owner per round: two rounds on one instance never take each other's sources. */
  const owner = () => `${instance}#${(rounds += 1)}`;

  const ticker = createTicker({
    seconds: () => inboxTickSeconds(),
    tick: () => collectRound(strapi, owner()),
    onError: (error: any) => strapi.log.error(`[moderation] inbox: ${error?.stack ?? error}`),
  });

  return {
    /** One round now, as a tick runs it (tests and the admin's "collect now"). */
    runOnce: (): Promise<InboxRound> => collectRound(strapi, owner()),

    start: ticker.start,
    stop: ticker.stop,

    /**
     * The networks the inbox can collect from and answer on (cross-post says which), and each source: its network,
     * account, last read and what it met.
     */
    async sources() {
      const rows = await inboxSourcesRepository(strapi).list();
      const profiles = strapi.plugin('cross-post')?.service('replies').profiles() ?? {};
      const networks = Object.entries(profiles as Record<string, { collects: boolean }>)
        .filter(([, profile]) => profile.collects)
        .map(([network]) => network);
      const answers = strapi.plugin('cross-post')?.service('answers');
      return {
        networks,
        answerable: (answers?.answerable() ?? []) as string[],
        hideable: (answers?.hideable() ?? []) as string[],
        likeable: (answers?.likeable?.() ?? []) as string[],
        sources: rows.map((row: any) => ({
          accountId: row.accountId,
          network: row.network,
          accountName: row.accountName,
          lastCollectedAt: row.lastCollectedAt ?? null,
          nextRunAt: row.nextRunAt ?? null,
          collectedCount: row.collectedCount ?? 0,
          lastError: row.lastError ?? null,
          lastErrorKind: row.lastError ? (row.lastErrorKind ?? 'failed') : null,
          notices: row.lastError && row.notices ? String(row.notices).split(' ') : [],
        })),
      };
    },
  };
};

export default inboxService;
