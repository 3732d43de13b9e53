import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { usePluginT } from './useT';

/** Why, as the server stores it: a code and its parameters, and what a person typed. */
export type Why = { code?: string | null; params?: Record<string, unknown> | null; typed?: string | null };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Why, in the reader's language: the code's message (`reason.<code>` of the plugin) with its
 * parameters (a date shown as a date), then what a person typed, as typed. Entries from before codes
 * were stored have only text: shown as it is.
 */
export const useReasonText = (pluginId: string) => {
  const t = usePluginT(pluginId);
  const { formatDate } = useIntl();
  return useCallback(
    ({ code, params, typed }: Why) => {
      const values = Object.fromEntries(
        Object.entries(params ?? {}).map(([name, value]) => [
          name,
          typeof value === 'string' && ISO_DATE_TIME.test(value)
            ? formatDate(value, { dateStyle: 'medium', timeStyle: 'short' })
            : (value as string | number | boolean),
        ])
      );
      return [code ? t(`reason.${code}`, values) : null, typed].filter(Boolean).join(t('reason.separator'));
    },
    [t, formatDate]
  );
};
