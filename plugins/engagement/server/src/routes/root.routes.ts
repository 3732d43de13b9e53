/**
 * Routes at the site root, outside /api and the admin: tracked links are `/l/<code>`, short enough for
 * a post. Registered in bootstrap with `strapi.server.routes()` (a list without a type mounts at the root).
 * A GET route answers HEAD too.
 */
export const rootRoutes = [
  {
    method: 'GET',
    path: '/l/:code',
    handler: 'redirect.follow',
    config: { auth: false, policies: [] },
    info: { pluginName: 'engagement' },
  },
  // A partner's read-only report, opened from a share link (rate limited in the service).
  {
    method: 'GET',
    path: '/share/:token',
    handler: 'share-page.show',
    config: { auth: false, policies: [] },
    info: { pluginName: 'engagement' },
  },
];
