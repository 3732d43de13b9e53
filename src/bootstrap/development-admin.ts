import type { Core } from '@strapi/strapi';

import { allowsDevelopmentDefaults } from '../utils/development-defaults';

export const DEVELOPMENT_ADMIN_DEFAULTS = {
  email: 'admin@porte-voix.local',
  password: 'PorteVoix-dev-2026',
  firstname: 'Camille',
  lastname: 'Martin',
};

/**
 * Where the admin is served, as Strapi computes it from PUBLIC_URL, or HOST and PORT (localhost for 0.0.0.0
 * under `strapi develop`).
 */
const adminUrl = (strapi: Core.Strapi): string => strapi.config.get('admin.absoluteUrl');

/**
 * In development only, create a super admin from documented defaults (overridable by
 * PORTE_VOIX_ADMIN_EMAIL / PORTE_VOIX_ADMIN_PASSWORD) so a newcomer can log in at once.
 * Only where development defaults are allowed (never under `strapi start`), and never when an admin
 * already exists. The password is logged for the same reason, and only then.
 */
export async function ensureDevelopmentAdmin(strapi: Core.Strapi): Promise<void> {
  if (!allowsDevelopmentDefaults(strapi) || process.env.PORTE_VOIX_DEV_ADMIN === 'false') {
    return;
  }
  const users = strapi.service('admin::user');
  const email = process.env.PORTE_VOIX_ADMIN_EMAIL || DEVELOPMENT_ADMIN_DEFAULTS.email;
  const password = process.env.PORTE_VOIX_ADMIN_PASSWORD || DEVELOPMENT_ADMIN_DEFAULTS.password;

  if (!(await users.exists())) {
    await users.createFirstAdmin({
      email,
      password,
      firstname: DEVELOPMENT_ADMIN_DEFAULTS.firstname,
      lastname: DEVELOPMENT_ADMIN_DEFAULTS.lastname,
    });
    strapi.log.info(`[porte-voix] Development admin created: ${email}`);
  }
  if (await strapi.db.query('admin::user').findOne({ where: { email } })) {
    strapi.log.info(
      `[porte-voix] Log into the admin at ${adminUrl(strapi)} with ${email} / ${
        process.env.PORTE_VOIX_ADMIN_PASSWORD ? '(PORTE_VOIX_ADMIN_PASSWORD)' : password
      } (development only)`
    );
  }
}
