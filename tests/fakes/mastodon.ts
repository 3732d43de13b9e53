/** Mastodon: Bearer tokens, 200 + Status, Idempotency-Key per (account, key) for an hour, ISO-8601 resets. */
import { FakeNetwork, graphemeCount, type Reply, type RequestContext, type Route } from './base';

const IDEMPOTENCY_TTL_MS = 3_600_000;

export class MastodonFake extends FakeNetwork {
  readonly network = 'mastodon';
  maxCharacters = 500;
  readonly revokedTokens = new Set<string>();
  private nextId = 110_000_000_000_000_000n;
  private statuses = new Map<string, any>();
  private idempotency = new Map<string, { status: any; at: number }>();

  protected resetState(): void {
    this.maxCharacters = 500;
    this.revokedTokens.clear();
    this.statuses.clear();
    this.idempotency.clear();
  }

  protected accountOf(ctx: RequestContext) {
    return ctx.token;
  }

  protected rateLimited(waitMs: number): Reply {
    const reset = new Date(Date.now() + waitMs).toISOString().replace('Z', '000Z');
    return {
      status: 429,
      headers: { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset },
      body: { error: 'Too many requests' },
    };
  }

  protected serverError(): Reply {
    return { status: 503, body: { error: 'Remote data could not be fetched' } };
  }

  protected quotaHeaders(remaining: number, resetAt: number) {
    return {
      'X-RateLimit-Limit': String(this.options.window?.limit ?? 300),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': new Date(resetAt).toISOString().replace('Z', '000Z'),
    };
  }

  private unauthorized(ctx: RequestContext): Reply | undefined {
    if (!ctx.token || this.revokedTokens.has(ctx.token)) {
      return { status: 401, body: { error: 'The access token is invalid' } };
    }
    return undefined;
  }

  private accountEntity(token: string) {
    const id = String([...token].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
    return { id, username: `user${id}`, acct: `user${id}` };
  }

  private statusEntity(text: string, token: string, mediaIds: string[], language?: string) {
    const id = String(this.nextId++);
    const account = this.accountEntity(token);
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return {
      id,
      created_at: new Date().toISOString(),
      content: `<p>${escaped}</p>`,
      visibility: 'public',
      language: language ?? null,
      url: `${this.baseUrl}/@${account.username}/${id}`,
      uri: `${this.baseUrl}/users/${account.username}/statuses/${id}`,
      account,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      quotes_count: 0,
      media_attachments: mediaIds.map((m) => ({ id: m, type: 'image' })),
      application: { name: 'Porte-voix', website: null },
    };
  }

  protected routes(): Route[] {
    return [
      {
        method: 'GET',
        path: /^\/api\/v2\/instance$/,
        handle: () => ({
          status: 200,
          body: {
            domain: 'mastodon.fake',
            title: 'Fake Mastodon',
            configuration: {
              statuses: {
                max_characters: this.maxCharacters,
                max_media_attachments: 4,
                characters_reserved_per_url: 23,
              },
              media_attachments: { image_size_limit: 16_777_216 },
            },
          },
        }),
      },
      {
        method: 'POST',
        path: /^\/api\/v1\/statuses$/,
        publish: true,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const fields = ctx.fields();
          const text: string = fields.status ?? '';
          const mediaIds: string[] = fields.media_ids ?? fields['media_ids[]'] ?? [];
          const key = ctx.headers['idempotency-key'] as string | undefined;
          const idempotencyId = key ? `${this.accountEntity(ctx.token!).id}:${key}` : undefined;
          const previous = idempotencyId ? this.idempotency.get(idempotencyId) : undefined;
          if (previous && Date.now() - previous.at < IDEMPOTENCY_TTL_MS)
            return { status: 200, body: previous.status };
          if (!text.trim() && mediaIds.length === 0) {
            return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
          }
          if (graphemeCount(text, 23) > this.maxCharacters) {
            return {
              status: 422,
              body: { error: `Validation failed: Text character limit of ${this.maxCharacters} exceeded` },
            };
          }
          const status = this.statusEntity(text, ctx.token!, [].concat(mediaIds as any), fields.language);
          this.statuses.set(status.id, status);
          if (idempotencyId) this.idempotency.set(idempotencyId, { status, at: Date.now() });
          this.record({ id: status.id, account: ctx.token!, text, idempotencyKey: key });
          return { status: 200, body: status };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/statuses\/([^/]+)$/,
        handle: (ctx) => {
          const status = this.statuses.get(ctx.params[0]);
          return status
            ? { status: 200, body: status }
            : { status: 404, body: { error: 'Record not found' } };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/accounts\/verify_credentials$/,
        handle: (ctx) => this.unauthorized(ctx) ?? { status: 200, body: this.accountEntity(ctx.token!) },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/accounts\/([^/]+)\/statuses$/,
        handle: (ctx) => {
          const limit = Number(ctx.url.searchParams.get('limit') ?? 20);
          const mine = [...this.statuses.values()].filter((s) => s.account.id === ctx.params[0]).reverse();
          return { status: 200, body: mine.slice(0, limit) };
        },
      },
      {
        method: 'POST',
        path: /^\/api\/v2\/media$/,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const { files, fields } = ctx.multipart();
          const file = files.find((f) => f.name === 'file');
          if (!file || !file.type.startsWith('image/')) {
            return {
              status: 422,
              body: { error: 'Validation failed: File content type is invalid, File is invalid' },
            };
          }
          const id = String(this.nextId++);
          return {
            status: 200,
            body: {
              id,
              type: 'image',
              url: `${this.baseUrl}/media/${id}`,
              preview_url: null,
              description: fields.description ?? null,
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/media\/([^/]+)$/,
        handle: (ctx) => ({
          status: 200,
          body: { id: ctx.params[0], type: 'image', url: `${this.baseUrl}/media/${ctx.params[0]}` },
        }),
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/notifications$/,
        handle: (ctx) => this.unauthorized(ctx) ?? { status: 200, body: [] },
      },
    ];
  }
}
