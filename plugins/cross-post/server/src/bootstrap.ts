import type { Core } from '@strapi/strapi';
import { registerActions } from '@porte-voix/kit/server';

import { ACTION_DEFINITIONS } from './permissions';
import { PLUGIN_ID } from './plugin-id';
import { seedDemoAccounts } from './demo-accounts';
import { getService } from './utils/get-service';
import { approvals } from './utils/approvals';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, PLUGIN_ID, ACTION_DEFINITIONS);
  const legacy = await getService(strapi, 'accounts').bindLegacyCredentials();
  if (legacy.unreadable > 0) {
    strapi.log.warn(
      `[cross-post] ${legacy.unreadable} account(s) have credentials this CROSS_POST_ENCRYPTION_KEY cannot read: enter them again in the cross-post settings.`
    );
  }
  const deliveries = getService(strapi, 'deliveries');
  approvals(strapi).subscribe({
    voided: (documentId, locale) => deliveries.pauseForVersion(documentId, locale),
    approved: (documentId, locale, hash) => deliveries.resumeForVersion(documentId, locale, hash),
  });
  await seedDemoAccounts(strapi);
  getService(strapi, 'dispatcher').start();
  getService(strapi, 'gateway').start();
};

export default bootstrap;
