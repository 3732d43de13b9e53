import { adminRoute as route } from '@porte-voix/kit/server';

import { ACTIONS } from '../permissions';

export default {
  type: 'admin',
  routes: [
    route('GET', '/comments', 'admin.list', ACTIONS.read),
    route('GET', '/comments/counts', 'admin.counts', ACTIONS.read),
    route('POST', '/comments/bulk', 'admin.bulk', ACTIONS.moderate),
    route('GET', '/comments/:id', 'admin.findOne', ACTIONS.read),
    route('GET', '/lookup', 'admin.lookup', ACTIONS.read),
    route('GET', '/inbox/sources', 'admin.inboxSources', ACTIONS.read),
    route('GET', '/inbox/response-times', 'admin.responseTimes', ACTIONS.read),
    route('POST', '/comments/:id/approve', 'admin.approve', ACTIONS.moderate),
    route('POST', '/comments/:id/reject', 'admin.reject', ACTIONS.moderate),
    route('POST', '/comments/:id/reply', 'admin.reply', ACTIONS.moderate),
    route('GET', '/comments/:id/replies', 'admin.replies', ACTIONS.read),
    route('DELETE', '/comments/:id/replies/:answerId', 'admin.deleteReply', ACTIONS.moderate),
    route('POST', '/comments/:id/hide', 'admin.hide', ACTIONS.moderate),
    route('POST', '/comments/:id/like', 'admin.like', ACTIONS.moderate),
    route('PUT', '/comments/:id/assignee', 'admin.assign', ACTIONS.moderate),
    route('PUT', '/comments/:id/done', 'admin.done', ACTIONS.moderate),
    route('PUT', '/comments/:id/note', 'admin.note', ACTIONS.moderate),
    route('GET', '/saved-replies', 'saved-replies.list', ACTIONS.read),
    route('POST', '/saved-replies', 'saved-replies.create', ACTIONS.savedReplies),
    route('PUT', '/saved-replies/:id', 'saved-replies.update', ACTIONS.savedReplies),
    route('DELETE', '/saved-replies/:id', 'saved-replies.remove', ACTIONS.savedReplies),
    route('GET', '/settings', 'admin.getSettings', ACTIONS.read),
    route('PUT', '/settings', 'admin.updateSettings', ACTIONS.settings),
    route('GET', '/audit', 'admin.audit', ACTIONS.read),
    route('GET', '/authors/:key', 'admin.author', ACTIONS.read),
    route('POST', '/authors/:key/sanctions', 'admin.addSanction', ACTIONS.moderate),
    route('DELETE', '/authors/:key/sanctions/:id', 'admin.revokeSanction', ACTIONS.moderate),
  ],
};
