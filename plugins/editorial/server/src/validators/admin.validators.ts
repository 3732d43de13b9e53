/** zod at the edge of the admin API, with messages an editor can act on. */
import { z } from 'zod';

const MAX_ID = 2_147_483_647;
const id = z.number().int().positive().max(MAX_ID);
const text = (name: string, max: number) =>
  z
    .string({ required_error: `${name} is required`, invalid_type_error: `${name} must be text` })
    .trim()
    .min(1, `${name} is required`)
    .max(max, `${name} is at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), `${name} must not contain NUL characters`);

/** Which document and locale: the post type unless another opted-in type is named. */
export const subjectSchema = z.object({
  type: z.string().min(1).max(100).default('api::post.post'),
  documentId: z.string().trim().min(1, 'documentId is required').max(64),
  locale: z.string().trim().min(2, 'locale is required, e.g. fr').max(16),
});

export const submitSchema = subjectSchema.extend({
  accountIds: z.array(id).max(100).optional(),
});

export const approveSchema = subjectSchema.extend({
  hash: z
    .string({ required_error: 'hash is required: the version you reviewed' })
    .regex(/^[0-9a-f]{64}$/, 'hash must be the version hash you reviewed'),
});

const variant = z.string().trim().min(1).max(32).nullish();

export const requestChangesSchema = subjectSchema.extend({
  comment: text('A comment saying what to change', 5000),
  variant,
});

export const commentSchema = subjectSchema.extend({ text: text('The comment', 5000), variant });

export const campaignParamSchema = z.string().trim().min(1).max(64);

export const ruleSchema = z.object({
  requiredApprovals: z.union([z.literal(1), z.literal(2)], {
    errorMap: () => ({ message: 'requiredApprovals is 1 or 2' }),
  }),
  approverRoleIds: z.array(id).max(50).default([]),
  approverUserIds: z.array(id).max(200).default([]),
});

export const notificationsQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'unread is true or false' }) })
    .default('false')
    .transform((value) => value === 'true'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** Mark some notifications read (`ids`), or all of them (`all: true`). */
export const markReadSchema = z.union(
  [z.object({ ids: z.array(id).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()],
  { errorMap: () => ({ message: 'send { ids: [notification ids] } or { all: true }' }) }
);
