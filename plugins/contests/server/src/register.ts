import type { Core } from '@strapi/strapi';

import { registerCountriesField } from './countries-field';
import { settleIpHashSecret } from './ip-hash-secret';
import { getService } from './utils/get-service';

const EVENT_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  settleIpHashSecret(strapi);
  registerCountriesField(strapi);
  // Before the schema sync drops the old one-label actor column of the audit log: see splitLegacyActors.
  strapi.hook('strapi::content-types.beforeSync').register(async () => {
    const split = await getService(strapi, 'audit').splitLegacyActors();
    if (split > 0)
      strapi.log.info(`[contests] ${split} audit entries now name their actor in three columns.`);
  });
  // A contest read from a stale event would take entries outside its new window: forget on write.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === 'api::event.event' && EVENT_WRITES.has(context.action))
      getService(strapi, 'events').forget();
    return result;
  });
};

export default register;
