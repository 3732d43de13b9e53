/**
 * Routes at the site root, outside /api and the admin: tracked links are `/l/<code>`, short enough for
 * a post. Registered in bootstrap with `strapi.server.routes()` (a list without a type mounts at the root).
 * A GET route answers HEAD too. The tracked-link route is registered only when the app does not list the
 * `tracked-links` middleware, which answers the same paths earlier (middlewares/tracked-links.ts).
 */
export const trackedLinkRoute = {
  method: 'GET',
  path: '/l/:code',
  handler: 'redirect.follow',
  config: { auth: false, policies: [] },
  info: { pluginName: 'engagement' },
};

// A partner's read-only report, opened from a share link (rate limited in the service).
export const sharePageRoute = {
  method: 'GET',
  path: '/share/:token',
  handler: 'share-page.show',
  config: { auth: false, policies: [] },
  info: { pluginName: 'engagement' },
};

export const rootRoutes = [trackedLinkRoute, sharePageRoute];
