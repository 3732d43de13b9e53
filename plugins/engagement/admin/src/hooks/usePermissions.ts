import { usePermittedActions } from '@porte-voix/kit/admin';

const ACTIONS = ['plugin::engagement.read', 'plugin::engagement.export', 'plugin::engagement.spend.manage'];

/** What the signed-in admin may do here; the server enforces the same actions on every route. */
export const usePermissions = () => {
  const { isLoading, error, can } = usePermittedActions(ACTIONS);
  return {
    isLoading,
    error,
    canRead: can('plugin::engagement.read'),
    canExport: can('plugin::engagement.export'),
    canManageSpend: can('plugin::engagement.spend.manage'),
  };
};
