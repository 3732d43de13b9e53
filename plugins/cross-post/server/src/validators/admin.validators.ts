/** zod at the edge of the admin API: every body, query and id, with messages an editor can act on. */
import { z } from 'zod';

import { NETWORKS } from '../providers';
import { DELIVERY_STATUSES } from '../services/deliveries.service';

// Databases refuse NUL (PostgreSQL) and a lone surrogate is not text: a 400, not a 500 from the driver.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storableText = (name: string) =>
  z
    .string({ invalid_type_error: `${name} must be text` })
    .refine((s) => !s.includes('\u0000'), `${name} must not contain NUL characters`)
    .refine((s) => !LONE_SURROGATE.test(s), `${name} must be valid Unicode text`);

/** Ids are database integers: anything larger is no id of ours. */
const MAX_ID = 2_147_483_647;

const httpUrl = storableText('baseUrl')
  .pipe(
    z
      .string()
      .trim()
      .url('baseUrl must be a URL, e.g. https://mastodon.social')
      .refine((u) => /^https?:\/\//.test(u), 'baseUrl must start with http:// or https://')
  )
  .pipe(z.string().max(500, 'baseUrl is at most 500 characters'));

const credentials = z.record(
  storableText('A credential').pipe(
    z
      .string()
      // Pasted tokens often carry a line break; one inside a token would break the request's URL or headers.
      .trim()
      .max(4000, 'A credential is at most 4000 characters')
      .refine(
        (s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
        'A credential cannot contain control characters or line breaks: paste it again'
      )
  ),
  {
    invalid_type_error: 'credentials must be an object of strings, e.g. {"accessToken": "…"}',
  }
);

const language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'language must be a locale code such as fr or en')
  .nullable();

export const accountCreateSchema = z
  .object({
    network: z.enum(NETWORKS, {
      errorMap: () => ({ message: `network must be one of ${NETWORKS.join(', ')}` }),
    }),
    name: storableText('name').pipe(z.string().trim().min(1, 'name is required').max(120)),
    baseUrl: httpUrl.optional(),
    language: language.optional(),
    credentials,
  })
  .strict();

export const accountUpdateSchema = accountCreateSchema.partial().strict();

export const scheduleSchema = z
  .object({
    accountIds: z
      .array(z.number().int().positive().max(MAX_ID, 'accountIds must be account ids'), {
        required_error: 'accountIds is required',
      })
      .min(1, 'Pick at least one account')
      .max(50),
    scheduledAt: z
      .string()
      .datetime({ offset: true, message: 'scheduledAt must be an ISO time, e.g. 2026-06-01T09:00:00+02:00' })
      .optional(),
    /** Schedule a version nobody approved: needs the editorial `bypass` permission, and the setting on. */
    bypassApproval: z.boolean().optional(),
  })
  .strict();

const list = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    )
    .pipe(
      z.array(z.enum(values, { errorMap: () => ({ message: `${name} must be among ${values.join(', ')}` }) }))
    );

const isoTime = (name: string) =>
  z
    .string()
    .datetime({ offset: true, message: `${name} must be an ISO time` })
    .transform((s) => new Date(s));

export const deliveriesQuerySchema = z
  .object({
    from: isoTime('from').optional(),
    to: isoTime('to').optional(),
    status: list(DELIVERY_STATUSES, 'status').optional(),
    network: list(NETWORKS, 'network').optional(),
    campaign: z.string().trim().min(1).max(64).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must be before to' });

export const previewQuerySchema = z.object({
  accountIds: z
    .string({ required_error: 'accountIds is required, e.g. ?accountIds=1,2' })
    .transform((s) => s.split(',').map(Number))
    .pipe(
      z
        .array(
          z
            .number()
            .int('accountIds must be numbers')
            .positive('accountIds must be numbers')
            .max(MAX_ID, 'accountIds must be account ids')
        )
        .min(1)
        .max(50)
    ),
});

export const idSchema = z.coerce
  .number({ invalid_type_error: 'id must be a number' })
  .int('id must be a whole number')
  .positive('id must be a positive number')
  .max(MAX_ID, 'id is not an id of ours');
export const documentIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'documentId is not valid');
