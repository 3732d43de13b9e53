/** The public API for frontends: no token (`auth: false`); each action checks its own input. */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/comments', handler: 'client.create', config: { auth: false } },
    { method: 'GET', path: '/comments', handler: 'client.find', config: { auth: false } },
    { method: 'POST', path: '/comments/:id/report', handler: 'client.report', config: { auth: false } },
  ],
};
