import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../plugin-id';

const statusController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx) {
    ctx.body = { data: strapi.plugin(PLUGIN_ID).service('status').describe() };
  },
});

export default statusController;
