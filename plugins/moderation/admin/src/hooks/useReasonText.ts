import { useCallback } from 'react';
import { useReasonText as useReasonTextOf, type Why } from '@porte-voix/kit/admin';

import { PLUGIN_ID } from '../pluginId';

/**
 * Why, in the reader's language, from this plugin's `reason.<code>` messages. A new author's hold
 * stored before it counted their earlier comments reads as their first.
 */
export const useReasonText = () => {
  const reasonText = useReasonTextOf(PLUGIN_ID);
  return useCallback(
    (why: Why) =>
      reasonText(
        why.code === 'new_author' && why.params?.earlier === undefined
          ? { ...why, params: { ...why.params, earlier: 0 } }
          : why
      ),
    [reasonText]
  );
};
