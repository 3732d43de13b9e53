import { useReasonText as useReasonTextOf } from '@porte-voix/kit/admin';

import { PLUGIN_ID } from '../pluginId';

/** Why, in the reader's language, from this plugin's `reason.<code>` messages. */
export const useReasonText = () => useReasonTextOf(PLUGIN_ID);
