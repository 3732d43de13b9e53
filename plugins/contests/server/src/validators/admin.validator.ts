/** zod at the edge of the organiser's API: every body and query, with messages an organiser can act on. */
import { z } from 'zod';

import type { EntryFilters } from '../repositories/entries.repository';

export const drawBody = z.object({
  beacon: z
    .string({ invalid_type_error: 'beacon must be a string (empty when the rules name none)' })
    .max(1000)
    .default(''),
});

export const reasonBody = z.object({ reason: z.string().trim().min(1, 'say why (reason)').max(1000) });
export const optionalReasonBody = z.object({ reason: z.string().trim().max(1000).optional() });

export const entriesQuery = z
  .object({
    status: z.enum(['valid', 'review', 'invalidated', 'unconfirmed']).optional(),
    signal: z.enum(['disposable_email', 'ip_volume', 'burst', 'near_duplicate_name']).optional(),
    q: z.string().trim().max(200).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  })
  // Without strict null checks zod types defaulted fields as optional: `page` and `pageSize` are always set.
  .transform((query) => query as EntryFilters);

export const rulesQuery = z.object({ locale: z.enum(['fr', 'en']).default('fr') });
