import { z } from 'zod';

const language = z.enum(['fr', 'en'], { errorMap: () => ({ message: 'must be fr or en' }) });

export const savedReplySchema = z
  .object({
    title: z.string().trim().min(1, 'give the saved reply a title').max(120, 'at most 120 characters'),
    body: z.string().trim().min(1, 'write the answer').max(5000, 'at most 5,000 characters'),
    language,
  })
  .strict();

export const savedReplyPatchSchema = savedReplySchema.partial().strict();

export const savedRepliesQuerySchema = z.object({ language: language.optional() }).strict();

export const savedReplyIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a saved reply id')
  .transform(Number);
