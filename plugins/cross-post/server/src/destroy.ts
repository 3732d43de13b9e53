import type { Core } from '@strapi/strapi';

import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'gateway').stop();
  await getService(strapi, 'dispatcher').stop();
};

export default destroy;
