/** zod at the edge of the admin API: every body, query and id, with messages an editor can act on. */
import { errors } from '@strapi/utils';
import { z } from 'zod';

import { NETWORKS } from '../providers/types';
import { DELIVERY_STATUSES } from '../services/deliveries.service';

const httpUrl = z
  .string()
  .trim()
  .url('baseUrl must be a URL, e.g. https://mastodon.social')
  .refine((u) => /^https?:\/\//.test(u), 'baseUrl must start with http:// or https://');

const credentials = z.record(z.string().max(4000, 'A credential is at most 4000 characters'), {
  invalid_type_error: 'credentials must be an object of strings, e.g. {"accessToken": "…"}',
});

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
    name: z.string().trim().min(1, 'name is required').max(120),
    baseUrl: httpUrl.optional(),
    language: language.optional(),
    credentials,
  })
  .strict();

export const accountUpdateSchema = accountCreateSchema.partial().strict();

export const scheduleSchema = z
  .object({
    accountIds: z
      .array(z.number().int().positive(), { required_error: 'accountIds is required' })
      .min(1, 'Pick at least one account')
      .max(50),
    scheduledAt: z
      .string()
      .datetime({ offset: true, message: 'scheduledAt must be an ISO time, e.g. 2026-06-01T09:00:00+02:00' })
      .optional(),
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
    .pipe(z.array(z.number().int().positive('accountIds must be numbers')).min(1).max(50)),
});

export const idSchema = z.coerce
  .number({ invalid_type_error: 'id must be a number' })
  .int()
  .positive('id must be a positive number');
export const documentIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'documentId is not valid');

/** Parses or throws Strapi's ValidationError (a 400 with the first problem spelled out). */
export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new errors.ValidationError(`${where}${issue.message}`, { issues: result.error.issues });
  }
  return result.data;
}
