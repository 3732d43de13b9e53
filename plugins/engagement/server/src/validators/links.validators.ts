/** zod at the edge of the links admin API: every body, query and id, with messages an editor can act on. */
import { z } from 'zod';

import { MAX_DESTINATION_LENGTH } from '../domain/tracked-url';
import type { LinkFilters } from '../repositories/tracked-links.repository';
import type { LinkInput } from '../services/links.service';
import { documentId, singleLine, storableText } from './text';

/** Ids are database integers: anything larger is no id of ours. */
const MAX_ID = 2_147_483_647;

export const linkIdSchema = z.coerce
  .number({ invalid_type_error: 'The link id must be a number' })
  .int('The link id must be a whole number')
  .positive('The link id must be a whole number')
  .max(MAX_ID, 'No link has this id');

const utmValue = (field: string) =>
  singleLine(`utm.${field}`, 100)
    .transform((value) => value || undefined)
    .optional();

const utmSchema = z
  .object({
    source: utmValue('source'),
    medium: utmValue('medium'),
    campaign: utmValue('campaign'),
    term: utmValue('term'),
    content: utmValue('content'),
  })
  .strict();

const optionalCampaign = documentId('target.campaign').optional();

const targetSchema = z.discriminatedUnion(
  'type',
  [
    z
      .object({
        type: z.literal('post'),
        documentId: documentId('target.documentId'),
        deliveryId: z
          .number()
          .int()
          .positive()
          .max(MAX_ID, 'target.deliveryId must be a delivery id')
          .optional(),
        perDelivery: z.boolean({ invalid_type_error: 'target.perDelivery must be true or false' }).optional(),
        campaign: optionalCampaign,
      })
      .strict(),
    z.object({ type: z.literal('campaign'), documentId: documentId('target.documentId') }).strict(),
    z
      .object({
        type: z.literal('partnership'),
        documentId: documentId('target.documentId'),
        deliverable: singleLine('target.deliverable', 300).optional(),
        campaign: optionalCampaign,
      })
      .strict(),
    z
      .object({
        type: z.literal('event'),
        documentId: documentId('target.documentId'),
        campaign: optionalCampaign,
      })
      .strict(),
  ],
  {
    errorMap: (issue, context) =>
      issue.code === 'invalid_union_discriminator'
        ? { message: 'target.type must be one of post, campaign, partnership, event' }
        : { message: context.defaultError },
  }
);

export const linkCreateSchema = z
  .object({
    target: targetSchema,
    destinationUrl: storableText('destinationUrl')
      .pipe(
        z
          .string()
          .trim()
          .max(MAX_DESTINATION_LENGTH, `destinationUrl is at most ${MAX_DESTINATION_LENGTH} characters`)
      )
      .refine(
        (url) => url === '' || /^https?:\/\//i.test(url),
        'destinationUrl must start with http:// or https:// (no javascript:, data: or other schemes)'
      )
      .optional(),
    label: singleLine('label', 200).optional(),
    utm: utmSchema.optional(),
  })
  .strict()
  .refine((input) => !(input.target.type === 'post' && input.target.deliveryId && input.target.perDelivery), {
    message:
      'Give either target.deliveryId (one link) or target.perDelivery (one link per delivery), not both',
    path: ['target', 'perDelivery'],
  })
  .transform((input) => input as LinkInput);

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const linkListQuery = z
  .object({
    campaign: documentId('campaign').optional(),
    partnership: documentId('partnership').optional(),
    event: documentId('event').optional(),
    post: documentId('post').optional(),
    enabled: booleanQuery.optional(),
    q: singleLine('q', 200).optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
  .transform((query) => query as LinkFilters);

const day = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a day such as 2026-05-31`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, `${name} must be a real day`);

export const dailyQuery = z.object({ from: day('from').optional(), to: day('to').optional() }).strict();

export const targetSearchQuery = z
  .object({
    type: z.enum(['post', 'campaign', 'partnership', 'event'], {
      errorMap: () => ({ message: 'type must be one of post, campaign, partnership, event' }),
    }),
    q: singleLine('q', 200).optional(),
  })
  .strict();
