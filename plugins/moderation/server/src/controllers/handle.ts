import { ModerationError } from '../utils/errors';

const NAMES: Record<number, string> = {
  400: 'ValidationError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  413: 'PayloadTooLargeError',
  429: 'RateLimitError',
};

/**
 * Wraps a controller action: a ModerationError becomes a 4xx in Strapi's error shape
 * (`{ data: null, error: { status, name, message, details } }`); anything else is a real bug.
 */
export const handle =
  (action: (ctx: any) => Promise<void>) =>
  async (ctx: any): Promise<void> => {
    try {
      await action(ctx);
    } catch (error) {
      if (!(error instanceof ModerationError)) throw error;
      if (error.retryAfterSeconds) ctx.set('Retry-After', String(error.retryAfterSeconds));
      ctx.status = error.status;
      ctx.body = {
        data: null,
        error: {
          status: error.status,
          name: NAMES[error.status],
          message: error.message,
          details: error.details,
        },
      };
    }
  };
