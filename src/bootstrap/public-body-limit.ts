import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Anyone on the internet can post to the public routes (`/api/*`), and nothing they legitimately send
 * (a comment, a contest entry) comes near 64 KB. The parser counts the bytes it actually reads, so a
 * chunked body with no Content-Length is cut off at the limit too. The admin keeps Strapi's larger
 * limits (long rich texts in the content manager), and uploads keep the upload plugin's own.
 */
export const PUBLIC_BODY_LIMIT = '64kb';

const isPublicRoute = (path: string) => path.startsWith('/api/') && !path.startsWith('/api/upload');

type BodyOptions = Record<string, unknown>;
type MiddlewareFactory = (config: BodyOptions, context: { strapi: Core.Strapi }) => Core.MiddlewareHandler;

// After refusing, read and discard up to this much more, so a client still sending gets to see the 413
// instead of a reset connection; past it, the connection is cut.
const DISCARD_AFTER_REFUSAL = 1024 * 1024;

function discardRest(request: NodeJS.ReadableStream & { destroy(): void }): void {
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_AFTER_REFUSAL) request.destroy();
  });
  request.resume();
}

const refuseOversizedBody = (error: Error & { status?: number; type?: string }, ctx: { req: any }) => {
  if (error.status === 413 || error.type === 'entity.too.large') {
    discardRest(ctx.req);
    throw new errors.PayloadTooLargeError(
      `The request body is larger than ${PUBLIC_BODY_LIMIT.toUpperCase()}: send less (files go to /api/upload)`
    );
  }
  throw error;
};

/** Wraps Strapi's body parser (required by Strapi under its own name) instead of adding a second one. */
export function limitPublicBodies(strapi: Core.Strapi): void {
  strapi.get('middlewares').extend('strapi::body', (createBody: MiddlewareFactory) => {
    return (config, context) => {
      const defaultBody = createBody(config, context);
      const publicBody = createBody(
        {
          ...config,
          jsonLimit: PUBLIC_BODY_LIMIT,
          formLimit: PUBLIC_BODY_LIMIT,
          textLimit: PUBLIC_BODY_LIMIT,
          // No public route takes files: a multipart body is left unread instead of spooled to disk.
          multipart: false,
          onError: refuseOversizedBody,
        },
        context
      );
      return (ctx, next) => (isPublicRoute(ctx.path) ? publicBody(ctx, next) : defaultBody(ctx, next));
    };
  });
}
