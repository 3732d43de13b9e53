import type { StrapiApp } from '@strapi/strapi/admin';

import { formatListCells } from './content-manager/list-cells';
import { translateFieldHints } from './content-manager/field-hints';
import { ONBOARDING_CONFIG, skipGenericOnboarding } from './onboarding';
import { en } from './translations/en';
import { fr } from './translations/fr';
import { schemaMessages } from './translations/messages';
import { strapiEn, strapiFr } from './translations/strapi';

export default {
  config: {
    // The admin interface in English and French.
    locales: ['fr'],
    // Names, labels, hints and enum values of the content model, and the French Strapi lacks
    // (src/admin/translations).
    translations: { en: { ...strapiEn, ...schemaMessages(en) }, fr: { ...strapiFr, ...schemaMessages(fr) } },
    ...ONBOARDING_CONFIG,
  },
  register() {
    skipGenericOnboarding();
  },
  bootstrap(app: Pick<StrapiApp, 'registerHook'>) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', formatListCells);
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', translateFieldHints);
  },
};
