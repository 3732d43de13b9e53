/** Public routes, under /api/engagement: no token. */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'POST',
      path: '/views',
      handler: 'views.record',
      config: { auth: false, policies: [] },
    },
  ],
};
