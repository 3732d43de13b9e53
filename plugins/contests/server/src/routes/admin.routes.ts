import { adminRoute as route } from '@porte-voix/kit/server';

import { ACTIONS } from '../permissions';

export default {
  type: 'admin',
  routes: [
    route('GET', '/overview', 'admin.list', ACTIONS.read),
    route('GET', '/:eventDocumentId/overview', 'admin.detail', ACTIONS.read),
    route('GET', '/:eventDocumentId/entries', 'admin.entries', ACTIONS.read),
    route('GET', '/:eventDocumentId/audit', 'admin.audit', ACTIONS.read),
    route('POST', '/entries/:id/invalidate', 'admin.invalidate', ACTIONS.moderate),
    route('POST', '/entries/:id/restore', 'admin.restore', ACTIONS.moderate),
    route('POST', '/entries/:id/erase', 'admin.erase', ACTIONS.organize),
    route('POST', '/:eventDocumentId/commit', 'admin.commit', ACTIONS.organize),
    route('POST', '/:eventDocumentId/draw', 'admin.draw', ACTIONS.organize),
    route('GET', '/:eventDocumentId/export.csv', 'admin.exportCsv', ACTIONS.organize),
    route('GET', '/:eventDocumentId/rules', 'admin.rules', ACTIONS.organize),
    route('POST', '/:eventDocumentId/claims/:publicId/claimed', 'admin.claimed', ACTIONS.organize),
    route('POST', '/:eventDocumentId/claims/:publicId/forfeit', 'admin.forfeit', ACTIONS.organize),
    route('POST', '/claims/sweep', 'admin.sweep', ACTIONS.organize),
  ],
};
