import { z } from 'zod';

import { ContestError } from '../utils/errors';

const isRealDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

export const entryBodySchema = z.object({
  data: z.object({
    name: z.string({ required_error: 'name is required' }).trim().min(1, 'name is required').max(200),
    email: z.string({ required_error: 'email is required' }).trim().min(1, 'email is required').max(254),
    phone: optionalText(32),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code, e.g. "FR"')
      .transform((value) => value.toUpperCase())
      .nullish(),
    birthDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'birthDate must be a date written YYYY-MM-DD')
      .refine(isRealDay, 'birthDate is not a real day')
      .refine(
        (value) => value >= '1900-01-01' && new Date(`${value}T00:00:00Z`) <= new Date(),
        'birthDate is not plausible'
      )
      .nullish(),
    answers: z
      .record(z.unknown())
      .refine(
        (answers) => JSON.stringify(answers).length <= 10_000,
        'answers must stay under 10,000 characters'
      )
      .nullish(),
    consents: z
      .object({
        rules: z.boolean().optional(),
        marketing: z.boolean().optional(),
        publishName: z.boolean().optional(),
      })
      .nullish(),
  }),
});

export type EntryBody = z.infer<typeof entryBodySchema>['data'];

export function parseEntryBody(body: unknown): EntryBody {
  const parsed = entryBodySchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new ContestError(
      400,
      'invalid_body',
      `The entry is not valid: ${issues.map((issue) => `${issue.path || 'body'}: ${issue.message}`).join('; ')}. ` +
        'Send { "data": { "name", "email", "country", "birthDate", "answers", "consents": { "rules": true } } }.',
      { issues }
    );
  }
  return parsed.data.data;
}
