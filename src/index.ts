import type { Core } from '@strapi/strapi';

import { ensureLocales } from './bootstrap/locales';
import { grantPublicReadAccess } from './bootstrap/public-permissions';
import { ensureDevelopmentAdmin } from './bootstrap/development-admin';
import { ensureDemoReviewers } from './bootstrap/demo-reviewers';
import { applyAdminComponentLayouts, applyAdminListLayouts } from './bootstrap/admin-layouts';
import { applySecrets } from './bootstrap/secrets';
import { checkCampaignTimeZones } from './bootstrap/campaign-time-zone';
import { offerRegisteredNetworks } from './bootstrap/network-choices';
import { backfillVariantSummaries, summariseVariants } from './bootstrap/variant-summaries';
import { closePublicAuthRoutes } from './bootstrap/public-auth';
import { limitPublicBodies } from './bootstrap/public-body-limit';
import { seedDemoContent, shouldSeedDemo } from './seed/seed-demo';
import { seedDemoActivity } from './seed/seed-demo-activity';
import { allowsDevelopmentDefaults } from './utils/development-defaults';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    applySecrets(strapi);
    closePublicAuthRoutes(strapi);
    limitPublicBodies(strapi);
    checkCampaignTimeZones(strapi);
    offerRegisteredNetworks(strapi);
    summariseVariants(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await grantPublicReadAccess(strapi);
    await applyAdminListLayouts(strapi);
    await applyAdminComponentLayouts(strapi);
    await backfillVariantSummaries(strapi);
    // The development admin first: it is made only while no admin exists, and the demo seed creates the
    // demo author and approver (its approvals need them).
    await ensureDevelopmentAdmin(strapi);
    if (shouldSeedDemo(allowsDevelopmentDefaults(strapi))) {
      await seedDemoContent(strapi);
      await seedDemoActivity(strapi);
    }
    await ensureDemoReviewers(strapi);
  },
};
