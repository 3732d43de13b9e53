import { usePermittedActions } from '@porte-voix/kit/admin';

const ACTIONS = [
  'plugin::moderation.read',
  'plugin::moderation.moderate',
  'plugin::moderation.settings',
  'plugin::moderation.saved-replies',
  'plugin::moderation.listening',
];

/** What the signed-in admin may do here; the server enforces the same actions on every route. */
export const usePermissions = () => {
  const { isLoading, error, can } = usePermittedActions(ACTIONS);
  return {
    isLoading,
    error,
    canRead: can('plugin::moderation.read'),
    canModerate: can('plugin::moderation.moderate'),
    canManageSettings: can('plugin::moderation.settings'),
    canManageSavedReplies: can('plugin::moderation.saved-replies'),
    canManageListening: can('plugin::moderation.listening'),
  };
};
