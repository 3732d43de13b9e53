import type { ActionDefinition } from '@porte-voix/kit/server';

/** RBAC actions of the plugin, as `plugin::engagement.<uid>` in roles. */
export const ACTIONS = {
  read: 'plugin::engagement.read',
  export: 'plugin::engagement.export',
  manageLinks: 'plugin::engagement.links.manage',
  manageSpend: 'plugin::engagement.spend.manage',
} as const;

export const ACTION_DEFINITIONS: ActionDefinition[] = [
  { uid: 'read', displayName: 'See metrics, KPIs, reports and widgets' },
  { uid: 'export', displayName: 'Export reports (CSV, print, scheduled e-mails)' },
  { uid: 'links.manage', displayName: 'Create, change and disable tracked links' },
  { uid: 'spend.manage', displayName: 'Record paid spend on campaigns and boosted posts' },
];
