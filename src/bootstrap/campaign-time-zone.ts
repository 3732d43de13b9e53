import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * A campaign's engagement is dated in its time zone (an IANA name such as Europe/Paris; empty: the
 * engagement plugin's default). The schema's pattern catches typos in the editor; only the runtime's
 * time zone database can tell whether a well-formed name exists, so every write through the
 * Document Service (the content manager, the REST API, scripts) is checked here.
 */
const CAMPAIGN_UID = 'api::campaign.campaign';
const WRITES = new Set(['create', 'update']);

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function checkCampaignTimeZones(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid === CAMPAIGN_UID && WRITES.has(context.action)) {
      const zone = (context.params as { data?: { timeZone?: unknown } })?.data?.timeZone;
      if (
        zone !== undefined &&
        zone !== null &&
        zone !== '' &&
        (typeof zone !== 'string' || !isTimeZone(zone))
      ) {
        const message = 'timeZone must be an IANA time zone such as Europe/Paris (or empty for the default).';
        throw new errors.ValidationError(message, {
          reason: 'invalid_time_zone',
          field: 'timeZone',
          errors: [{ path: ['timeZone'], message, name: 'ValidationError', value: zone }],
        });
      }
    }
    return next();
  });
}
