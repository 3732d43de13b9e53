/**
 * An error the caller can act on: controllers turn it into a 4xx with this message, and a
 * `Retry-After` header when `retryAfterSeconds` is set.
 */
export class ModerationError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 429,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'ModerationError';
  }
}
