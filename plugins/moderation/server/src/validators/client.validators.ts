import { z } from 'zod';

import { REPORT_REASONS } from '../config/schema';

/**
 * Request bodies and queries of the public API: anything else gets a 400 that names the field.
 * Every text has a ceiling here, before any work is spent on it; the settings' own limits
 * (`limits.*`, on the text once markup is removed) are checked by the service and are lower.
 */
export const MAX_RAW_LENGTH = {
  authorName: 200,
  authorEmail: 254,
  // Under the 64 KB body cap, so that a long comment hears that it is too long.
  content: 60_000,
  note: 10_000,
} as const;

const text = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be a text' })
    .max(max, `is too long: at most ${max} characters`);

export const documentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a document id (letters, digits, - and _)');

/** The field robots fill in and people never see: a frontend renders it hidden. */
export const HONEYPOT_FIELD = 'website';

export const submissionSchema = z
  .object({
    data: z
      .object({
        target: z
          .object({
            type: z.enum(['post', 'event'], { errorMap: () => ({ message: 'must be "post" or "event"' }) }),
            documentId: documentIdSchema,
          })
          .strict(),
        parent: documentIdSchema.nullish(),
        authorName: text(MAX_RAW_LENGTH.authorName).trim().min(1, 'is required'),
        authorEmail: text(MAX_RAW_LENGTH.authorEmail).trim().email('must be an e-mail address'),
        content: text(MAX_RAW_LENGTH.content),
        locale: z.enum(['fr', 'en'], { errorMap: () => ({ message: 'must be "fr" or "en"' }) }).default('fr'),
        [HONEYPOT_FIELD]: z.string().max(0).optional(),
      })
      .strict(),
  })
  .strict();

export type Submission = z.output<typeof submissionSchema>['data'];

const pageNumber = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, 'must be a whole number of 1 or more')
  .transform(Number);

export const listQuerySchema = z
  .object({
    target: z
      .string({ required_error: 'is required, e.g. target=post:DOCUMENT_ID' })
      .regex(/^(post|event):[A-Za-z0-9_-]{1,64}$/, 'must read post:DOCUMENT_ID or event:DOCUMENT_ID'),
    page: pageNumber.optional(),
    pageSize: pageNumber.refine((n) => n <= 100, 'must be 100 or less').optional(),
    pagination: z
      .object({
        page: pageNumber.optional(),
        pageSize: pageNumber.refine((n) => n <= 100, 'must be 100 or less').optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const reportSchema = z
  .object({
    data: z
      .object({
        reason: z.enum(REPORT_REASONS, {
          errorMap: () => ({ message: `must be one of ${REPORT_REASONS.join(', ')}` }),
        }),
        note: text(MAX_RAW_LENGTH.note).optional(),
      })
      .strict(),
  })
  .strict();
