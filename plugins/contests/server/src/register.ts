import type { Core } from '@strapi/strapi';

import { getService } from './utils/get-service';

const EVENT_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // A contest read from a stale event would take entries outside its new window: forget on write.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === 'api::event.event' && EVENT_WRITES.has(context.action))
      getService(strapi, 'events').forget();
    return result;
  });
};

export default register;
