import type { Core } from '@strapi/strapi';

import { registerActions } from './permissions';
import { seedDemoAccounts } from './demo-accounts';
import { encryptionKey } from './utils/credentials';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Refuse to start in production without a real key, rather than fail at the first publication.
  encryptionKey();
  await registerActions(strapi);
  await seedDemoAccounts(strapi);
  getService(strapi, 'dispatcher').start();
};

export default bootstrap;
