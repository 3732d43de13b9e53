/**
 * Listening: mentions of our brand (and of competitors, for share of voice) found by saved searches
 * on the networks' searches and in feeds, into the moderation queue. Every instance ticks
 * (MODERATION_LISTENING_TICK_SECONDS, 60 by default, 0 under the tests unless set, 0 never); leases
 * in the database share the sources so that no source is read by two instances at once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { createTicker, tickSecondsFromEnv } from '@porte-voix/kit/server';

import { checkAlerts } from './listening/alerts';
import { collectRound, type ListeningRound } from './listening/collect';
import { giveRollupsLanguages } from './listening/rollup-languages';
import { listeningAlertsRepository } from '../repositories/listening-alerts.repository';

const DEFAULT_TICK_SECONDS = 60;
/** Rollups counted before languages were kept given theirs each tick. */
const LANGUAGE_ROWS_PER_TICK = 200;

export const listeningTickSeconds = (env: NodeJS.ProcessEnv = process.env): number =>
  tickSecondsFromEnv('MODERATION_LISTENING_TICK_SECONDS', DEFAULT_TICK_SECONDS, env);

const listeningService = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let rounds = 0;

  /** A lease owner per round: two rounds on one instance never take each other's sources. */
  const owner = () => `${instance}#L${(rounds += 1)}`;

  /** Whether rollups without a language may be left (none once a look found fewer than it asked). */
  let rollupsWithoutLanguage = true;

  const ticker = createTicker({
    seconds: () => listeningTickSeconds(),
    async tick() {
      if (rollupsWithoutLanguage)
        rollupsWithoutLanguage =
          (await giveRollupsLanguages(strapi, LANGUAGE_ROWS_PER_TICK)) === LANGUAGE_ROWS_PER_TICK;
      // Without new mentions a round weighs nothing: an episode still ends as the hours pass.
      if ((await collectRound(strapi, owner())).collected === 0) await checkAlerts(strapi);
    },
    onError: (error: any) => strapi.log.error(`[moderation] listening: ${error?.stack ?? error}`),
  });

  return {
    /** One round now, as a tick runs it (tests and the admin's "collect now"). */
    runOnce: (): Promise<ListeningRound> => collectRound(strapi, owner()),

    /** Gives rollups counted before languages were kept theirs, `limit` rows (a tick does it). */
    giveRollupsLanguages: (limit = LANGUAGE_ROWS_PER_TICK) => giveRollupsLanguages(strapi, limit),

    /** Weighs every search now (a round does it after storing mentions; an episode also ends with time). */
    checkAlerts: (now?: Date) => checkAlerts(strapi, now),

    /** The latest alerts, open ones first, for the admin. */
    async alerts(limit = 50) {
      const rows = await listeningAlertsRepository(strapi).recent(limit);
      return rows
        .map((row: any) => ({
          id: row.id,
          searchId: Number(row.searchId),
          searchName: row.searchName ?? null,
          kind: row.kind,
          open: row.openKey === 'open',
          startedAt: new Date(row.startedAt).toISOString(),
          endedAt: row.endedAt ? new Date(row.endedAt).toISOString() : null,
          level: Number(row.level),
          threshold: Number(row.threshold),
        }))
        .sort((a, b) => Number(b.open) - Number(a.open));
    },

    start: ticker.start,
    stop: ticker.stop,
  };
};

export default listeningService;
