import { useRBAC } from '@strapi/strapi/admin';

const PERMISSIONS = [
  { action: 'plugin::engagement.read', subject: null },
  { action: 'plugin::engagement.links.manage', subject: null },
];

/** What the signed-in admin may do with links; the server enforces the same actions on every route. */
export const useLinkPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS);
  return { isLoading, canRead: !!allowedActions.canRead, canManage: !!allowedActions.canManage };
};
