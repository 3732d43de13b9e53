/**
 * Facebook Graph (Pages): page token, `{error:{code,…}}` keyed on code, BUC header with waits in
 * minutes. Metrics through the batch API (`POST /` with at most 50 requests, each answered on its own):
 * post fields (reactions, comments, shares) and insights (views, reach, clicks by type) growing with
 * age; `insightsRefused` answers insights as a page without read_insights would. Messenger:
 * `GET /{page-id}/conversations?platform=messenger` (most recently updated first, each with its newest
 * messages, `after` paging), `GET /{conversation-id}/messages`, and the Send API
 * (`POST /{page-id}/messages`, a publish endpoint) that refuses a RESPONSE more than 24 hours after
 * the person's last message (code 10, subcode 2018278); `messagingRefused` answers as a token
 * without `pages_messaging` would.
 */
import { FakeNetwork, innerContext, type Reply, type RequestContext, type Route } from './base';
import { MetaMessaging } from './meta-messaging';

/** "We currently limit the number of requests which can be in a batch to 50." */
const REQUESTS_PER_BATCH = 50;

const graphError = (
  status: number,
  code: number,
  message: string,
  extra: Record<string, unknown> = {}
): Reply => ({
  status,
  body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'FakeTrace', ...extra } },
});

export class FacebookFake extends FakeNetwork {
  readonly network = 'facebook';
  readonly invalidTokens = new Set<string>();
  /** Insights refused, as for a page under 100 likes or a token without read_insights. */
  insightsRefused = false;
  private posts = new Map<string, { id: string; message: string; created_time: string; page: string }>();
  private nextId = 130_068_550_371_568;
  private routeTable: Route[] = [];
  /** Comments by id, in the order written: on a post (`parent` null) or replying to a comment. */
  private comments = new Map<
    string,
    {
      id: string;
      post: string;
      parent: string | null;
      message: string;
      from: { id: string; name: string };
      created_time: string;
      page: boolean;
    }
  >();
  /** The pages' Messenger conversations (meta-messaging.ts). */
  private readonly messenger = new MetaMessaging({
    platform: 'messenger',
    nameField: 'name',
    ownerName: 'Page',
    maxCharacters: 2000,
    windowSubcode: 2018278,
    refusal: () => graphError(403, 230, '(#230) Requires pages_messaging permission to manage the object'),
    graphError,
    path: (re) => this.path(re),
    versionPath: '/v23.0',
    baseUrl: () => this.baseUrl,
    now: () => this.now(),
    nextId: () => this.nextId++,
    unauthorized: (ctx) => this.unauthorized(ctx),
    missing: (id) => this.missing(id),
    sent: (entry) => this.record(entry),
  });

  /** Refuses the conversations and the Send API, as for a token without `pages_messaging`. */
  get messagingRefused() {
    return this.messenger.refused;
  }
  set messagingRefused(refused: boolean) {
    this.messenger.refused = refused;
  }

  /**
   * A person's message to the page (`fromPage`: the page's own, written in the Page inbox), in their
   * conversation, `ageMs` ago on the fake's clock. Answers the conversation, the person's id and the message id.
   */
  addMessengerMessage(
    pageId: string,
    message: { text: string; name?: string; fromPage?: boolean; ageMs?: number }
  ): { conversationId: string; psid: string; messageId: string } {
    return this.messenger.add(pageId, {
      text: message.text,
      name: message.name ?? 'Lectrice Messenger',
      fromOwner: message.fromPage,
      ageMs: message.ageMs,
    });
  }

  /** A conversation's messages as stored, oldest first (`fromPage`: written by the page). */
  messengerMessages(conversationId: string) {
    return this.messenger.messages(conversationId).map((m) => ({ ...m, fromPage: m.fromOwner }));
  }

  /** Comments hidden or liked by the page, and the page's own comments it deleted. */
  readonly hiddenComments = new Set<string>();
  readonly likedComments = new Set<string>();
  readonly deletedComments: string[] = [];

  /**
   * A reader's comment on a post (or a reply to a comment when `parentId` is given). Answers its id,
   * shaped as Graph's: `{post number}_{comment number}`.
   */
  addComment(postId: string, comment: { text: string; parentId?: string; name?: string }): string {
    return this.writeComment(
      postId,
      comment.parentId ?? null,
      comment.text,
      {
        id: String(1000 + this.comments.size),
        name: comment.name ?? 'Lecteur Facebook',
      },
      false
    );
  }

  /** A comment as stored: its text, its post, the comment it replies to, whether the page wrote it. */
  comment(id: string) {
    return this.comments.get(id);
  }

  private writeComment(
    postId: string,
    parent: string | null,
    message: string,
    from: { id: string; name: string },
    byPage: boolean
  ): string {
    const id = `${postId.split('_').pop()}_${this.nextId++}`;
    // Graph writes whole seconds with a colon-less offset.
    const created = new Date(Math.floor(this.now() / 1000) * 1000).toISOString().replace('.000Z', '+0000');
    this.comments.set(id, { id, post: postId, parent, message, from, created_time: created, page: byPage });
    return id;
  }

  /**
   * `GET /{post-id}/comments`: `filter=stream` (every comment, replies too, with `parent`) or the
   * top level only; `order=chronological` (the default) or `reverse_chronological`; `since` (epoch
   * seconds, inclusive); `limit` up to 100 (25 by default); `after` (the previous page's
   * `paging.cursors.after`); `paging.next` only while more follow.
   */
  private listComments(ctx: RequestContext): Reply {
    const denied = this.unauthorized(ctx);
    if (denied) return denied;
    const id = ctx.params[0];
    const params = ctx.url.searchParams;
    const comment = this.comments.get(id);
    if (!comment && !this.postOf(id)) return this.missing(id);
    const limit = Math.min(100, Math.max(1, Number(params.get('limit') ?? 25) || 25));
    const since = Number(params.get('since') ?? 0) * 1000;
    const stream = params.get('filter') === 'stream';
    let list = [...this.comments.values()].filter((c) =>
      comment ? c.parent === id : c.post === id && (stream || c.parent === null)
    );
    list = list.filter((c) => Date.parse(c.created_time.replace('+0000', 'Z')) >= since);
    if (params.get('order') === 'reverse_chronological') list.reverse();
    const after = params.get('after');
    const start = after ? Number(Buffer.from(after, 'base64').toString('utf8')) + 1 : 0;
    const page = list.slice(start, start + limit);
    const cursor = (index: number) => Buffer.from(String(index)).toString('base64');
    const more = start + limit < list.length;
    const fields = params.get('fields') ?? '';
    return {
      status: 200,
      body: {
        data: page.map((c) => ({
          id: c.id,
          message: c.message,
          created_time: c.created_time,
          from: {
            ...c.from,
            ...(fields.includes('link') && { link: `https://www.facebook.com/${c.from.id}` }),
          },
          permalink_url: `https://www.facebook.com/${c.post}?comment_id=${c.id}`,
          ...(stream && c.parent && { parent: { id: c.parent } }),
        })),
        paging: {
          ...(page.length > 0 && {
            cursors: { before: cursor(start), after: cursor(start + page.length - 1) },
          }),
          ...(more && {
            next: `${this.baseUrl}/v23.0/${id}/comments?limit=${limit}&after=${cursor(start + page.length - 1)}`,
          }),
        },
      },
    };
  }

  protected resetState(): void {
    this.comments.clear();
    this.hiddenComments.clear();
    this.likedComments.clear();
    this.deletedComments.length = 0;
    this.invalidTokens.clear();
    this.posts.clear();
    this.insightsRefused = false;
    this.messenger.reset();
  }

  deletePost(remoteId: string): boolean {
    return this.posts.delete(remoteId) || this.deleteDemoPost(remoteId);
  }

  /** A post of this fake, or one of the demo's past (its id says when it was posted). */
  private postOf(id: string) {
    const own = this.posts.get(id);
    if (own) return { ...own, demo: false };
    const at = this.demoPostAt(id);
    return at === undefined
      ? undefined
      : { id, message: '', created_time: new Date(at).toISOString(), page: id.split('_')[0], demo: true };
  }

  private missing(id: string): Reply {
    return graphError(
      400,
      100,
      `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      { error_subcode: 33 }
    );
  }

  /** `POST /` with `batch`: each GET request answered as `{code, body}` (a JSON string), in order. */
  private batch(ctx: RequestContext): Reply {
    const denied = this.unauthorized(ctx);
    if (denied) return denied;
    let requests: { method?: string; relative_url?: string }[];
    try {
      requests = JSON.parse(String(ctx.fields().batch ?? ''));
    } catch {
      return graphError(400, 100, '(#100) The parameter batch must be a JSON array');
    }
    if (!Array.isArray(requests) || requests.length === 0)
      return graphError(400, 100, '(#100) The parameter batch must be a JSON array');
    if (requests.length > REQUESTS_PER_BATCH)
      return graphError(
        400,
        1,
        `(#1) Too many requests in batch message. Maximum batch size is ${REQUESTS_PER_BATCH}`
      );
    const answers = requests.map((request) => {
      const inner = innerContext(
        ctx,
        (request.method ?? 'GET').toUpperCase(),
        String(request.relative_url ?? '')
      );
      const route = inner.method === 'GET' ? this.match(this.routeTable, inner) : undefined;
      const reply = route
        ? (route.handle(inner) as Reply)
        : graphError(400, 100, 'Unsupported request in batch');
      return { code: reply.status, body: JSON.stringify(reply.body ?? {}) };
    });
    return { status: 200, body: answers };
  }

  private insights(ctx: RequestContext): Reply {
    const denied = this.unauthorized(ctx);
    if (denied) return denied;
    const post = this.postOf(ctx.params[0]);
    if (!post) return this.missing(ctx.params[0]);
    if (this.insightsRefused)
      return graphError(403, 10, '(#10) Application does not have permission for this action');
    const created = Date.parse(post.created_time);
    const demo = post.demo ? this.demoCounters(post.id, created) : undefined;
    const views = demo ? (demo.views ?? 0) : this.grown(created, `${post.id}:views`, 90);
    const linkClicks = demo ? (demo.linkClicks ?? 0) : this.grown(created, `${post.id}:link_clicks`, 3);
    const clicks = {
      'link clicks': linkClicks,
      'other clicks': demo ? Math.floor(linkClicks * 0.6) : this.grown(created, `${post.id}:other_clicks`, 2),
    };
    const metric = (name: string, value: unknown) => ({
      name,
      period: 'lifetime',
      values: [{ value }],
      id: `${post.id}/insights/${name}/lifetime`,
    });
    const wanted = (ctx.url.searchParams.get('metric') ?? '').split(',').filter(Boolean);
    const all: Record<string, unknown> = {
      post_media_view: views,
      post_total_media_view_unique: demo ? (demo.reach ?? 0) : Math.floor(views * 0.7),
      post_clicks_by_type: Object.fromEntries(Object.entries(clicks).filter(([, n]) => n > 0)),
      post_clicks: clicks['link clicks'] + clicks['other clicks'],
    };
    const unknown = wanted.find((name) => !(name in all));
    if (unknown) return graphError(400, 100, `(#100) The value must be a valid insights metric: ${unknown}`);
    return { status: 200, body: { data: wanted.map((name) => metric(name, all[name])), paging: {} } };
  }

  private token(ctx: RequestContext) {
    return ctx.token ?? ctx.url.searchParams.get('access_token') ?? ctx.fields().access_token;
  }

  protected accountOf(ctx: RequestContext) {
    return this.token(ctx);
  }

  /** Graph answers rate limits as 400 + code 32 (page limit), with the wait in minutes in a JSON header. */
  protected rateLimited(waitMs: number): Reply {
    const minutes = Math.ceil(waitMs / 60_000);
    return {
      ...graphError(400, 32, '(#32) Page request limit reached', { is_transient: true }),
      headers: {
        'X-Business-Use-Case-Usage': JSON.stringify({
          fakepage: [
            {
              type: 'pages',
              call_count: 100,
              total_cputime: 12,
              total_time: 20,
              estimated_time_to_regain_access: minutes,
            },
          ],
        }),
      },
    };
  }

  protected serverError(): Reply {
    return graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', {
      is_transient: true,
    });
  }

  private unauthorized(ctx: RequestContext): Reply | undefined {
    const token = this.token(ctx);
    if (!token || this.invalidTokens.has(token)) {
      return graphError(400, 190, 'Error validating access token: Session has expired.', {
        error_subcode: 463,
      });
    }
    return undefined;
  }

  /** Strips the `/vNN.0` prefix, as any Graph version is accepted. */
  private path(re: string): RegExp {
    return new RegExp(`^(?:/v\\d+\\.\\d+)?${re}$`);
  }

  protected routes(): Route[] {
    this.routeTable = this.table();
    return this.routeTable;
  }

  private table(): Route[] {
    return [
      ...this.messenger.routes(),
      { method: 'POST', path: this.path('/'), metrics: true, handle: (ctx) => this.batch(ctx) },
      {
        method: 'GET',
        path: this.path('/([^/]+)/insights'),
        metrics: true,
        handle: (ctx) => this.insights(ctx),
      },
      {
        method: 'POST',
        path: this.path('/([^/]+)/feed'),
        publish: true,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const fields = ctx.fields();
          const message: string = fields.message ?? '';
          if (!message && !fields.link && !fields.attached_media)
            return graphError(400, 100, '(#100) Missing message or attachment');
          if (Array.from(message).length > 63_206)
            return graphError(400, 100, '(#100) The message is too long');
          const id = `${ctx.params[0]}_${this.nextId++}`;
          this.posts.set(id, { id, message, created_time: new Date().toISOString(), page: ctx.params[0] });
          this.record({ id, account: ctx.params[0], text: message });
          const wantsPermalink = (ctx.url.searchParams.get('fields') ?? '').includes('permalink_url');
          return {
            status: 200,
            body: { id, ...(wantsPermalink && { permalink_url: `https://www.facebook.com/${id}` }) },
          };
        },
      },
      {
        method: 'POST',
        path: this.path('/([^/]+)/photos'),
        handle: (ctx) => this.unauthorized(ctx) ?? { status: 200, body: { id: String(this.nextId++) } },
      },
      {
        method: 'GET',
        path: this.path('/([^/]+)/feed'),
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const since = Number(ctx.url.searchParams.get('since') ?? 0) * 1000;
          const data = [...this.posts.values()]
            .filter(
              (p) =>
                p.page === ctx.params[0] &&
                Date.parse(p.created_time) >= since &&
                this.visibleInLookups(Date.parse(p.created_time))
            )
            .reverse()
            .map((p) => ({
              id: p.id,
              message: p.message,
              created_time: p.created_time,
              permalink_url: `https://www.facebook.com/${p.id}`,
            }));
          return { status: 200, body: { data, paging: {} } };
        },
      },
      {
        method: 'GET',
        path: this.path('/([^/]+)/comments'),
        metrics: true,
        handle: (ctx) => this.listComments(ctx),
      },
      {
        method: 'POST',
        path: this.path('/([^/]+)/comments'),
        publish: true,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const target = this.comments.get(ctx.params[0]);
          const post = target ? undefined : this.postOf(ctx.params[0]);
          if (!target && !post) return this.missing(ctx.params[0]);
          // Comments are two deep: a reply's own replies are refused, as Graph does.
          if (target?.parent) return graphError(400, 100, '(#100) Can not reply to a reply comment');
          const message = String(ctx.fields().message ?? '');
          if (!message) return graphError(400, 100, '(#100) Missing message');
          const postId = target ? target.post : ctx.params[0];
          const id = this.writeComment(
            postId,
            target ? target.id : null,
            message,
            { id: postId.split('_')[0], name: 'Page' },
            true
          );
          this.record({ id, account: postId.split('_')[0], text: message, inReplyTo: ctx.params[0] });
          return { status: 200, body: { id } };
        },
      },
      {
        method: 'POST',
        path: this.path('/([^/]+)/likes'),
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          if (!this.comments.has(ctx.params[0])) return this.missing(ctx.params[0]);
          this.likedComments.add(ctx.params[0]);
          return { status: 200, body: { success: true } };
        },
      },
      {
        method: 'DELETE',
        path: this.path('/([^/]+)'),
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const comment = this.comments.get(ctx.params[0]);
          if (!comment) return this.missing(ctx.params[0]);
          if (!comment.page) return graphError(403, 200, '(#200) Permissions error');
          this.comments.delete(comment.id);
          this.deletedComments.push(comment.id);
          return { status: 200, body: { success: true } };
        },
      },
      {
        method: 'POST',
        path: this.path('/([^/_]+_[^/]+)'),
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const comment = this.comments.get(ctx.params[0]);
          if (!comment) return this.missing(ctx.params[0]);
          const hidden = ctx.fields().is_hidden;
          if (hidden === true || hidden === 'true') this.hiddenComments.add(comment.id);
          else if (hidden === false || hidden === 'false') this.hiddenComments.delete(comment.id);
          return { status: 200, body: { success: true } };
        },
      },
      {
        method: 'GET',
        path: this.path('/([^/]+)'),
        metrics: true,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const id = ctx.params[0];
          const comment = this.comments.get(id);
          if (comment)
            return {
              status: 200,
              body: {
                id,
                message: comment.message,
                ...(comment.parent && { parent: { id: comment.parent } }),
              },
            };
          const fields = (ctx.url.searchParams.get('fields') ?? '').split(',');
          // A page id has no underscore; a post id is {page-id}_{post-id}.
          if (!id.includes('_')) {
            const followers = this.followersFor(id, id === this.demoCredentials().pageId);
            return {
              status: 200,
              body: { id, ...(fields.includes('followers_count') && { followers_count: followers }) },
            };
          }
          const post = this.postOf(id);
          if (!post) return this.missing(id);
          const created = Date.parse(post.created_time);
          const demo = post.demo ? this.demoCounters(id, created) : undefined;
          const shares = demo ? (demo.shares ?? 0) : this.grown(created, `${id}:shares`, 1);
          return {
            status: 200,
            body: {
              id: post.id,
              message: post.message,
              permalink_url: `https://www.facebook.com/${post.id}`,
              reactions: {
                data: [],
                summary: {
                  total_count: demo ? (demo.reactions ?? 0) : this.grown(created, `${id}:reactions`, 7),
                  viewer_reaction: 'NONE',
                },
              },
              comments: {
                data: [],
                summary: {
                  order: 'ranked',
                  total_count: demo ? (demo.comments ?? 0) : this.grown(created, `${id}:comments`, 2),
                  can_comment: true,
                },
              },
              // Graph leaves `shares` out while nobody shared.
              ...(shares > 0 && { shares: { count: shares } }),
            },
          };
        },
      },
    ];
  }
}
