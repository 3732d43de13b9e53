import { errors } from '@strapi/utils';

/** Refuses a time that has passed: the calendar plans, it does not rewrite history. */
export function assertFuture(at: Date, field: string, now = new Date()) {
  if (at.getTime() <= now.getTime())
    throw new errors.ValidationError(`${field} is in the past: pick a time after ${now.toISOString()}.`, {
      reason: 'in_the_past',
      field,
    });
}
