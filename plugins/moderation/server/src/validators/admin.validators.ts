import { z } from 'zod';

import { LANGUAGE_FILTERS, QUEUES } from '../services/admin.service';
import { documentIdSchema } from './client.validators';
import { INTENTS } from '../domain/intent';

const pageNumber = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, 'must be a whole number of 1 or more')
  .transform(Number);
const date = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date such as 2026-05-01')
  .transform((value) => new Date(value));

/** A response-time report: from and to (dates), the time zone its weeks are counted in. */
export const responseTimesQuerySchema = z
  .object({
    from: date,
    to: date,
    timeZone: z.string().min(1).max(64).optional(),
  })
  .strict();

/** What the queue's pickers ask: options matching `q`, or the one a filter names (`value`). */
export const lookupQuerySchema = z
  .object({
    kind: z.enum(['target', 'campaign'], { errorMap: () => ({ message: 'must be target or campaign' }) }),
    q: z.string().trim().min(1, 'type at least one character').max(100).optional(),
    value: z
      .string()
      .regex(
        /^((post|event):)?[A-Za-z0-9_-]{1,64}$/,
        'must read post:DOCUMENT_ID, event:DOCUMENT_ID or a document id'
      )
      .optional(),
    locale: z.enum(['fr', 'en']).optional(),
  })
  .strict()
  .refine((query) => (query.q === undefined) !== (query.value === undefined), {
    message: 'give either q (to search) or value (to describe)',
    path: ['q'],
  });

export const queueQuerySchema = z
  .object({
    status: z
      .enum(QUEUES, { errorMap: () => ({ message: `must be one of ${QUEUES.join(', ')}` }) })
      .default('pending'),
    target: z
      .string()
      .regex(/^(post|event):[A-Za-z0-9_-]{1,64}$/, 'must read post:DOCUMENT_ID or event:DOCUMENT_ID')
      .optional(),
    campaign: documentIdSchema.optional(),
    author: z.string().trim().min(1).max(254).optional(),
    q: z.string().trim().max(200).optional(),
    source: z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{1,39}$/,
        'must be frontend, networks, private-messages or a network id such as mastodon'
      )
      .optional(),
    intent: z
      .enum(INTENTS, { errorMap: () => ({ message: `must be one of ${INTENTS.join(', ')}` }) })
      .optional(),
    language: z
      .enum(LANGUAGE_FILTERS, {
        errorMap: () => ({ message: `must be one of ${LANGUAGE_FILTERS.join(', ')}` }),
      })
      .optional(),
    sort: z
      .enum(['newest', 'priority'], { errorMap: () => ({ message: 'must be newest or priority' }) })
      .default('newest'),
    from: date.optional(),
    to: date.optional(),
    page: pageNumber.default('1'),
    pageSize: pageNumber.refine((n) => n <= 100, 'must be 100 or less').default('20'),
  })
  .strict();

/**
 * Why a moderator rejects, as a code: the audit log and the queue show it in each reader's
 * language, so no translated text is ever stored.
 */
export const REJECTION_REASONS = [
  'abuse',
  'hate_speech',
  'harassment',
  'spam',
  'off_topic',
  'illegal',
  'other',
  'author_banned',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

const rejectionReason = z.enum(REJECTION_REASONS, {
  errorMap: () => ({ message: `is required: say why with one of ${REJECTION_REASONS.join(', ')}` }),
});
/** What the moderator typed, kept as is; an empty note is no note. */
const note = z
  .string()
  .trim()
  .max(1000)
  .optional()
  .transform((value) => value || null);

export const approveSchema = z.object({ note }).strict();
export const rejectSchema = z.object({ reason: rejectionReason, note }).strict();
export const bulkSchema = z
  .object({
    action: z.enum(['approve', 'reject']),
    ids: z
      .array(documentIdSchema)
      .min(1, 'must list at least one comment')
      .max(100, 'at most 100 comments at once'),
    reason: rejectionReason.optional(),
    note,
  })
  .strict()
  .refine((body) => body.action !== 'reject' || !!body.reason, {
    message: 'is required to reject',
    path: ['reason'],
  });

export const sanctionSchema = z
  .object({
    kind: z.enum(['warning', 'suspension', 'ban', 'premoderation']),
    until: date.optional(),
    durationHours: z
      .number()
      .positive()
      .max(24 * 3650)
      .optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((body) => !(body.until && body.durationHours), {
    message: 'send either until or durationHours, not both',
    path: ['until'],
  });

export const auditQuerySchema = z
  .object({
    comment: documentIdSchema.optional(),
    author: z.string().max(64).optional(),
    action: z.string().max(50).optional(),
    actorType: z.enum(['system', 'admin', 'public']).optional(),
    page: pageNumber.default('1'),
    pageSize: pageNumber.refine((n) => n <= 200, 'must be 200 or less').default('50'),
  })
  .strict();

/** An answer written in the queue, sent as the account under the reply it answers. */
export const answerSchema = z
  .object({
    text: z.string().trim().min(1, 'write the answer').max(5000),
    /** Made by the admin once per answer typed: a second click or a retried request sends nothing twice. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8 to 100 letters, digits, - or _'),
  })
  .strict();

export const assignSchema = z.object({ userId: z.number().int().positive().nullable() }).strict();
export const doneSchema = z.object({ done: z.boolean() }).strict();
export const internalNoteSchema = z.object({ note }).strict();

export const answerIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be an answer id')
  .transform(Number);
