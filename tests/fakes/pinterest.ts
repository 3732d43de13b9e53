/**
 * Pinterest API v5: Bearer tokens that expire (401 `{"code":2,"message":"Authentication failed."}`)
 * and refresh at `/v5/oauth/token` (HTTP Basic app id:secret, continuous refresh tokens), 201 on a
 * created pin (a board of the account, an image, description up to 800 characters), errors as
 * `{code, message, status: "failure"}`, 429 with Retry-After (⚠ headers unconfirmed: seconds here),
 * boards listed, pin analytics with lifetime metrics growing with the pin's age.
 */
import { randomBytes } from 'node:crypto';

import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

type Pin = {
  id: string;
  account: string;
  boardId: string;
  title: string;
  description: string;
  link?: string;
  createdAt: number;
};

const failure = (status: number, code: number, message: string): Reply => ({
  status,
  body: { code, message, status: 'failure' },
});

export class PinterestFake extends FakeNetwork {
  readonly network = 'pinterest';
  readonly expiredTokens = new Set<string>();
  readonly boards = [
    { id: '549755885175', name: 'Vélo en ville', privacy: 'PUBLIC' },
    { id: '549755885176', name: 'Événements', privacy: 'PUBLIC' },
  ];
  refreshCount = 0;
  private seenTokens = new Set<string>();
  private usedRefreshTokens = new Set<string>();
  private pins = new Map<string, Pin>();
  private nextId = 1_000_000_000_000_000n;

  protected resetState(): void {
    this.expiredTokens.clear();
    this.seenTokens.clear();
    this.usedRefreshTokens.clear();
    this.pins.clear();
    this.refreshCount = 0;
  }

  deletePost(remoteId: string): boolean {
    return this.pins.delete(remoteId);
  }

  expireAccessTokens(): void {
    for (const token of this.seenTokens) this.expiredTokens.add(token);
  }

  protected accountOf(ctx: RequestContext) {
    return ctx.token;
  }

  protected rateLimited(waitMs: number): Reply {
    return {
      status: 429,
      headers: { 'Retry-After': String(Math.ceil(waitMs / 1000)) },
      body: { code: 8, message: 'You have exceeded your rate limit. Try again later.', status: 'failure' },
    };
  }

  protected serverError(): Reply {
    return failure(503, 1, 'Service unavailable. Please try again later.');
  }

  private unauthorized(ctx: RequestContext): Reply | undefined {
    if (ctx.token) this.seenTokens.add(ctx.token);
    if (!ctx.token || this.expiredTokens.has(ctx.token)) return failure(401, 2, 'Authentication failed.');
    return undefined;
  }

  private pinJson(pin: Pin) {
    return {
      id: pin.id,
      created_at: new Date(pin.createdAt).toISOString().slice(0, 19),
      board_id: pin.boardId,
      title: pin.title,
      description: pin.description,
      link: pin.link ?? null,
      media: { media_type: 'image' },
    };
  }

  protected routes(): Route[] {
    const authed = (handle: (ctx: RequestContext) => Reply) => (ctx: RequestContext) =>
      this.unauthorized(ctx) ?? handle(ctx);
    return [
      {
        method: 'POST',
        path: /^\/v5\/pins$/,
        publish: true,
        handle: authed((ctx) => {
          const body = ctx.json();
          if (!/^\d+$/.test(String(body.board_id ?? ''))) {
            return failure(400, 1, "Invalid request: board_id does not match pattern '^\\d+$'");
          }
          if (!this.boards.some((b) => b.id === body.board_id)) return failure(404, 3, 'Board not found.');
          const description = String(body.description ?? '');
          if (Array.from(description).length > 800) {
            return failure(400, 1, 'Invalid request: description: maxLength=800');
          }
          if (String(body.title ?? '').length > 100)
            return failure(400, 1, 'Invalid request: title: maxLength=100');
          const source = body.media_source ?? {};
          if (source.source_type !== 'image_base64' && source.source_type !== 'image_url') {
            return failure(400, 1, 'Invalid request: media_source is required');
          }
          if (source.source_type === 'image_base64' && !source.data) {
            return failure(400, 1, 'Invalid request: media_source.data is required');
          }
          const pin: Pin = {
            id: String(this.nextId++),
            account: ctx.token!,
            boardId: body.board_id,
            title: String(body.title ?? ''),
            description,
            link: body.link,
            createdAt: Date.now(),
          };
          this.pins.set(pin.id, pin);
          this.record({ id: pin.id, account: ctx.token!, text: description });
          return { status: 201, body: this.pinJson(pin) };
        }),
      },
      {
        method: 'GET',
        path: /^\/v5\/pins\/(\d+)$/,
        handle: authed((ctx) => {
          const pin = this.pins.get(ctx.params[0]);
          return pin ? { status: 200, body: this.pinJson(pin) } : failure(404, 50, 'Pin not found.');
        }),
      },
      {
        method: 'GET',
        path: /^\/v5\/pins\/(\d+)\/analytics$/,
        metrics: true,
        handle: authed((ctx) => {
          const pin = this.pins.get(ctx.params[0]);
          if (!pin) return failure(404, 50, 'Pin not found.');
          const grown = (name: string, perHour: number) =>
            this.grown(pin.createdAt, `${pin.id}:${name}`, perHour);
          return {
            status: 200,
            body: {
              all: {
                lifetime_metrics: {
                  IMPRESSION: grown('impressions', 40),
                  OUTBOUND_CLICK: grown('outbound', 2),
                  SAVE: grown('saves', 3),
                  TOTAL_COMMENTS: grown('comments', 0.3),
                  TOTAL_REACTIONS: grown('reactions', 2),
                },
              },
            },
          };
        }),
      },
      {
        method: 'GET',
        path: /^\/v5\/boards\/(\d+)\/pins$/,
        handle: authed((ctx) => ({
          status: 200,
          body: {
            items: [...this.pins.values()]
              .filter((p) => p.boardId === ctx.params[0] && this.visibleInLookups(p.createdAt))
              .reverse()
              .map((p) => this.pinJson(p)),
            bookmark: null,
          },
        })),
      },
      {
        method: 'GET',
        path: /^\/v5\/boards$/,
        handle: authed(() => ({ status: 200, body: { items: this.boards, bookmark: null } })),
      },
      {
        method: 'GET',
        path: /^\/v5\/user_account$/,
        metrics: true,
        handle: authed((ctx) => ({
          status: 200,
          body: {
            username: 'porte_voix',
            account_type: 'BUSINESS',
            follower_count: this.followersFor(ctx.token!, ctx.token === this.demoCredentials().accessToken),
          },
        })),
      },
      {
        method: 'POST',
        path: /^\/v5\/oauth\/token$/,
        handle: (ctx) => {
          const basic = String(ctx.headers.authorization ?? '');
          if (!basic.startsWith('Basic ')) return failure(401, 2, 'Authentication failed.');
          const { grant_type, refresh_token } = ctx.form();
          if (grant_type !== 'refresh_token' || !refresh_token || this.usedRefreshTokens.has(refresh_token)) {
            return { status: 400, body: { code: 1, message: 'Invalid refresh token.', status: 'failure' } };
          }
          this.refreshCount++;
          return {
            status: 200,
            body: {
              access_token: `pina_${randomBytes(12).toString('hex')}`,
              token_type: 'bearer',
              expires_in: 2_592_000,
              scope: 'boards:read,boards:write,pins:read,pins:write',
              refresh_token: refresh_token,
              refresh_token_expires_in: 5_184_000,
            },
          };
        },
      },
    ];
  }
}
