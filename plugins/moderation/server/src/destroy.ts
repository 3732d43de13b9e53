import type { Core } from '@strapi/strapi';

import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'inbox').stop();
  await getService(strapi, 'listening').stop();
  // Whatever waits in the notification window is sent rather than lost.
  await getService(strapi, 'notifier')
    .flush()
    .catch(() => undefined);
  getService(strapi, 'notifier').stop();
};

export default destroy;
