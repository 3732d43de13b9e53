import { usePermittedActions } from '@porte-voix/kit/admin';

const ACTIONS = [
  'plugin::engagement.export',
  'plugin::engagement.spend.manage',
  'plugin::engagement.links.manage',
];

/**
 * What the signed-in admin may do on engagement's pages (the buttons they see); the server enforces
 * the same actions on every route.
 */
export const usePermissions = () => {
  const { can } = usePermittedActions(ACTIONS);
  return {
    canExport: can('plugin::engagement.export'),
    canManageSpend: can('plugin::engagement.spend.manage'),
    canManageLinks: can('plugin::engagement.links.manage'),
  };
};
