import { factories } from '@strapi/strapi';

import { PUBLIC_READ_ROUTES_CONFIG } from '../../../utils/public-read-routes';

export default factories.createCoreRouter('api::campaign.campaign', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
  config: PUBLIC_READ_ROUTES_CONFIG,
});
