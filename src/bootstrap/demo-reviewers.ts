import type { Core } from '@strapi/strapi';

import { allowsDevelopmentDefaults } from '../utils/development-defaults';

type Actor = { type: 'system' | 'admin'; id: number | null; name: string };

/**
 * The two people of the approval demo, in development only: an author (Strapi's Author role, may
 * submit) who writes in French, and an approver (Editor role, may approve and schedule) who reads
 * the admin in English. Four eyes needs two people; the development super admin stays a third.
 */
export const DEMO_REVIEWERS = {
  author: {
    email: 'autrice@porte-voix.local',
    password: 'PorteVoix-autrice-2026',
    firstname: 'Léa',
    lastname: 'Autrice',
    preferedLanguage: 'fr',
    role: 'strapi-author',
    actions: ['plugin::editorial.read', 'plugin::editorial.submit', 'plugin::cross-post.read'],
  },
  approver: {
    email: 'validateur@porte-voix.local',
    password: 'PorteVoix-validateur-2026',
    firstname: 'Sam',
    lastname: 'Approver',
    preferedLanguage: 'en',
    role: 'strapi-editor',
    actions: [
      'plugin::editorial.read',
      'plugin::editorial.submit',
      'plugin::editorial.approve',
      'plugin::cross-post.read',
      'plugin::cross-post.publish',
    ],
  },
} as const;

const enabled = (strapi: Core.Strapi) =>
  allowsDevelopmentDefaults(strapi) && process.env.PORTE_VOIX_DEV_ADMIN !== 'false';

async function grant(strapi: Core.Strapi, roleId: number, actions: readonly string[]) {
  const permissions = strapi.db.query('admin::permission');
  for (const action of actions) {
    if (await permissions.findOne({ where: { action, role: { id: roleId } } })) continue;
    await permissions.create({
      data: { action, actionParameters: {}, subject: null, properties: {}, conditions: [], role: roleId },
    });
  }
}

async function ensureUser(strapi: Core.Strapi, person: (typeof DEMO_REVIEWERS)[keyof typeof DEMO_REVIEWERS]) {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: person.role } });
  if (!role) return null;
  await grant(strapi, role.id, person.actions);
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: person.email } });
  if (existing) return existing;
  return strapi.service('admin::user').create({
    email: person.email,
    password: person.password,
    firstname: person.firstname,
    lastname: person.lastname,
    preferedLanguage: person.preferedLanguage,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
}

/** The demo author and approver as the workflow's actors (created in development; named placeholders elsewhere). */
export async function demoReviewers(strapi: Core.Strapi): Promise<{ author: Actor; approver: Actor }> {
  const actor = async (key: keyof typeof DEMO_REVIEWERS): Promise<Actor> => {
    const person = DEMO_REVIEWERS[key];
    const name = `${person.firstname} ${person.lastname}`;
    const user = enabled(strapi) ? await ensureUser(strapi, person) : null;
    return user ? { type: 'admin', id: user.id, name } : { type: 'system', id: null, name };
  };
  return { author: await actor('author'), approver: await actor('approver') };
}

/** Creates the demo author and approver when missing and prints their logins (development only). */
export async function ensureDemoReviewers(strapi: Core.Strapi): Promise<void> {
  if (!enabled(strapi)) return;
  await demoReviewers(strapi);
  for (const [what, person] of Object.entries(DEMO_REVIEWERS)) {
    strapi.log.info(
      `[porte-voix] Approval demo ${what}: ${person.email} / ${person.password} (development only)`
    );
  }
}
