/**
 * `/l/<code>` answered before the rest of the stack: a tracked link needs no body parser, session,
 * authentication or route table, and a redirector that clicks from a viral post reach must cost less
 * than an ordinary route. The host lists it in `config/middlewares` right after `strapi::security`
 * (`plugin::engagement.tracked-links`); an app that does not list it is served by the `/l/:code` route
 * instead (bootstrap registers it then), with the same answers.
 */
import type { Core } from '@strapi/strapi';

export const TRACKED_LINKS_MIDDLEWARE = 'plugin::engagement.tracked-links';

/** The code of a tracked-link path (`/l/<code>`, one segment), or null for any other path. */
export function trackedLinkCode(path: string): string | null {
  if (!path.startsWith('/l/')) return null;
  const code = path.slice(3);
  return code.length > 0 && !code.includes('/') ? code : null;
}

/** Whether the app's middleware list names this middleware (as a name or `{ name }`). */
export function listsTrackedLinksMiddleware(configured: unknown): boolean {
  return (
    Array.isArray(configured) &&
    configured.some(
      (entry) =>
        entry === TRACKED_LINKS_MIDDLEWARE ||
        (typeof entry === 'object' && entry !== null && (entry as any).name === TRACKED_LINKS_MIDDLEWARE)
    )
  );
}

/** As the router decodes a parameter: a malformed escape is kept as it came (then matches no code). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const trackedLinks = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let follow: ((ctx: any, next: () => Promise<void>) => unknown) | null = null;
  return async (ctx: any, next: () => Promise<void>) => {
    const code = ctx.method === 'GET' || ctx.method === 'HEAD' ? trackedLinkCode(ctx.path) : null;
    if (code === null) return next();
    follow ??= strapi.plugin('engagement').controller('redirect').follow as typeof follow;
    ctx.params = { code: decoded(code) };
    await follow!(ctx, next);
  };
};

export default { 'tracked-links': trackedLinks };
