import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::partnership.partnership', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});
