/** zod at the edge of the calendar API: the range it shows and the times items are moved to. */
import { z } from 'zod';

import { NETWORKS } from '../providers';

/** A calendar shows at most a month and its edges: a wider range is a mistake, not a view. */
const MAX_RANGE_DAYS = 62;

const isoTime = (name: string) =>
  z
    .string({ required_error: `${name} is required, e.g. 2026-06-01T00:00:00+02:00` })
    .datetime({ offset: true, message: `${name} must be an ISO time, e.g. 2026-06-01T09:00:00+02:00` })
    .transform((s) => new Date(s));

export const calendarQuerySchema = z
  .object({
    from: isoTime('from'),
    to: isoTime('to'),
    network: z
      .enum(NETWORKS, { errorMap: () => ({ message: `network must be one of ${NETWORKS.join(', ')}` }) })
      .optional(),
    campaign: z.string().trim().min(1).max(64).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must be before to', path: ['to'] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= MAX_RANGE_DAYS * 86_400_000, {
    message: `A calendar range is at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });

export const movePostSchema = z.object({ plannedAt: isoTime('plannedAt') }).strict();

export const moveDeliverySchema = z.object({ scheduledAt: isoTime('scheduledAt') }).strict();
