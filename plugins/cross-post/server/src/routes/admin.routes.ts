import { adminRoute as route } from '@porte-voix/kit/server';

import { ACTIONS } from '../permissions';

export default {
  type: 'admin',
  routes: [
    route('GET', '/networks', 'networks.find', ACTIONS.read),
    route('GET', '/accounts', 'accounts.find', ACTIONS.read),
    route('POST', '/accounts', 'accounts.create', ACTIONS.manageAccounts),
    route('PUT', '/accounts/:id', 'accounts.update', ACTIONS.manageAccounts),
    route('DELETE', '/accounts/:id', 'accounts.delete', ACTIONS.manageAccounts),
    route('POST', '/posts/:documentId/deliveries', 'deliveries.schedule', ACTIONS.publish),
    route('GET', '/posts/:documentId/deliveries', 'deliveries.forPost', ACTIONS.read),
    route('GET', '/posts/:documentId/preview', 'deliveries.preview', ACTIONS.read),
    route('POST', '/deliveries/:id/cancel', 'deliveries.cancel', ACTIONS.publish),
    route('POST', '/deliveries/:id/retry', 'deliveries.retry', ACTIONS.publish),
    route('GET', '/deliveries', 'deliveries.list', ACTIONS.read),
    route('PUT', '/deliveries/:id/scheduled-at', 'calendar.moveDelivery', ACTIONS.publish),
    route('GET', '/calendar', 'calendar.find', ACTIONS.read),
    route('GET', '/hashtags/suggestions', 'hashtags.suggestions', ACTIONS.read),
    // The Content Manager's own permission on the post is checked too (role, conditions, locales).
    route('PUT', '/calendar/posts/:documentId/planned-at', 'calendar.movePost', ACTIONS.read),
  ],
};
