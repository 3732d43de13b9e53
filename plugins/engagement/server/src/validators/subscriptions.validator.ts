/** zod at the edge of the scheduled-report API. */
import { z } from 'zod';

export const subscriptionBody = z
  .object({
    email: z
      .string({ required_error: 'email is required' })
      .trim()
      .toLowerCase()
      .max(254, 'email is at most 254 characters')
      .email('email must be an e-mail address'),
    language: z.enum(['en', 'fr'], { errorMap: () => ({ message: 'language must be en or fr' }) }),
    cadence: z.enum(['weekly', 'monthly'], {
      errorMap: () => ({ message: 'cadence must be weekly or monthly' }),
    }),
    campaign: z
      .string()
      .trim()
      .regex(/^[a-z0-9]{1,64}$/i, 'campaign must be a document id')
      .nullable()
      .optional(),
  })
  .strict();

export type SubscriptionBody = {
  email: string;
  language: 'en' | 'fr';
  cadence: 'weekly' | 'monthly';
  campaign?: string | null;
};
