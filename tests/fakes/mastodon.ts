/**
 * Mastodon: Bearer tokens, 200 + Status, Idempotency-Key per (account, key) for an hour, ISO-8601
 * resets. Statuses count favourites, boosts, replies (and quotes from 4.5) growing with age; the batch
 * read `GET /api/v1/statuses?id[]=` exists from 4.3 (`version`) and takes at most 20 ids.
 */
import { FakeNetwork, graphemeCount, type Reply, type RequestContext, type Route } from './base';
import { matchesQuery, parseQuery } from './search-query';

const IDEMPOTENCY_TTL_MS = 3_600_000;
/** DEFAULT_STATUSES_LIMIT in Api::V1::StatusesController. */
const STATUSES_PER_BATCH = 20;

/** "4.2.10" → [4, 2, 10], to compare versions. */
const versionAtLeast = (version: string, major: number, minor: number) => {
  const [a = 0, b = 0] = version.split('.').map((n) => parseInt(n, 10) || 0);
  return a > major || (a === major && b >= minor);
};

export class MastodonFake extends FakeNetwork {
  readonly network = 'mastodon';
  maxCharacters = 500;
  /** The server's version: no batch read before 4.3, no quotes_count before 4.5. */
  version = '4.5.0';
  readonly revokedTokens = new Set<string>();
  private nextId = 110_000_000_000_000_000n;
  private statuses = new Map<string, any>();
  private idempotency = new Map<string, { status: any; at: number }>();
  private nextNotificationId = 1000;
  /** Statuses favourited through the API (by any token). */
  readonly favourited = new Set<string>();
  /** Statuses deleted by their author through the API, in order. */
  readonly deleted: string[] = [];
  /** Notifications per token, oldest first. */
  private notifications = new Map<string, any[]>();
  /** Readers' statuses that mention the account, by id (readable with GET /api/v1/statuses/:id). */
  private readerStatuses = new Map<string, any>();
  /** The visibility each status posted through the API was given, by id. */
  readonly visibilityOf = new Map<string, string>();

  /**
   * A reader's reply to a status (or a mention of the account when `inReplyTo` is absent), notified
   * to the account of `token` as Mastodon does: a `mention` notification carrying the status.
   */
  addMention(
    token: string,
    mention: {
      text: string;
      inReplyTo?: string;
      acct?: string;
      language?: string;
      /** 'direct': a private message to the account; 'private': for the reader's followers. */
      visibility?: 'public' | 'unlisted' | 'private' | 'direct';
    }
  ): { notificationId: string; statusId: string } {
    const acct = mention.acct ?? 'lectrice@example.social';
    const [username, domain = 'example.social'] = acct.split('@');
    const id = String(this.nextId++);
    const status = {
      id,
      created_at: new Date(this.now()).toISOString(),
      in_reply_to_id: mention.inReplyTo ?? null,
      content: `<p>${mention.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
      visibility: mention.visibility ?? 'public',
      language: mention.language ?? null,
      url: `https://${domain}/@${username}/${id}`,
      account: { id: '77', username, acct, display_name: username, url: `https://${domain}/@${username}` },
    };
    const notification = {
      id: String(this.nextNotificationId++),
      type: 'mention',
      created_at: status.created_at,
      account: status.account,
      status,
    };
    this.readerStatuses.set(id, status);
    const list = this.notifications.get(token) ?? [];
    list.push(notification);
    this.notifications.set(token, list);
    return { notificationId: notification.id, statusId: id };
  }

  /** Public statuses anyone wrote on the federation, as this server knows them (oldest first). */
  private publicStatuses: any[] = [];

  /**
   * A reader's public status: on the timeline of each of its hashtags (`#tag` in the text) and in
   * the full-text search. Its id carries its time, as Mastodon's snowflake ids do (ms << 16).
   */
  addPublicStatus(post: { text: string; acct?: string; language?: string; at?: number }): string {
    const acct = post.acct ?? 'lectrice@example.social';
    const [username, domain = 'example.social'] = acct.split('@');
    const at = post.at ?? this.now();
    const id = String((BigInt(at) << 16n) + BigInt(this.publicStatuses.length % 65_536));
    const tags = [...post.text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => ({
      name: m[1].toLowerCase(),
      url: `https://${domain}/tags/${m[1].toLowerCase()}`,
    }));
    this.publicStatuses.push({
      id,
      created_at: new Date(at).toISOString(),
      in_reply_to_id: null,
      content: `<p>${post.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
      text: post.text,
      visibility: 'public',
      language: post.language ?? null,
      url: `https://${domain}/@${username}/${id}`,
      account: { id: '88', username, acct, display_name: username, url: `https://${domain}/@${username}` },
      tags,
    });
    this.publicStatuses.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    return id;
  }

  /**
   * A page of `list` (oldest first) as Mastodon's paginated timelines answer it: newest first;
   * `max_id` and `since_id` bound it, `min_id` asks for the oldest right after it; `limit` up to
   * `max`; a Link header with `next` (older) and `prev` (newer) pages.
   */
  private pageOf(ctx: RequestContext, list: any[], max: number, path: string): Reply {
    const params = ctx.url.searchParams;
    const limit = Math.min(max, Math.max(1, Number(params.get('limit') ?? 20) || 20));
    const bound = (name: string) => (params.get(name) ? BigInt(params.get(name)!) : null);
    const [maxId, sinceId, minId] = [bound('max_id'), bound('since_id'), bound('min_id')];
    let found = list.filter(
      (n) =>
        (maxId === null || BigInt(n.id) < maxId) &&
        (sinceId === null || BigInt(n.id) > sinceId) &&
        (minId === null || BigInt(n.id) > minId)
    );
    found = minId !== null ? found.slice(0, limit) : found.slice(-limit);
    const page = [...found].reverse().map(({ text: _text, ...status }) => status);
    const headers: Record<string, string> = {};
    if (page.length > 0) {
      const base = `${this.baseUrl}${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
      headers.Link = `<${base}&max_id=${page[page.length - 1].id}>; rel="next", <${base}&min_id=${page[0].id}>; rel="prev"`;
    }
    return { status: 200, headers, body: page };
  }

  /** `GET /api/v1/timelines/tag/:hashtag` (public): the tag's statuses, `any[]` more tags, 40 a page at most. */
  private tagTimeline(ctx: RequestContext, hashtag: string): Reply {
    const wanted = new Set(
      [hashtag, ...ctx.url.searchParams.getAll('any[]')].map((t) => decodeURIComponent(t).toLowerCase())
    );
    const none = new Set(ctx.url.searchParams.getAll('none[]').map((t) => t.toLowerCase()));
    const list = this.publicStatuses.filter(
      (s) => s.tags.some((t: any) => wanted.has(t.name)) && !s.tags.some((t: any) => none.has(t.name))
    );
    return this.pageOf(ctx, list, 40, `/api/v1/timelines/tag/${hashtag}`);
  }

  /**
   * `GET /api/v2/search?type=statuses`: full-text search of statuses (needs a token), 40 a page at
   * most, `min_id`/`max_id` as timelines (no Link header: the client pages by ids).
   */
  private search(ctx: RequestContext): Reply {
    const denied = this.unauthorized(ctx);
    if (denied) return denied;
    const params = ctx.url.searchParams;
    const q = params.get('q') ?? '';
    if (!q.trim()) return { status: 400, body: { error: 'Validation failed: q is missing' } };
    const type = params.get('type');
    const parsed = parseQuery(q);
    const statuses =
      type && type !== 'statuses' ? [] : this.publicStatuses.filter((s) => matchesQuery(parsed, s.text));
    const page = this.pageOf(ctx, statuses, 40, '/api/v2/search');
    return { status: 200, body: { accounts: [], statuses: page.body, hashtags: [] } };
  }

  /**
   * `GET /api/v1/notifications`: newest first, `limit` 40 by default and 80 at most; `max_id` and
   * `since_id` bound the page from above and below, `min_id` asks for the page right after it (the
   * oldest newer ones), as Mastodon's paginated queries do.
   */
  private listNotifications(ctx: RequestContext): Reply {
    const denied = this.unauthorized(ctx);
    if (denied) return denied;
    const params = ctx.url.searchParams;
    const limit = Math.min(80, Math.max(1, Number(params.get('limit') ?? 40) || 40));
    const types = params.getAll('types[]');
    const id = (n: any) => BigInt(n.id);
    const bound = (name: string) => (params.get(name) ? BigInt(params.get(name)!) : null);
    const [maxId, sinceId, minId] = [bound('max_id'), bound('since_id'), bound('min_id')];
    let list = (this.notifications.get(ctx.token!) ?? []).filter(
      (n) =>
        (types.length === 0 || types.includes(n.type)) &&
        (maxId === null || id(n) < maxId) &&
        (sinceId === null || id(n) > sinceId) &&
        (minId === null || id(n) > minId)
    );
    // min_id: the `limit` oldest after it; otherwise the `limit` newest. Always answered newest first.
    list = minId !== null ? list.slice(0, limit) : list.slice(-limit);
    const page = [...list].reverse();
    const headers: Record<string, string> = {};
    if (page.length > 0) {
      const base = `${this.baseUrl}/api/v1/notifications?limit=${limit}`;
      headers.Link = `<${base}&max_id=${page[page.length - 1].id}>; rel="next", <${base}&min_id=${page[0].id}>; rel="prev"`;
    }
    return { status: 200, headers, body: page };
  }

  deletePost(remoteId: string): boolean {
    return this.statuses.delete(remoteId) || this.deleteDemoPost(remoteId);
  }

  /** A status of this server, or one of the demo's past (its id says when it was posted). */
  private statusOf(id: string): any {
    const own =
      this.statuses.get(id) ?? this.readerStatuses.get(id) ?? this.publicStatuses.find((s) => s.id === id);
    if (own) return own;
    const at = this.demoPostAt(id);
    if (at === undefined) return undefined;
    const account = { id: '4242', username: 'porte_voix', acct: 'porte_voix' };
    return {
      id,
      created_at: new Date(at).toISOString(),
      content: '',
      visibility: 'public',
      language: null,
      url: `${this.baseUrl}/@${account.username}/${id}`,
      uri: `${this.baseUrl}/users/${account.username}/statuses/${id}`,
      account,
      media_attachments: [],
      demo: true,
    };
  }

  protected resetState(): void {
    this.maxCharacters = 500;
    this.version = '4.5.0';
    this.revokedTokens.clear();
    this.statuses.clear();
    this.idempotency.clear();
    this.notifications.clear();
    this.readerStatuses.clear();
    this.visibilityOf.clear();
    this.publicStatuses = [];
    this.favourited.clear();
    this.nextNotificationId = 1000;
    this.deleted.length = 0;
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

  /** A stored status with its counters as they are now. */
  private withCounters(status: any) {
    const created = Date.parse(status.created_at);
    const withQuotes = versionAtLeast(this.version, 4, 5);
    const { quotes_count: _quotes, demo, ...rest } = status;
    if (demo) {
      const counters = this.demoCounters(status.id, created);
      return {
        ...rest,
        replies_count: counters.comments ?? 0,
        reblogs_count: counters.shares ?? 0,
        favourites_count: counters.reactions ?? 0,
        ...(withQuotes && { quotes_count: counters.quotes ?? 0 }),
      };
    }
    return {
      ...rest,
      replies_count: this.grown(created, `${status.id}:replies`, 2),
      reblogs_count: this.grown(created, `${status.id}:reblogs`, 4),
      favourites_count: this.grown(created, `${status.id}:favourites`, 9),
      ...(withQuotes && { quotes_count: this.grown(created, `${status.id}:quotes`, 1) }),
    };
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
          const inReplyTo = fields.in_reply_to_id ? String(fields.in_reply_to_id) : undefined;
          const status = {
            ...this.statusEntity(text, ctx.token!, [].concat(mediaIds as any), fields.language),
            in_reply_to_id: inReplyTo ?? null,
            visibility: fields.visibility ?? 'public',
          };
          this.statuses.set(status.id, status);
          this.visibilityOf.set(status.id, status.visibility);
          if (idempotencyId) this.idempotency.set(idempotencyId, { status, at: Date.now() });
          this.record({ id: status.id, account: ctx.token!, text, idempotencyKey: key, inReplyTo });
          return { status: 200, body: status };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/statuses$/,
        metrics: true,
        handle: (ctx) => {
          // Before 4.3 the route does not exist.
          if (!versionAtLeast(this.version, 4, 3))
            return { status: 404, body: { error: 'Record not found' } };
          if (ctx.token && this.revokedTokens.has(ctx.token))
            return { status: 401, body: { error: 'The access token is invalid' } };
          const ids = [...new Set(ctx.url.searchParams.getAll('id[]'))];
          if (ids.length > STATUSES_PER_BATCH)
            return { status: 422, body: { error: 'Mastodon::ValidationError' } };
          // Statuses that do not exist are left out of the answer.
          const found = ids.map((id) => this.statusOf(id)).filter(Boolean);
          return { status: 200, body: found.map((s) => this.withCounters(s)) };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/statuses\/([^/]+)$/,
        metrics: true,
        handle: (ctx) => {
          const status = this.statusOf(ctx.params[0]);
          return status
            ? { status: 200, body: this.withCounters(status) }
            : { status: 404, body: { error: 'Record not found' } };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/accounts\/verify_credentials$/,
        metrics: true,
        handle: (ctx) =>
          this.unauthorized(ctx) ?? {
            status: 200,
            body: {
              ...this.accountEntity(ctx.token!),
              followers_count: this.followersFor(
                ctx.token!,
                ctx.token === this.demoCredentials().accessToken
              ),
              following_count: 180,
              statuses_count: this.published.filter((p) => p.account === ctx.token).length,
            },
          },
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
        path: /^\/api\/v1\/statuses\/([^/]+)\/favourite$/,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const id = ctx.params[0];
          const status =
            this.statuses.get(id) ??
            [...this.notifications.values()].flat().find((n) => n.status?.id === id)?.status;
          if (!status) return { status: 404, body: { error: 'Record not found' } };
          this.favourited.add(id);
          return { status: 200, body: { ...status, favourited: true } };
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
        // DELETE /api/v1/statuses/:id: only the author may; answers the deleted status.
        method: 'DELETE',
        path: /^\/api\/v1\/statuses\/([^/]+)$/,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const status = this.statuses.get(ctx.params[0]);
          if (!status) return { status: 404, body: { error: 'Record not found' } };
          if (status.account.id !== this.accountEntity(ctx.token!).id)
            return { status: 403, body: { error: 'This action is not allowed' } };
          this.statuses.delete(ctx.params[0]);
          this.deleted.push(ctx.params[0]);
          return { status: 200, body: status };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/timelines\/tag\/([^/?]+)$/,
        metrics: true,
        handle: (ctx) => this.tagTimeline(ctx, ctx.params[0]),
      },
      {
        method: 'GET',
        path: /^\/api\/v2\/search$/,
        metrics: true,
        handle: (ctx) => this.search(ctx),
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/notifications$/,
        metrics: true,
        handle: (ctx) => this.listNotifications(ctx),
      },
    ];
  }
}
