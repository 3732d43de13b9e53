import { usePluginT } from '@porte-voix/kit/admin';

import { PLUGIN_ID } from '../pluginId';

/** `t('review.submit')`: the plugin's own messages, with values; stable across renders. */
export const useT = () => usePluginT(PLUGIN_ID);
