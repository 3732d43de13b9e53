/** zod at the edge of the partner reports and their share links. */
import { z } from 'zod';

const MAX_DAYS = 800;

const day = (what: string) =>
  z
    .string({
      required_error: `${what} is required (YYYY-MM-DD)`,
      invalid_type_error: `${what} must be a day`,
    })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be a day, YYYY-MM-DD`)
    .refine(
      // Refinements also run on values the regex refused: never throw here.
      (value) => {
        const time = Date.parse(`${value}T00:00:00Z`);
        return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
      },
      `${what} is not a calendar day`
    );

// The server tsconfig is not strict (inferred keys are optional): the period is read loosely here.
// Refinements also run when a field failed its own check: they judge only two real days.
type Span = { from?: unknown; to?: unknown };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const bothDays = (value: Span): value is { from: string; to: string } =>
  typeof value.from === 'string' &&
  typeof value.to === 'string' &&
  DAY.test(value.from) &&
  DAY.test(value.to);
const withinLimits = <S extends z.ZodTypeAny>(schema: S) =>
  schema
    .refine((value: Span) => !bothDays(value) || value.from <= value.to, {
      message: 'from must not be after to',
      path: ['from'],
    })
    .refine(
      (value: Span) =>
        !bothDays(value) || (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000 < MAX_DAYS,
      { message: `a report covers at most ${MAX_DAYS} days`, path: ['to'] }
    );

export const partnerPeriodQuery = withinLimits(z.object({ from: day('from'), to: day('to') }));

export const partnerParams = z.object({
  documentId: z
    .string()
    .trim()
    .regex(/^[a-z0-9]{1,64}$/i, 'documentId must be a document id'),
});

export const partnerCsvQuery = z.object({
  table: z
    .enum(['daily', 'links', 'posts'], {
      errorMap: () => ({ message: 'table must be daily, links or posts' }),
    })
    .default('daily'),
});

export const shareIdParams = z.object({
  id: z.coerce
    .number({ invalid_type_error: 'id must be a number' })
    .int('id must be a whole number')
    .positive('id must be positive'),
});

export const shareCreateBody = withinLimits(
  z
    .object({
      expiresInDays: z.union([z.literal(7), z.literal(30), z.literal(90)], {
        errorMap: () => ({ message: 'expiresInDays must be 7, 30 or 90' }),
      }),
      from: day('from'),
      to: day('to').nullable().optional(),
      language: z.enum(['en', 'fr'], { errorMap: () => ({ message: 'language must be en or fr' }) }),
    })
    .strict()
);
