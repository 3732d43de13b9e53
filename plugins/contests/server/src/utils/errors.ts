/**
 * A refusal the caller can act on: an HTTP status, a stable machine-readable reason and a message
 * written for the person who will read it (a frontend developer or an organiser).
 */
export class ContestError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
    this.name = 'ContestError';
  }
}

const NAMES: Record<number, string> = {
  400: 'ValidationError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  422: 'UnprocessableEntityError',
  429: 'RateLimitError',
};

/** Writes the refusal in Strapi's error shape, with `details.reason` added. */
export function sendContestError(ctx: any, error: ContestError): void {
  for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
  ctx.status = error.status;
  ctx.body = {
    data: null,
    error: {
      status: error.status,
      name: NAMES[error.status] ?? 'ApplicationError',
      message: error.message,
      details: { reason: error.reason, ...error.details },
    },
  };
}

/** Runs a controller action, turning ContestErrors into their HTTP answer. */
export async function answering(ctx: any, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ContestError) return sendContestError(ctx, error);
    throw error;
  }
}
