import type { ActionDefinition } from '@porte-voix/kit/server';

/** RBAC actions of the plugin, as `plugin::moderation.<uid>` in roles. */
export const ACTIONS = {
  read: 'plugin::moderation.read',
  moderate: 'plugin::moderation.moderate',
  settings: 'plugin::moderation.settings',
  savedReplies: 'plugin::moderation.saved-replies',
  listening: 'plugin::moderation.listening',
} as const;

export const ACTION_DEFINITIONS: ActionDefinition[] = [
  { uid: 'read', displayName: 'See the queues, authors, settings and audit log' },
  { uid: 'moderate', displayName: 'Approve, reject, bulk-moderate and sanction authors' },
  { uid: 'settings', displayName: 'Change the moderation settings' },
  { uid: 'saved-replies', displayName: 'Write, change and delete the saved replies' },
  { uid: 'listening', displayName: 'Write, change and delete the listening searches' },
];
