import { errors } from '@strapi/utils';

/** Every refusal carries a stable snake_case code a frontend can branch on. */
export type ErrorDetails = { reason: string } & Record<string, unknown>;

/**
 * A 429 that tells the caller when to come back: the `Retry-After` header is set on the response
 * before Strapi's error middleware turns the RateLimitError into the usual error body. `ctx` is the
 * request's (in a service, `strapi.requestContext.get()`); outside a request there is no header to set.
 */
export function tooManyRequests(
  ctx: { set(name: string, value: string): void } | undefined,
  retryAfterSeconds: number,
  message: string,
  details: ErrorDetails
): never {
  ctx?.set('Retry-After', String(retryAfterSeconds));
  throw new errors.RateLimitError(message, details);
}
