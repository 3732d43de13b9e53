import { errors } from '@strapi/utils';
import { z } from 'zod';
import { parse } from '@porte-voix/kit/server';

import { publicText } from './public-text';

const isRealDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

const optionalText = (field: string, max: number) =>
  publicText(field, max)
    .transform((value) => value.trim())
    .nullish()
    .transform((value) => value || null);

const MAX_ANSWERS = 50;

/** Answers to the contest's questions: flat values only, each bounded, with no control characters. */
const answerValue = z.union([
  publicText('an answer', 2000, { multiLine: true }),
  z.number().finite('an answer must be a finite number'),
  z.boolean(),
  z.null(),
  z.array(publicText('an answer', 200)).max(20, 'an answer lists at most 20 choices'),
]);

export const entryBodySchema = z.object({
  data: z.object({
    name: publicText('name', 200)
      .transform((value) => value.trim())
      .refine((value) => value.length > 0, 'name is required'),
    email: publicText('email', 254)
      .transform((value) => value.trim())
      .refine((value) => value.length > 0, 'email is required'),
    phone: optionalText('phone', 32),
    country: publicText('country', 8)
      .transform((value) => value.trim())
      .pipe(z.string().regex(/^[A-Za-z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code, e.g. "FR"'))
      .transform((value) => value.toUpperCase())
      .nullish(),
    birthDate: publicText('birthDate', 10)
      .pipe(
        z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'birthDate must be a date written YYYY-MM-DD')
          .refine(isRealDay, 'birthDate is not a real day')
          .refine(
            (value) => value >= '1900-01-01' && new Date(`${value}T00:00:00Z`) <= new Date(),
            'birthDate is not plausible'
          )
      )
      .nullish(),
    answers: z
      .record(publicText('a question id', 100), answerValue)
      .refine(
        (answers) => Object.keys(answers).length <= MAX_ANSWERS,
        `answers must hold at most ${MAX_ANSWERS} questions`
      )
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

/** The entry body; its refusals keep the public contract's `invalid_body` reason and say what to send. */
export const parseEntryBody = (body: unknown): EntryBody =>
  parse(entryBodySchema, body, {
    reason: 'invalid_body',
    hint: 'Send { "data": { "name", "email", "country", "birthDate", "answers", "consents": { "rules": true } } }.',
  }).data;

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A contest id from the URL: anything that is not an id is a 404 before any query runs. */
export function parseEventDocumentId(value: unknown): string {
  if (typeof value !== 'string' || !DOCUMENT_ID.test(value)) {
    throw new errors.NotFoundError('There is no event with this id.', { reason: 'event_not_found' });
  }
  return value;
}
