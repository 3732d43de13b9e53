import type { Core } from '@strapi/strapi';
import { registerActions } from '@porte-voix/kit/server';

import type { EngagementConfig } from './config';
import { ACTION_DEFINITIONS } from './permissions';
import { PLUGIN_ID } from './plugin-id';
import { listsTrackedLinksMiddleware } from './middlewares/tracked-links';
import { rootRoutes, sharePageRoute } from './routes/root.routes';
import { getService } from './utils/get-service';

let reportsTimer: NodeJS.Timeout | null = null;

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, PLUGIN_ID, ACTION_DEFINITIONS);
  getService(strapi, 'collector').start();

  const seconds = strapi
    .plugin(PLUGIN_ID)
    .config('reportsTickSeconds') as EngagementConfig['reportsTickSeconds'];
  if (seconds > 0) {
    reportsTimer = setInterval(() => {
      getService(strapi, 'scheduledReports')
        .sendDue()
        .catch((error) =>
          strapi.log.error(`[engagement] Scheduled reports failed: ${(error as Error).message}`)
        );
    }, seconds * 1000);
    reportsTimer.unref();
  }

  // First-party traffic: /l/<code> at the root, batched writes of clicks and views, retention.
  // (the middleware answers /l/<code> ahead of the stack when the app lists it; otherwise the route does)
  const linksFirst = listsTrackedLinksMiddleware(strapi.config.get('middlewares'));
  strapi.server.routes((linksFirst ? [sharePageRoute] : rootRoutes) as any);
  getService(strapi, 'recorder').start();
  getService(strapi, 'trafficMaintenance').start();
};

export const stopScheduledReports = () => {
  if (reportsTimer) clearInterval(reportsTimer);
  reportsTimer = null;
};

export default bootstrap;
