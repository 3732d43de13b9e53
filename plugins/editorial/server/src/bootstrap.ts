import type { Core } from '@strapi/strapi';
import { registerActions } from '@porte-voix/kit/server';

import { ACTION_DEFINITIONS } from './permissions';
import { PLUGIN_ID } from './plugin-id';
import { historyRepository } from './repositories/history.repository';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, PLUGIN_ID, ACTION_DEFINITIONS);
  await historyRepository(strapi).installAppendOnlyGuard();
};

export default bootstrap;
