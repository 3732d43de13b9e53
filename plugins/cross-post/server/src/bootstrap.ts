import type { Core } from '@strapi/strapi';

import { ensureDeliveryIndexes } from './repositories/claims.sql';
import { registerActions } from './permissions';
import { seedDemoAccounts } from './demo-accounts';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureDeliveryIndexes(strapi);
  await registerActions(strapi);
  await seedDemoAccounts(strapi);
  getService(strapi, 'dispatcher').start();
};

export default bootstrap;
