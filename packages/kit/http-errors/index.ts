import createError from 'http-errors';

import type { ErrorDetails } from '../server/rate-limited';

/**
 * The statuses Strapi's error classes lack. An `http-errors` error is one Strapi's error middleware
 * answers as is: its status, its name (`ConflictError`, `UnprocessableEntityError`), message and
 * details. Apart from `@porte-voix/kit/server` so that only the plugins that use them bundle
 * nothing of `http-errors` (they list it in their dependencies).
 */
export const conflict = (message: string, details: ErrorDetails) => createError(409, message, { details });

export const forbidden = (message: string, details: ErrorDetails) => createError(403, message, { details });

export const unprocessable = (message: string, details: ErrorDetails) =>
  createError(422, message, { details });
