import type { ActionDefinition } from '@porte-voix/kit/server';

/**
 * RBAC actions of the plugin, as `plugin::editorial.<uid>` in roles. Super admins hold every
 * action; no other role is given any by default, `bypass` least of all (solo teams grant it).
 */
export const ACTIONS = {
  read: 'plugin::editorial.read',
  submit: 'plugin::editorial.submit',
  approve: 'plugin::editorial.approve',
  bypass: 'plugin::editorial.bypass',
  settings: 'plugin::editorial.settings',
} as const;

export const ACTION_DEFINITIONS: ActionDefinition[] = [
  { uid: 'read', displayName: 'See review states, history and comments; comment' },
  { uid: 'submit', displayName: 'Submit a post for review, or withdraw it' },
  { uid: 'approve', displayName: 'Approve a post, or send it back with a comment' },
  { uid: 'bypass', displayName: 'Schedule posts that are not approved (solo teams)' },
  { uid: 'settings', displayName: "Set a campaign's approval rules" },
];
