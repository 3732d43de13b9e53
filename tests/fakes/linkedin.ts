/** LinkedIn Posts API: LinkedIn-Version required, 201 with the URN in x-restli-id, 429 with no headers. */
import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

const liError = (status: number, code: string, message: string, serviceErrorCode = status): Reply => ({
  status,
  body: { status, serviceErrorCode, code, message },
});

export class LinkedInFake extends FakeNetwork {
  readonly network = 'linkedin';
  readonly invalidTokens = new Set<string>();
  private posts = new Map<string, { id: string; author: string; commentary: string; createdAt: number }>();
  private nextId = 7_141_138_937_766_391_808n;

  protected resetState(): void {
    this.invalidTokens.clear();
    this.posts.clear();
  }

  protected accountOf(ctx: RequestContext) {
    return ctx.token;
  }

  protected rateLimited(): Reply {
    return {
      status: 429,
      body: {
        status: 429,
        serviceErrorCode: 101,
        message: 'Resource level throttle limit for calls to this resource is reached.',
      },
    };
  }

  protected serverError(): Reply {
    return liError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
  }

  private check(ctx: RequestContext): Reply | undefined {
    if (!ctx.token || this.invalidTokens.has(ctx.token))
      return liError(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);
    if (!ctx.headers['linkedin-version']) {
      return liError(
        400,
        'VERSION_MISSING',
        'A version must be present. Please specify a version by adding the Linkedin-Version header.'
      );
    }
    return undefined;
  }

  protected routes(): Route[] {
    return [
      {
        method: 'POST',
        path: /^\/rest\/posts$/,
        publish: true,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const { author, commentary = '' } = ctx.json();
          if (!author) return liError(422, 'UNPROCESSABLE_ENTITY', '/author is required');
          if (Array.from(commentary as string).length > 3000) {
            return liError(422, 'UNPROCESSABLE_ENTITY', 'commentary: length exceeds the maximum of 3000');
          }
          if ([...this.posts.values()].some((p) => p.author === author && p.commentary === commentary)) {
            return {
              status: 422,
              body: {
                errorDetailType: 'com.linkedin.common.error.BadRequest',
                message: 'Content is a duplicate',
                errorDetails: {
                  inputErrors: [
                    { description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' },
                  ],
                },
                status: 422,
              },
            };
          }
          const id = `urn:li:share:${this.nextId++}`;
          this.posts.set(id, { id, author, commentary, createdAt: Date.now() });
          this.record({ id, account: author, text: commentary.replace(/\\(.)/g, '$1') });
          return { status: 201, headers: { 'x-restli-id': id } };
        },
      },
      {
        method: 'GET',
        path: /^\/rest\/posts\/([^/]+)$/,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const post = this.posts.get(decodeURIComponent(ctx.params[0]));
          return post ? { status: 200, body: post } : liError(404, 'NOT_FOUND', 'Not Found');
        },
      },
      {
        method: 'GET',
        path: /^\/rest\/posts$/,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const author = ctx.url.searchParams.get('author');
          const elements = [...this.posts.values()].filter((p) => p.author === author).reverse();
          return { status: 200, body: { elements, paging: { start: 0, count: elements.length } } };
        },
      },
      {
        method: 'GET',
        path: /^\/rest\/socialActions\/([^/]+)$/,
        handle: (ctx) =>
          this.check(ctx) ?? {
            status: 200,
            body: {
              likesSummary: { totalLikes: 0, likedByCurrentUser: false },
              commentsSummary: { totalFirstLevelComments: 0, commentsState: 'OPEN' },
            },
          },
      },
      {
        method: 'GET',
        path: /^\/rest\/socialActions\/([^/]+)\/comments$/,
        handle: (ctx) => this.check(ctx) ?? { status: 200, body: { elements: [] } },
      },
      {
        method: 'POST',
        path: /^\/rest\/images$/,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const id = `urn:li:image:C4E${this.nextId++}`;
          return {
            status: 200,
            body: {
              value: {
                uploadUrl: `${this.baseUrl}/upload/${encodeURIComponent(id)}`,
                image: id,
                uploadUrlExpiresAt: Date.now() + 3_600_000,
              },
            },
          };
        },
      },
      { method: 'PUT', path: /^\/upload\/([^/]+)$/, handle: () => ({ status: 201 }) },
    ];
  }
}
