/** zod at the edge of the page-view beacon. */
import { z } from 'zod';

import type { ViewInput } from '../services/views.service';
import { documentId, singleLine } from './text';

/**
 * `{ post: documentId }` or `{ event: documentId }`, and the page's path if the frontend gives it.
 * Only the path is kept: a query string may carry an e-mail address or a token.
 */
export const viewBodySchema = z
  .object({
    post: documentId('post').optional(),
    event: documentId('event').optional(),
    path: singleLine('path', 2000)
      .refine((path) => path.startsWith('/'), 'path must start with / (the page path, e.g. /blog/my-post)')
      .transform((path) => path.split(/[?#]/)[0].slice(0, 255))
      .optional(),
  })
  .strict()
  .refine((body) => Boolean(body.post) !== Boolean(body.event), {
    message: 'Send either post or event: the documentId of what the page shows',
    path: ['post'],
  })
  .transform((body): ViewInput => ({
    type: body.post ? 'post' : 'event',
    documentId: (body.post ?? body.event) as string,
    path: body.path ?? null,
  }));

/**
 * `navigator.sendBeacon` sends its body as text/plain (a JSON type would need a CORS preflight): a
 * JSON text is read as the object it holds.
 */
export function beaconBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
