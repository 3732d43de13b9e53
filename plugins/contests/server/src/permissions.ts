import type { ActionDefinition } from '@porte-voix/kit/server';

/** RBAC actions of the plugin, as `plugin::contests.<uid>` in roles. */
export const ACTIONS = {
  read: 'plugin::contests.read',
  moderate: 'plugin::contests.moderate',
  organize: 'plugin::contests.organize',
} as const;

export const ACTION_DEFINITIONS: ActionDefinition[] = [
  { uid: 'read', displayName: 'See contests, entries and the audit log' },
  { uid: 'moderate', displayName: 'Invalidate and restore entries' },
  {
    uid: 'organize',
    displayName: 'Commit, draw, export entries, manage claims, erase entrants, generate rules',
  },
];
