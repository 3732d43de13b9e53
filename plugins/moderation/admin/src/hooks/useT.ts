import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

/** `t('queue.pending')`: the plugin's own messages, with values. */
export const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage: id }, values);
};
