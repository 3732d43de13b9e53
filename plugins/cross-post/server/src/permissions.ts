import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from './plugin-id';

/** RBAC actions, granted per admin role in Settings → Roles. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  publish: `plugin::${PLUGIN_ID}.publish`,
  manageAccounts: `plugin::${PLUGIN_ID}.accounts.manage`,
} as const;

export async function registerActions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read deliveries and accounts', uid: 'read', pluginName: PLUGIN_ID },
    {
      section: 'plugins',
      displayName: 'Publish and schedule posts, cancel and retry deliveries',
      uid: 'publish',
      pluginName: PLUGIN_ID,
    },
    {
      section: 'plugins',
      displayName: 'Manage social accounts',
      uid: 'accounts.manage',
      pluginName: PLUGIN_ID,
    },
  ]);
}

export const requires = (action: string) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [action] } },
];
