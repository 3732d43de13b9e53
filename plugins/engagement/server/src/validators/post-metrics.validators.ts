import { z } from 'zod';

/** A Strapi document id as it appears in a path. */
export const documentIdSchema = z
  .string({ required_error: 'documentId is required' })
  .min(1, 'documentId is required')
  .max(64, 'documentId is at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'documentId is not valid');
