import { useRBAC } from '@strapi/strapi/admin';

const PERMISSIONS = [
  { action: 'plugin::engagement.read', subject: null },
  { action: 'plugin::engagement.export', subject: null },
  { action: 'plugin::engagement.spend.manage', subject: null },
];

/** What the signed-in admin may do here; the server enforces the same actions on every route. */
export const usePermissions = () => {
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS);
  return {
    isLoading,
    canRead: !!allowedActions.canRead,
    canExport: !!allowedActions.canExport,
    canManageSpend: !!allowedActions.canManage,
  };
};
