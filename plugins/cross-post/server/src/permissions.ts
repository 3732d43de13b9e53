import type { ActionDefinition } from '@porte-voix/kit/server';

import { PLUGIN_ID } from './plugin-id';

/** RBAC actions of the plugin, as `plugin::cross-post.<uid>` in roles. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  publish: `plugin::${PLUGIN_ID}.publish`,
  manageAccounts: `plugin::${PLUGIN_ID}.accounts.manage`,
} as const;

export const ACTION_DEFINITIONS: ActionDefinition[] = [
  { uid: 'read', displayName: 'Read deliveries and accounts' },
  { uid: 'publish', displayName: 'Publish and schedule posts, cancel and retry deliveries' },
  { uid: 'accounts.manage', displayName: 'Manage social accounts' },
];
