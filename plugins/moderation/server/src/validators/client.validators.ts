import { z } from 'zod';

import { REPORT_REASONS } from '../config/schema';

/** Request bodies and queries of the public API: anything else gets a 400 that names the field. */

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
        authorName: z.string({ required_error: 'is required' }).trim().min(1, 'is required'),
        authorEmail: z
          .string({ required_error: 'is required' })
          .trim()
          .max(254, 'is too long')
          .email('must be an e-mail address'),
        content: z.string({ required_error: 'is required' }),
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
        note: z.string().optional(),
      })
      .strict(),
  })
  .strict();
