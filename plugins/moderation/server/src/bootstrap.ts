import type { Core } from '@strapi/strapi';
import { registerActions } from '@porte-voix/kit/server';

import { ACTION_DEFINITIONS } from './permissions';
import { PLUGIN_ID } from './plugin-id';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, PLUGIN_ID, ACTION_DEFINITIONS);
  await getService(strapi, 'audit').installAppendOnlyGuard();
  await getService(strapi, 'identity').init();
  getService(strapi, 'inbox').start();
  getService(strapi, 'listening').start();
};

export default bootstrap;
