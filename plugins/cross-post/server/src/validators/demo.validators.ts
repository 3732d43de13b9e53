/** zod at the edge of the demo service: the publication plan the app's demo seed hands over, and readings asked for. */
import { z } from 'zod';

import { NETWORKS } from '../providers';
import { accountIdSchema } from './metrics.validators';

const instant = (field: string) =>
  z.date({ required_error: `${field} is required`, invalid_type_error: `${field} must be a Date` });

const network = z.enum(NETWORKS, { errorMap: () => ({ message: `must be one of ${NETWORKS.join(', ')}` }) });

export const publicationPlanSchema = z
  .array(
    z
      .object({
        postDocumentId: z
          .string({ required_error: 'postDocumentId is required' })
          .regex(/^[A-Za-z0-9_-]{1,64}$/, 'postDocumentId must be a document id'),
        at: instant('at'),
        networks: z.array(network).min(1, 'networks needs at least one network'),
        failOn: network.optional(),
      })
      .strict()
      .refine((publication) => !publication.failOn || publication.networks.includes(publication.failOn), {
        message: 'failOn must be one of the publication’s networks',
        path: ['failOn'],
      }),
    { invalid_type_error: 'the plan must be a list of publications' }
  )
  .max(500, 'the plan holds at most 500 publications');

/** Most instants one readings call answers: a delivery's whole collection schedule fits. */
export const MAX_INSTANTS = 2000;

export const readingsSchema = z.object({
  accountId: accountIdSchema,
  remoteId: z
    .string({ required_error: 'remoteId is required', invalid_type_error: 'remoteId must be a text' })
    .min(1, 'remoteId is empty')
    .max(255),
  instants: z.array(instant('instants[]')).min(1, 'instants needs at least one').max(MAX_INSTANTS),
});

export const followersSchema = z.object({ accountId: accountIdSchema, at: instant('at') });
