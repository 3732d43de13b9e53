import { useRBAC } from '@strapi/strapi/admin';

const PERMISSIONS = [
  { action: 'plugin::moderation.read', subject: null },
  { action: 'plugin::moderation.moderate', subject: null },
  { action: 'plugin::moderation.settings', subject: null },
  { action: 'plugin::moderation.saved-replies', subject: null },
  { action: 'plugin::moderation.listening', subject: null },
];

/** What the signed-in admin may do here; the server enforces the same actions on every route. */
export const usePermissions = () => {
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS);
  return {
    isLoading,
    canRead: !!allowedActions.canRead,
    canModerate: !!allowedActions.canModerate,
    canManageSettings: !!allowedActions.canSettings,
    // useRBAC names it after the action's last part in PascalCase: `saved-replies` → canSavedReplies.
    canManageSavedReplies: !!allowedActions.canSavedReplies,
    canManageListening: !!allowedActions.canListening,
  };
};
