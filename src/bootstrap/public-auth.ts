import type { Core } from '@strapi/strapi';

/**
 * The public site has no end users, so the users-permissions routes that sign people up or in
 * (`/api/auth/*`, `/api/connect/*`) are removed unless PORTE_VOIX_PUBLIC_AUTH=true: a route that does not
 * exist cannot be abused to register accounts, probe e-mail addresses or send password e-mails.
 */
const PUBLIC_AUTH_PATH = /^\/(auth|connect)\//;

/** On the router this module made: the plugin's own router it was filtered from. */
const ALL_ROUTES = Symbol.for('porte-voix.public-auth.all-routes');

type Route = { path: string };
type Router = { type?: string; routes: Route[]; [ALL_ROUTES]?: Router };

export function publicAuthEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PORTE_VOIX_PUBLIC_AUTH === 'true';
}

/**
 * The plugin's route list is shared by every Strapi in the process (tests boot many, one after another), so
 * each app starts again from the plugin's own router: an app that closed the routes never closes them for
 * the next one, which may have public auth on.
 */
export function closePublicAuthRoutes(strapi: Core.Strapi): void {
  const routers = strapi.plugin('users-permissions').routes as unknown as Record<string, Router>;
  const current = routers['content-api'];
  const all = current[ALL_ROUTES] ?? current;
  if (publicAuthEnabled()) {
    routers['content-api'] = all;
    return;
  }
  routers['content-api'] = {
    type: 'content-api',
    routes: all.routes.filter((route) => !PUBLIC_AUTH_PATH.test(route.path)),
    [ALL_ROUTES]: all,
  };
}
