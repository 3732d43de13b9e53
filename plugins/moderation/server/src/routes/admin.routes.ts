import { ACTIONS } from '../utils/uids';

/** Admin JWT, then the RBAC action the route needs: read, moderate, or manage settings. */
const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/status',
      handler: 'status.show',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    { method: 'GET', path: '/comments', handler: 'admin.list', config: can(ACTIONS.read) },
    { method: 'GET', path: '/comments/counts', handler: 'admin.counts', config: can(ACTIONS.read) },
    { method: 'POST', path: '/comments/bulk', handler: 'admin.bulk', config: can(ACTIONS.moderate) },
    { method: 'GET', path: '/comments/:id', handler: 'admin.findOne', config: can(ACTIONS.read) },
    {
      method: 'POST',
      path: '/comments/:id/approve',
      handler: 'admin.approve',
      config: can(ACTIONS.moderate),
    },
    { method: 'POST', path: '/comments/:id/reject', handler: 'admin.reject', config: can(ACTIONS.moderate) },
    { method: 'GET', path: '/settings', handler: 'admin.getSettings', config: can(ACTIONS.read) },
    { method: 'PUT', path: '/settings', handler: 'admin.updateSettings', config: can(ACTIONS.settings) },
    { method: 'GET', path: '/audit', handler: 'admin.audit', config: can(ACTIONS.read) },
    { method: 'GET', path: '/authors/:key', handler: 'admin.author', config: can(ACTIONS.read) },
    {
      method: 'POST',
      path: '/authors/:key/sanctions',
      handler: 'admin.addSanction',
      config: can(ACTIONS.moderate),
    },
    {
      method: 'DELETE',
      path: '/authors/:key/sanctions/:id',
      handler: 'admin.revokeSanction',
      config: can(ACTIONS.moderate),
    },
  ],
};
