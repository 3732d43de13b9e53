import { usePermittedActions } from '@porte-voix/kit/admin';

const ACTIONS = ['plugin::engagement.read', 'plugin::engagement.links.manage'];

/** What the signed-in admin may do with links; the server enforces the same actions on every route. */
export const useLinkPermissions = () => {
  const { isLoading, error, can } = usePermittedActions(ACTIONS);
  return {
    isLoading,
    error,
    canRead: can('plugin::engagement.read'),
    canManage: can('plugin::engagement.links.manage'),
  };
};
