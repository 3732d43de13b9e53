import type { Core } from '@strapi/strapi';
import { registerActions } from '@porte-voix/kit/server';

import type { EditorialConfig } from './config';
import { ACTION_DEFINITIONS } from './permissions';
import { PLUGIN_ID } from './plugin-id';
import { historyRepository } from './repositories/history.repository';
import { getService } from './utils/get-service';

let digestTimer: NodeJS.Timeout | null = null;

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, PLUGIN_ID, ACTION_DEFINITIONS);
  await historyRepository(strapi).installAppendOnlyGuard();

  // Each instance looks every `checkSeconds`: the first look in a new period sends its digests.
  const { enabled, checkSeconds } = strapi.plugin(PLUGIN_ID).config('digest') as EditorialConfig['digest'];
  if (enabled) {
    digestTimer = setInterval(() => {
      getService(strapi, 'digest')
        .run()
        .catch((error: Error) => strapi.log.error(`[${PLUGIN_ID}] Digest run failed: ${error.message}`));
    }, checkSeconds * 1000);
    digestTimer.unref();
  }
};

export function stopDigests() {
  if (digestTimer) clearInterval(digestTimer);
  digestTimer = null;
}

export default bootstrap;
