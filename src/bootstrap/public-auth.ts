import type { Core } from '@strapi/strapi';

/**
 * The public site has no end users, so the users-permissions routes that sign people up or in
 * (`/api/auth/*`, `/api/connect/*`) are removed unless PORTE_VOIX_PUBLIC_AUTH=true: a route that does not
 * exist cannot be abused to register accounts, probe e-mail addresses or send password e-mails.
 */
const PUBLIC_AUTH_PATH = /^\/(auth|connect)\//;

type Route = { path: string };

export function publicAuthEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PORTE_VOIX_PUBLIC_AUTH === 'true';
}

export function closePublicAuthRoutes(strapi: Core.Strapi): void {
  if (publicAuthEnabled()) return;
  // A new router for this app only: the plugin's own route list is shared by every Strapi in the process.
  const routers = strapi.plugin('users-permissions').routes as unknown as Record<string, { routes: Route[] }>;
  const contentApi = routers['content-api'];
  routers['content-api'] = {
    type: 'content-api',
    routes: contentApi.routes.filter((route) => !PUBLIC_AUTH_PATH.test(route.path)),
  } as { routes: Route[] };
}
