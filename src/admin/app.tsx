import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // The admin interface in English and French.
    locales: ['fr'],
  },
  bootstrap(_app: StrapiApp) {},
};
