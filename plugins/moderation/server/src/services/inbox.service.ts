/**
 * The inbox: replies and mentions collected from the networks cross-post publishes to, into the
 * moderation queue. Every instance ticks (MODERATION_INBOX_TICK_SECONDS, 60 by default, 0 under the
 * tests unless set, 0 never);
 * leases in the database share the sources so that no account is read by two instances at once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import { inboxSourcesRepository } from '../repositories/inbox-sources.repository';
import { collectRound, type InboxRound } from './inbox/collect';

const DEFAULT_TICK_SECONDS = 60;

export function inboxTickSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MODERATION_INBOX_TICK_SECONDS;
  if (raw === undefined || raw === '') return env.NODE_ENV === 'test' ? 0 : DEFAULT_TICK_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new Error(`MODERATION_INBOX_TICK_SECONDS must be 0 (off) or a number of seconds, not "${raw}"`);
  return seconds;
}

const inboxService = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let rounds = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  /** A lease owner per round: two rounds on one instance never take each other's sources. */
  const owner = () => `${instance}#${(rounds += 1)}`;

  const tick = async () => {
    try {
      await collectRound(strapi, owner());
    } catch (error: any) {
      strapi.log.error(`[moderation] inbox: ${error?.stack ?? error}`);
    }
  };

  function plan(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = tick().finally(() => {
        running = null;
        plan(inboxTickSeconds() * 1000 * (0.9 + Math.random() * 0.2));
      });
    }, delayMs);
    timer.unref?.();
  }

  return {
    /** One round now, as a tick runs it (tests and the admin's "collect now"). */
    runOnce: (): Promise<InboxRound> => collectRound(strapi, owner()),

    start() {
      if (inboxTickSeconds() === 0 || !stopped) return;
      stopped = false;
      plan(Math.min(inboxTickSeconds() * 1000, 2_000) * (0.5 + Math.random()));
    },

    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },

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
