/** zod at the edge of the metrics service: what another plugin asks of cross-post. */
import { z } from 'zod';

/** Ids are database integers: anything larger is no id of ours. */
const MAX_ID = 2_147_483_647;
/** Most published deliveries one listPublished call returns. */
export const MAX_PUBLISHED_PAGE = 1000;

export const accountIdSchema = z
  .number({ invalid_type_error: 'accountId must be a number' })
  .int('accountId must be an integer')
  .min(1, 'accountId must be positive')
  .max(MAX_ID, 'accountId is no account id');

export const listPublishedSchema = z.object({
  afterId: z
    .number({
      required_error: 'afterId is required (0 to start)',
      invalid_type_error: 'afterId must be a number',
    })
    .int('afterId must be an integer')
    .min(0, 'afterId must be 0 or more')
    .max(MAX_ID, 'afterId is no delivery id'),
  limit: z
    .number({ required_error: 'limit is required', invalid_type_error: 'limit must be a number' })
    .int('limit must be an integer')
    .min(1, 'limit must be at least 1')
    .max(MAX_PUBLISHED_PAGE, `limit is at most ${MAX_PUBLISHED_PAGE}`),
});

/** Remote ids as cross-post stored them (at most 255 characters), at least one. */
export const remoteIdsSchema = z
  .array(
    z.string({ invalid_type_error: 'remoteIds must be texts' }).min(1, 'a remote id is empty').max(255),
    {
      required_error: 'remoteIds is required',
      invalid_type_error: 'remoteIds must be a list',
    }
  )
  .min(1, 'remoteIds needs at least one id');
