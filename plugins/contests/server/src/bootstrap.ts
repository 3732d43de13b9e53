import type { Core } from '@strapi/strapi';

import type { ContestsConfig } from './config';
import { ACTION_DEFINITIONS } from './permissions';
import { PLUGIN_ID } from './plugin-id';
import { getService } from './utils/get-service';

let sweepTimer: NodeJS.Timeout | null = null;

/** Claim deadlines and retention purges, on every instance: both are idempotent. */
async function sweep(strapi: Core.Strapi) {
  try {
    await getService(strapi, 'claims').sweepDeadlines();
    await getService(strapi, 'privacy').purgeExpired();
  } catch (error) {
    strapi.log.error(`[contests] Sweep failed: ${(error as Error).message}`);
  }
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  if (!strapi.plugin(PLUGIN_ID).config('ipHashSecret')) {
    throw new Error(
      '[contests] Set CONTESTS_IP_HASH_SECRET: entrant IPs are stored only as an HMAC under this secret.'
    );
  }
  await strapi.admin.services.permission.actionProvider.registerMany(
    ACTION_DEFINITIONS.map((action) => ({ section: 'plugins', pluginName: PLUGIN_ID, ...action }))
  );
  await getService(strapi, 'audit').installAppendOnlyGuard();

  const minutes = strapi
    .plugin(PLUGIN_ID)
    .config('sweepIntervalMinutes') as ContestsConfig['sweepIntervalMinutes'];
  if (minutes > 0) {
    sweepTimer = setInterval(() => void sweep(strapi), minutes * 60 * 1000);
    sweepTimer.unref();
  }
};

export function stopSweeps() {
  if (sweepTimer) clearInterval(sweepTimer);
  sweepTimer = null;
}

export default bootstrap;
