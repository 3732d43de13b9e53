import type { Core } from '@strapi/strapi';

import { stopScheduledReports } from './bootstrap';
import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  stopScheduledReports();
  await getService(strapi, 'collector').stop();
  getService(strapi, 'trafficMaintenance').stop();
  // Clicks and views still queued are written before the database closes.
  await getService(strapi, 'recorder').stop();
};

export default destroy;
