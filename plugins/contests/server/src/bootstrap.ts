import type { Core } from '@strapi/strapi';
import { registerActions } from '@porte-voix/kit/server';

import type { ContestsConfig } from './config';
import { ACTION_DEFINITIONS } from './permissions';
import { PLUGIN_ID } from './plugin-id';
import { getService } from './utils/get-service';

let sweepTimer: NodeJS.Timeout | null = null;
let outboxTimer: NodeJS.Timeout | null = null;

/** Claim deadlines and retention purges, on every instance: all are idempotent. */
async function sweep(strapi: Core.Strapi) {
  try {
    await getService(strapi, 'claims').sweepDeadlines();
    await getService(strapi, 'privacy').purgeExpired();
    await getService(strapi, 'rateLimit').purgeExpired();
    await getService(strapi, 'confirmations').purgeExpired();
  } catch (error) {
    strapi.log.error(`[contests] Sweep failed: ${(error as Error).message}`);
  }
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, PLUGIN_ID, ACTION_DEFINITIONS);
  await getService(strapi, 'audit').installAppendOnlyGuard();
  // A contest opens only with its rules approved: an approval or a voided one is seen at once.
  for (const event of ['editorial.approved', 'editorial.voided'])
    strapi.eventHub.on(event, async () => {
      getService(strapi, 'events').forget();
    });

  const minutes = strapi
    .plugin(PLUGIN_ID)
    .config('sweepIntervalMinutes') as ContestsConfig['sweepIntervalMinutes'];
  if (minutes > 0) {
    sweepTimer = setInterval(() => void sweep(strapi), minutes * 60 * 1000);
    sweepTimer.unref();
  }
  // Retries, and e-mails an instance left half-sent when it stopped: whichever instance comes first.
  const { intervalSeconds } = strapi.plugin(PLUGIN_ID).config('outbox') as ContestsConfig['outbox'];
  if (intervalSeconds > 0) {
    outboxTimer = setInterval(() => {
      getService(strapi, 'outbox')
        .deliverDue()
        .catch((error: Error) => strapi.log.error(`[contests] Outbox delivery failed: ${error.message}`));
    }, intervalSeconds * 1000);
    outboxTimer.unref();
  }
};

export function stopSweeps() {
  if (sweepTimer) clearInterval(sweepTimer);
  if (outboxTimer) clearInterval(outboxTimer);
  sweepTimer = null;
  outboxTimer = null;
}

export default bootstrap;
