/** X API v2: OAuth2 Bearer tokens that expire (401) and refresh with rotation, 201 on create, epoch-second resets. */
import { randomBytes } from 'node:crypto';

import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

const problem = (status: number, title: string, detail: string, type = 'about:blank'): Reply => ({
  status,
  body: { title, detail, type, status },
});

/** twitter-text v3 weights, counted independently of the plugin. */
function weightedLength(text: string): number {
  const light = (cp: number) =>
    cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
  const segmenter = new (Intl as any).Segmenter('und', { granularity: 'grapheme' });
  let weight = 0;
  const normalized = text.normalize('NFC').replace(/https?:\/\/\S+/g, 'u'.repeat(23));
  for (const { segment } of segmenter.segment(normalized) as Iterable<{ segment: string }>) {
    if (/\p{Extended_Pictographic}/u.test(segment)) weight += 2;
    else for (const c of segment) weight += light(c.codePointAt(0)!) ? 1 : 2;
  }
  return weight;
}

export class XFake extends FakeNetwork {
  readonly network = 'x';
  readonly expiredTokens = new Set<string>();
  private refreshTokens = new Map<string, string>();
  private tweets = new Map<string, { id: string; text: string; author: string; created_at: string }>();
  private nextId = 1_800_000_000_000_000_000n;
  refreshCount = 0;

  protected resetState(): void {
    this.expiredTokens.clear();
    this.refreshTokens.clear();
    this.tweets.clear();
    this.seenTokens.clear();
    this.refreshCount = 0;
  }

  /** Every access token seen so far now answers 401. */
  expireAccessTokens(): void {
    for (const token of this.seenTokens) this.expiredTokens.add(token);
  }

  private seenTokens = new Set<string>();

  protected accountOf(ctx: RequestContext) {
    return ctx.token;
  }

  protected rateLimited(waitMs: number): Reply {
    return {
      status: 429,
      headers: {
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(Math.ceil((Date.now() + waitMs) / 1000)),
      },
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    };
  }

  protected serverError(): Reply {
    return problem(503, 'Service Unavailable', 'Service Unavailable');
  }

  protected quotaHeaders(remaining: number, resetAt: number) {
    return {
      'x-rate-limit-limit': String(this.options.window?.limit ?? 100),
      'x-rate-limit-remaining': String(remaining),
      'x-rate-limit-reset': String(Math.ceil(resetAt / 1000)),
    };
  }

  private unauthorized(ctx: RequestContext): Reply | undefined {
    if (ctx.token) this.seenTokens.add(ctx.token);
    if (!ctx.token || this.expiredTokens.has(ctx.token)) return problem(401, 'Unauthorized', 'Unauthorized');
    return undefined;
  }

  private userId(token: string) {
    return String([...token].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 11));
  }

  protected routes(): Route[] {
    return [
      {
        method: 'POST',
        path: /^\/2\/tweets$/,
        publish: true,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const { text = '', media } = ctx.json();
          if (weightedLength(text) > 280) {
            return {
              status: 400,
              body: {
                errors: [{ parameters: { text: [text] }, message: 'Your Tweet text is too long.' }],
                title: 'Invalid Request',
                detail: 'One or more parameters to your request was invalid.',
                type: 'https://api.twitter.com/2/problems/invalid-request',
              },
            };
          }
          const author = this.userId(ctx.token!);
          if ([...this.tweets.values()].some((t) => t.author === author && t.text === text)) {
            return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
          }
          const id = String(this.nextId++);
          this.tweets.set(id, { id, text, author, created_at: new Date().toISOString() });
          this.record({ id, account: author, text });
          return {
            status: 201,
            body: { data: { id, text, edit_history_tweet_ids: [id], ...(media && { attachments: media }) } },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/2\/tweets$/,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const ids = (ctx.url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
          const found = ids.filter((id) => this.tweets.has(id));
          const missing = ids.filter((id) => !this.tweets.has(id));
          return {
            status: 200,
            body: {
              ...(found.length > 0 && {
                data: found.map((id) => ({
                  ...this.tweets.get(id),
                  edit_history_tweet_ids: [id],
                  public_metrics: {
                    retweet_count: 0,
                    reply_count: 0,
                    like_count: 0,
                    quote_count: 0,
                    bookmark_count: 0,
                    impression_count: 0,
                  },
                })),
              }),
              ...(missing.length > 0 && {
                errors: missing.map((id) => ({
                  value: id,
                  detail: `Could not find tweet with ids: [${id}].`,
                  title: 'Not Found Error',
                  resource_type: 'tweet',
                  parameter: 'ids',
                  resource_id: id,
                  type: 'https://api.twitter.com/2/problems/resource-not-found',
                })),
              }),
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/2\/users\/me$/,
        handle: (ctx) =>
          this.unauthorized(ctx) ?? {
            status: 200,
            body: { data: { id: this.userId(ctx.token!), name: 'Fake', username: 'fake' } },
          },
      },
      {
        method: 'GET',
        path: /^\/2\/users\/([^/]+)\/tweets$/,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const since = Date.parse(ctx.url.searchParams.get('start_time') ?? '1970-01-01');
          const data = [...this.tweets.values()]
            .filter((t) => t.author === ctx.params[0] && Date.parse(t.created_at) >= since)
            .reverse()
            .map(({ id, text }) => ({ id, text, edit_history_tweet_ids: [id] }));
          return {
            status: 200,
            body:
              data.length > 0 ? { data, meta: { result_count: data.length } } : { meta: { result_count: 0 } },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/2\/users\/([^/]+)\/mentions$/,
        handle: (ctx) => this.unauthorized(ctx) ?? { status: 200, body: { meta: { result_count: 0 } } },
      },
      {
        method: 'POST',
        path: /^\/2\/oauth2\/token$/,
        handle: (ctx) => {
          const { grant_type, refresh_token, client_id } = ctx.form();
          if (grant_type !== 'refresh_token' || !client_id) {
            return {
              status: 400,
              body: { error: 'invalid_request', error_description: 'Missing required parameter' },
            };
          }
          // A refresh token works once: the answer carries the next one.
          if (!refresh_token || this.refreshTokens.get(refresh_token) === 'used') {
            return {
              status: 400,
              body: {
                error: 'invalid_request',
                error_description: 'Value passed for the token was invalid.',
              },
            };
          }
          this.refreshTokens.set(refresh_token, 'used');
          this.refreshCount++;
          return {
            status: 200,
            body: {
              token_type: 'bearer',
              expires_in: 7200,
              access_token: `xat-${randomBytes(12).toString('hex')}`,
              refresh_token: `xrt-${randomBytes(12).toString('hex')}`,
              scope: 'tweet.read tweet.write users.read offline.access',
            },
          };
        },
      },
      {
        method: 'POST',
        path: /^\/2\/media\/upload\/initialize$/,
        handle: (ctx) =>
          this.unauthorized(ctx) ?? {
            status: 200,
            body: {
              data: { id: String(this.nextId++), media_key: `3_${this.nextId}`, expires_after_secs: 86400 },
            },
          },
      },
      {
        method: 'POST',
        path: /^\/2\/media\/upload\/([^/]+)\/append$/,
        handle: (ctx) => this.unauthorized(ctx) ?? { status: 204 },
      },
      {
        method: 'POST',
        path: /^\/2\/media\/upload\/([^/]+)\/finalize$/,
        handle: (ctx) =>
          this.unauthorized(ctx) ?? { status: 200, body: { data: { id: ctx.params[0], size: 1 } } },
      },
      {
        method: 'POST',
        path: /^\/2\/media\/metadata$/,
        handle: (ctx) => this.unauthorized(ctx) ?? { status: 200, body: { data: {} } },
      },
    ];
  }
}
