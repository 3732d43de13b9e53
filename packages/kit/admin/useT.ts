import { useCallback } from 'react';
import { useIntl } from 'react-intl';

/** Plain values only, so that `t()` always answers a string (a label, an aria-label, a notification). */
export type Values = Record<string, string | number | boolean | Date | null | undefined>;

/** A plugin's messages are registered as `<pluginId>.<key>`. */
export const translationId = (pluginId: string, key: string) => `${pluginId}.${key}`;

/** `t('plugin.name')`: the plugin's own messages, with values; stable across renders. */
export const usePluginT = (pluginId: string) => {
  const { formatMessage } = useIntl();
  return useCallback(
    (id: string, values?: Values) =>
      formatMessage({ id: translationId(pluginId, id), defaultMessage: id }, values),
    [formatMessage, pluginId]
  );
};
