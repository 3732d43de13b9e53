import { z } from 'zod';

import type { EntryFilters } from '../repositories/entries.repository';
import { ContestError } from '../utils/errors';

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || what}: ${issue.message}`)
      .join('; ');
    throw new ContestError(400, 'invalid_request', `Invalid ${what}: ${message}`, {
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
}

const drawBody = z.object({
  beacon: z
    .string({ invalid_type_error: 'beacon must be a string (empty when the rules name none)' })
    .max(1000)
    .default(''),
});

const reasonBody = z.object({ reason: z.string().trim().min(1, 'say why (reason)').max(1000) });
const optionalReasonBody = z.object({ reason: z.string().trim().max(1000).optional() });

const entriesQuery = z.object({
  status: z.enum(['valid', 'review', 'invalidated']).optional(),
  signal: z.enum(['disposable_email', 'ip_volume', 'burst', 'near_duplicate_name']).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

const rulesQuery = z.object({ locale: z.enum(['fr', 'en']).default('fr') });

export const parseDrawBody = (body: unknown) => parse(drawBody, body, 'draw request');
export const parseReasonBody = (body: unknown) => parse(reasonBody, body, 'request');
export const parseOptionalReasonBody = (body: unknown) => parse(optionalReasonBody, body, 'request');
export const parseEntriesQuery = (query: unknown) => parse(entriesQuery, query, 'filters') as EntryFilters;
export const parseRulesQuery = (query: unknown) => parse(rulesQuery, query, 'query');
