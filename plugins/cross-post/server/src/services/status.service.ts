import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../plugin-id';

const statusService = ({ strapi }: { strapi: Core.Strapi }) => ({
  describe() {
    const plugin = strapi.plugin(PLUGIN_ID);
    return {
      plugin: PLUGIN_ID,
      contentTypes: Object.keys(plugin.contentTypes ?? {}),
      services: Object.keys(plugin.services ?? {}),
    };
  },
});

export default statusService;
