/**
 * The window another plugin asks a report for (engagement reads the inbox's response times and
 * listening's mentions through services): a time zone and [from, to), at most 800 days as its
 * reports allow. Refused as a 400 naming the field, as a request would be.
 */
import { errors } from '@strapi/utils';

const MAX_RANGE_MS = 800 * 86_400_000;

export function checkReportWindow(query: { from: Date; to: Date; timeZone?: string }): string {
  const timeZone = query.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new errors.ValidationError(`timeZone: "${timeZone}" is not a time zone such as Europe/Paris`, {
      reason: 'invalid_input',
      field: 'timeZone',
    });
  }
  if (!(query.from < query.to) || query.to.getTime() - query.from.getTime() > MAX_RANGE_MS)
    throw new errors.ValidationError('from must come before to, at most 800 days apart', {
      reason: 'invalid_input',
      field: 'from',
    });
  return timeZone;
}
