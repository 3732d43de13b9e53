import { z } from 'zod';

export const hashtagSuggestionsQuery = z
  .object({
    q: z.string().max(100, 'must be 100 characters or less').default(''),
    limit: z
      .string()
      .regex(/^\d{1,2}$/, 'must be a whole number from 1 to 20')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 20, 'must be a whole number from 1 to 20')
      .default('8'),
  })
  .strict();
