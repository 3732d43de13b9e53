/** Public routes, under /api/contests: no token, rate limited per IP by the entries service. */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/confirmations/:token',
      handler: 'public.confirm',
      config: { auth: false, policies: [] },
    },
    {
      method: 'POST',
      path: '/confirmations/:token',
      handler: 'public.confirm',
      config: { auth: false, policies: [] },
    },
    {
      method: 'POST',
      path: '/:eventDocumentId/entries',
      handler: 'public.enter',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/:eventDocumentId',
      handler: 'public.show',
      config: { auth: false, policies: [] },
    },
  ],
};
