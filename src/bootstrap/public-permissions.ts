import type { Core } from '@strapi/strapi';

/** What a frontend may read with no token: published content only, private fields stripped by the schemas. */
export const PUBLIC_READABLE_TYPES = [
  'api::campaign.campaign',
  'api::post.post',
  'api::event.event',
  'api::partnership.partnership',
] as const;

const PERMISSION_UID = 'plugin::users-permissions.permission';

export async function grantPublicReadAccess(strapi: Core.Strapi): Promise<void> {
  const publicRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!publicRole) {
    throw new Error(
      'The users-permissions "public" role is missing: is the users-permissions plugin enabled?'
    );
  }

  const wanted = PUBLIC_READABLE_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
  const existing = await strapi.db
    .query(PERMISSION_UID)
    .findMany({ where: { role: publicRole.id, action: { $in: wanted } } });
  const granted = new Set(existing.map((permission) => permission.action));

  for (const action of wanted.filter((name) => !granted.has(name))) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: publicRole.id } });
  }
}
