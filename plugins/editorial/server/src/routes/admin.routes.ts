import { adminRoute as route } from '@porte-voix/kit/server';

import { ACTIONS } from '../permissions';

export default {
  type: 'admin',
  routes: [
    route('GET', '/review', 'reviews.findOne', ACTIONS.read),
    route('GET', '/inbox', 'reviews.inbox', ACTIONS.read),
    route('GET', '/subjects', 'subjects.find', ACTIONS.read),
    route('GET', '/notifications', 'notifications.find', ACTIONS.read),
    route('POST', '/notifications/read', 'notifications.markRead', ACTIONS.read),
    route('POST', '/review/submit', 'reviews.submit', ACTIONS.submit),
    route('POST', '/review/revert', 'reviews.revert', ACTIONS.submit),
    route('POST', '/review/approve', 'reviews.approve', ACTIONS.approve),
    route('POST', '/review/request-changes', 'reviews.requestChanges', ACTIONS.approve),
    route('POST', '/review/comments', 'reviews.comment', ACTIONS.read),
    route('GET', '/rules', 'rules.overview', ACTIONS.settings),
    route('GET', '/rules/:campaign', 'rules.findOne', ACTIONS.read),
    route('PUT', '/rules/:campaign', 'rules.update', ACTIONS.settings),
  ],
};
