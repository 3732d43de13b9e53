import { useMemo } from 'react';
import { useAPIErrorHandler, useNotification } from '@strapi/strapi/admin';

type ApiError = Parameters<ReturnType<typeof useAPIErrorHandler>['formatAPIError']>[0];

/**
 * A failed call, the Strapi way: `message(error)` is the server's own 4xx text ("reason: is
 * required…"), which says what to do; `notify(error)` shows it as a danger notification.
 */
export const useApiError = () => {
  const { formatAPIError } = useAPIErrorHandler();
  const { toggleNotification } = useNotification();
  return useMemo(() => {
    const message = (error: unknown) => formatAPIError(error as ApiError);
    return {
      message,
      notify: (error: unknown) => toggleNotification({ type: 'danger', message: message(error) }),
    };
  }, [formatAPIError, toggleNotification]);
};
