import { z } from 'zod';

/** The published deliveries (cross-post ids) whose past the demo writes. */
export const deliveryIdsSchema = z
  .array(
    z
      .number({ invalid_type_error: 'a delivery id must be a number' })
      .int('a delivery id is an integer')
      .positive('a delivery id is positive'),
    { required_error: 'deliveryIds is required', invalid_type_error: 'deliveryIds must be a list' }
  )
  .max(10_000, 'at most 10,000 deliveries at once');
