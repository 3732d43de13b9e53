import type { Core } from '@strapi/strapi';

import { ensureLocales } from './bootstrap/locales';
import { grantPublicReadAccess } from './bootstrap/public-permissions';
import { ensureDevelopmentAdmin } from './bootstrap/development-admin';
import { applyAdminListLayouts } from './bootstrap/admin-layouts';
import { seedDemoContent, shouldSeedDemo } from './seed/seed-demo';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await grantPublicReadAccess(strapi);
    await applyAdminListLayouts(strapi);
    if (shouldSeedDemo()) {
      await seedDemoContent(strapi);
    }
    await ensureDevelopmentAdmin(strapi);
  },
};
