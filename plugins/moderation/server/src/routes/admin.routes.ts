export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/status',
      handler: 'status.show',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
