import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from './plugin-id';
import { ensureIndexes } from './repositories/sql';
import { getService } from './utils/get-service';

/** RBAC actions: what an admin role may do with comments (Settings → Roles → Plugins → Moderation). */
const RBAC_ACTIONS = [
  { uid: 'read', displayName: 'See the queues, authors, settings and audit log' },
  { uid: 'moderate', displayName: 'Approve, reject, bulk-moderate and sanction authors' },
  { uid: 'settings', displayName: 'Change the moderation settings' },
].map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID }));

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(RBAC_ACTIONS);
  await getService(strapi, 'identity').init();
  await ensureIndexes(strapi);
};

export default bootstrap;
