import { useEffect, useState } from 'react';
import { useAuth } from '@strapi/strapi/admin';

/**
 * Which of these actions the signed-in admin may take, checked again whenever the admin's own
 * permissions change. Strapi's `useRBAC` checks once, when a page mounts: a page opened while the
 * admin was still loading the user's permissions (a reload, a slow server) said "no permissions" for
 * good. A failed check is `error`, for the page to say so rather than "no permissions".
 * The server enforces the same actions on every route.
 */
export function usePermittedActions(actions: readonly string[]) {
  const isLoadingAuth = useAuth('usePermittedActions', (state) => state.isLoading);
  const check = useAuth('usePermittedActions', (state) => state.checkUserHasPermissions);
  const [result, setResult] = useState<{ allowed: Set<string>; error: unknown } | null>(null);
  const key = actions.join(' ');

  useEffect(() => {
    if (isLoadingAuth) return;
    // The answer before stays while this one comes (a page is not unmounted by a filter's change).
    let current = true;
    check(key.split(' ').map((action) => ({ action, subject: null })))
      .then((permitted) => {
        if (current) setResult({ allowed: new Set(permitted.map((p) => p.action)), error: null });
      })
      .catch((error: unknown) => {
        if (current) setResult({ allowed: new Set(), error });
      });
    return () => {
      current = false;
    };
    // `check` changes with the admin's permissions (and the page's query): check again then.
  }, [check, isLoadingAuth, key]);

  return {
    isLoading: isLoadingAuth || result === null,
    error: result?.error ?? null,
    can: (action: string) => !!result?.allowed.has(action),
  };
}
