import type { Core } from '@strapi/strapi';

/** An RBAC action of a plugin, granted per admin role in Settings → Roles → Plugins. */
export type ActionDefinition = { uid: string; displayName: string };

/** Registers the plugin's actions (in `bootstrap`), as `plugin::<pluginId>.<uid>`. */
export async function registerActions(
  strapi: Core.Strapi,
  pluginId: string,
  definitions: readonly ActionDefinition[]
): Promise<void> {
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(
      definitions.map((action) => ({ section: 'plugins', pluginName: pluginId, ...action }))
    );
}

/** The policies of an admin route: an admin JWT, then the RBAC action it needs. */
export const requires = (action: string) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [action] } },
];

/** An admin route (`/<plugin-id>/…`) that needs `action`. */
export const adminRoute = (method: string, path: string, handler: string, action: string) => ({
  method,
  path,
  handler,
  config: { policies: requires(action) },
});
