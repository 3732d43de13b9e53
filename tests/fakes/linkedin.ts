/**
 * LinkedIn Posts API: LinkedIn-Version required, 201 with the URN in x-restli-id, 429 with no headers.
 * Metrics: organization share statistics (`shares=List(…)` / `ugcPosts=List(…)`, lifetime totals
 * growing with age, only the organization's own posts), Rest.li batch gets of posts and social
 * actions (`ids=List(…)`: `results` and `errors` keyed by URN), network size and member followers.
 */
import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

const liError = (status: number, code: string, message: string, serviceErrorCode = status): Reply => ({
  status,
  body: { status, serviceErrorCode, code, message },
});

/** No maximum is documented for `shares=List(…)`; the fake refuses more than this (configurable). */
const DEFAULT_STATISTICS_LIMIT = 20;

type Post = { id: string; author: string; commentary: string; createdAt: number; demo?: boolean };

/** The URNs of a Rest.li `List(…)` parameter, read from the raw query (each URN percent-encoded). */
function restliList(rawQuery: string, name: string): string[] | null {
  const match = new RegExp(`(?:^|&)${name}=List\\(([^)]*)\\)`).exec(rawQuery);
  if (!match) return null;
  return match[1]
    .split(',')
    .filter(Boolean)
    .map((urn) => decodeURIComponent(urn));
}

export class LinkedInFake extends FakeNetwork {
  readonly network = 'linkedin';
  readonly invalidTokens = new Set<string>();
  /** Share statistics refused (403), as for a member who is not an ADMINISTRATOR of the page. */
  statisticsRefused = false;
  statisticsLimit = DEFAULT_STATISTICS_LIMIT;
  private posts = new Map<string, Post>();
  private nextId = 7_141_138_937_766_391_808n;

  /** Comments by URN, in the order written. */
  private comments = new Map<
    string,
    {
      urn: string;
      id: string;
      object: string;
      actor: string;
      text: string;
      time: number;
      parent: string | null;
    }
  >();
  private nextCommentId = 7_200_000_000_000_000_000n;
  /** Comments liked, and our comments deleted, through the API. */
  readonly likedComments = new Set<string>();
  readonly deletedComments: string[] = [];

  /** A member's comment on a post (or on a comment, `parentUrn`). Answers its URN. */
  addComment(postUrn: string, comment: { text: string; parentUrn?: string; actor?: string }): string {
    return this.writeComment(
      postUrn,
      comment.parentUrn ?? null,
      comment.actor ?? 'urn:li:person:reader',
      comment.text
    );
  }

  /** A comment as stored: its text, what it answers, who wrote it. */
  comment(urn: string) {
    return this.comments.get(urn);
  }

  private writeComment(object: string, parent: string | null, actor: string, text: string): string {
    const id = String(this.nextCommentId++);
    const urn = `urn:li:comment:(${object},${id})`;
    this.comments.set(urn, { urn, id, object, actor, text, time: this.now(), parent });
    return urn;
  }

  private commentView(c: {
    urn: string;
    id: string;
    object: string;
    actor: string;
    text: string;
    time: number;
    parent: string | null;
  }) {
    return {
      id: c.id,
      $URN: c.urn,
      commentUrn: c.urn,
      actor: c.actor,
      object: c.object,
      message: { text: c.text },
      created: { actor: c.actor, time: c.time },
      lastModified: { actor: c.actor, time: c.time },
      ...(c.parent && { parentComment: c.parent }),
    };
  }

  /**
   * `GET /rest/socialActions/{urn}/comments`: the post's comments (a comment's own replies with a
   * comment URN), newest first, `start` and `count` (10 by default, 100 at most), `paging.total`.
   */
  private listComments(ctx: RequestContext): Reply {
    const denied = this.check(ctx);
    if (denied) return denied;
    const target = decodeURIComponent(ctx.params[0]);
    const start = Math.max(0, Number(ctx.url.searchParams.get('start') ?? 0) || 0);
    const count = Number(ctx.url.searchParams.get('count') ?? 10);
    if (!Number.isInteger(count) || count < 1 || count > 100)
      return liError(400, 'ILLEGAL_ARGUMENT', 'count must be between 1 and 100');
    const onComment = target.startsWith('urn:li:comment:');
    const list = [...this.comments.values()]
      .filter((c) => (onComment ? c.parent === target : c.object === target))
      .reverse();
    return {
      status: 200,
      body: {
        elements: list.slice(start, start + count).map((c) => this.commentView(c)),
        paging: { start, count, total: list.length, links: [] },
      },
    };
  }

  protected resetState(): void {
    this.comments.clear();
    this.likedComments.clear();
    this.deletedComments.length = 0;
    this.invalidTokens.clear();
    this.posts.clear();
    this.statisticsRefused = false;
    this.statisticsLimit = DEFAULT_STATISTICS_LIMIT;
  }

  deletePost(remoteId: string): boolean {
    return this.posts.delete(remoteId) || this.deleteDemoPost(remoteId);
  }

  /** A post of this fake, or one of the demo organization's past (its URN says when it was posted). */
  private postOf(urn: string): Post | undefined {
    const own = this.posts.get(urn);
    if (own) return own;
    const at = this.demoPostAt(urn);
    return at === undefined
      ? undefined
      : { id: urn, author: this.demoCredentials().author, commentary: '', createdAt: at, demo: true };
  }

  private statistics(ctx: RequestContext): Reply {
    const denied = this.check(ctx);
    if (denied) return denied;
    const raw = ctx.url.search.slice(1);
    const organization = ctx.url.searchParams.get('organizationalEntity') ?? '';
    if (
      ctx.url.searchParams.get('q') !== 'organizationalEntity' ||
      !organization.startsWith('urn:li:organization:')
    )
      return liError(400, 'ILLEGAL_ARGUMENT', 'q=organizationalEntity and an organization URN are required');
    if (this.statisticsRefused) {
      return liError(
        403,
        'ACCESS_DENIED',
        'Not enough permissions to access: organizationalEntityShareStatistics.FINDER-organizationalEntity',
        100
      );
    }
    const urns = [...(restliList(raw, 'shares') ?? []), ...(restliList(raw, 'ugcPosts') ?? [])];
    if (urns.length > this.statisticsLimit)
      return liError(
        400,
        'ILLEGAL_ARGUMENT',
        `Too many entities requested: ${urns.length} > ${this.statisticsLimit}`
      );
    const elements = urns
      .map((urn) => this.postOf(urn))
      .filter((post): post is Post => !!post && post.author === organization)
      .map((post) => {
        const id = post.id;
        const demo = post.demo ? this.demoCounters(id, post.createdAt) : undefined;
        const grownOr = (name: keyof NonNullable<typeof demo>, key: string, perHour: number) =>
          demo ? (demo[name] ?? 0) : this.grown(post.createdAt, `${id}:${key}`, perHour);
        const impressions = grownOr('impressions', 'impressions', 60);
        const likes = grownOr('reactions', 'likes', 4);
        const comments = grownOr('comments', 'comments', 1);
        const reshares = grownOr('shares', 'shares', 1);
        const clicks = grownOr('linkClicks', 'clicks', 3);
        return {
          organizationalEntity: organization,
          [id.startsWith('urn:li:ugcPost:') ? 'ugcPost' : 'share']: id,
          totalShareStatistics: {
            impressionCount: impressions,
            uniqueImpressionsCount: demo ? (demo.reach ?? 0) : Math.floor(impressions * 0.8),
            clickCount: clicks,
            likeCount: likes,
            commentCount: comments,
            shareCount: reshares,
            engagement: impressions > 0 ? (clicks + likes + comments + reshares) / impressions : 0,
          },
        };
      });
    return { status: 200, body: { paging: { count: 10, start: 0, links: [] }, elements } };
  }

  /** A Rest.li BATCH_GET: `results` for the URNs found, `errors` (404) for the others. */
  private batchGet(urns: string[], value: (post: Post) => unknown): Reply {
    const results: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    for (const urn of urns) {
      const post = this.postOf(urn);
      if (post) results[urn] = value(post);
      else errors[urn] = { status: 404, message: `Not Found: ${urn}` };
    }
    return { status: 200, body: { results, statuses: {}, errors } };
  }

  private socialActions(post: Post) {
    const demo = post.demo ? this.demoCounters(post.id, post.createdAt) : undefined;
    return {
      likesSummary: {
        totalLikes: demo ? (demo.reactions ?? 0) : this.grown(post.createdAt, `${post.id}:likes`, 4),
        likedByCurrentUser: false,
      },
      commentsSummary: {
        totalFirstLevelComments: demo
          ? (demo.comments ?? 0)
          : this.grown(post.createdAt, `${post.id}:comments`, 1),
        commentsState: 'OPEN',
      },
      target: post.id,
    };
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
          const post = this.postOf(decodeURIComponent(ctx.params[0]));
          return post ? { status: 200, body: post } : liError(404, 'NOT_FOUND', 'Not Found');
        },
      },
      {
        method: 'GET',
        path: /^\/rest\/posts$/,
        metrics: true,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const ids = restliList(ctx.url.search.slice(1), 'ids');
          if (ids) return this.batchGet(ids, (post) => post);
          const author = ctx.url.searchParams.get('author');
          const elements = [...this.posts.values()]
            .filter((p) => p.author === author && this.visibleInLookups(p.createdAt))
            .reverse();
          return { status: 200, body: { elements, paging: { start: 0, count: elements.length } } };
        },
      },
      {
        method: 'GET',
        path: /^\/rest\/organizationalEntityShareStatistics$/,
        metrics: true,
        handle: (ctx) => this.statistics(ctx),
      },
      {
        method: 'GET',
        path: /^\/rest\/socialActions$/,
        metrics: true,
        handle: (ctx) =>
          this.check(ctx) ??
          this.batchGet(restliList(ctx.url.search.slice(1), 'ids') ?? [], (post) => this.socialActions(post)),
      },
      {
        method: 'GET',
        path: /^\/rest\/socialActions\/([^/]+)$/,
        metrics: true,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const post = this.postOf(decodeURIComponent(ctx.params[0]));
          return post
            ? { status: 200, body: this.socialActions(post) }
            : liError(404, 'NOT_FOUND', 'Not Found');
        },
      },
      {
        method: 'GET',
        path: /^\/rest\/networkSizes\/([^/]+)$/,
        metrics: true,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          if (ctx.url.searchParams.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER')
            return liError(400, 'ILLEGAL_ARGUMENT', 'edgeType must be COMPANY_FOLLOWED_BY_MEMBER');
          return {
            status: 200,
            body: {
              firstDegreeSize: this.followersFor(
                decodeURIComponent(ctx.params[0]),
                decodeURIComponent(ctx.params[0]) === this.demoCredentials().author
              ),
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/rest\/memberFollowersCount$/,
        metrics: true,
        handle: (ctx) =>
          this.check(ctx) ?? {
            status: 200,
            body: {
              paging: { count: 10, start: 0 },
              elements: [{ memberFollowersCount: this.followersOf(ctx.token!) }],
            },
          },
      },
      {
        method: 'GET',
        path: /^\/rest\/socialActions\/([^/]+)\/comments$/,
        metrics: true,
        handle: (ctx) => this.listComments(ctx),
      },
      {
        method: 'GET',
        path: /^\/rest\/socialActions\/([^/]+)\/comments\/([^/]+)$/,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const urn = `urn:li:comment:(${decodeURIComponent(ctx.params[0])},${decodeURIComponent(ctx.params[1])})`;
          const comment = this.comments.get(urn);
          return comment
            ? { status: 200, body: this.commentView(comment) }
            : liError(404, 'NOT_FOUND', `Comment ${urn} not found`);
        },
      },
      {
        method: 'POST',
        path: /^\/rest\/socialActions\/([^/]+)\/comments$/,
        publish: true,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const object = decodeURIComponent(ctx.params[0]);
          const { actor, message, parentComment } = ctx.json();
          if (!actor || !message?.text)
            return liError(422, 'UNPROCESSABLE_ENTITY', '/actor and /message are required');
          if (!this.postOf(object)) return liError(404, 'NOT_FOUND', `${object} not found`);
          const parent = parentComment ? this.comments.get(parentComment) : undefined;
          if (parentComment && !parent) return liError(404, 'NOT_FOUND', `${parentComment} not found`);
          // One level of nesting: a comment on a reply is refused.
          if (parent?.parent) return liError(400, 'ILLEGAL_ARGUMENT', 'Nested comments are one level deep');
          const urn = this.writeComment(object, parentComment ?? null, actor, message.text);
          this.record({
            id: urn,
            account: actor,
            text: message.text,
            ...(parentComment && { inReplyTo: parentComment }),
          });
          const created = this.comments.get(urn)!;
          return { status: 201, headers: { 'x-restli-id': urn }, body: this.commentView(created) };
        },
      },
      {
        method: 'DELETE',
        path: /^\/rest\/socialActions\/([^/]+)\/comments\/([^/]+)$/,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const urn = `urn:li:comment:(${decodeURIComponent(ctx.params[0])},${decodeURIComponent(ctx.params[1])})`;
          const comment = this.comments.get(urn);
          if (!comment) return liError(404, 'NOT_FOUND', `Comment ${urn} not found`);
          if (comment.actor !== ctx.url.searchParams.get('actor'))
            return liError(403, 'ACCESS_DENIED', 'Only the author may delete a comment');
          this.comments.delete(urn);
          this.deletedComments.push(urn);
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        path: /^\/rest\/reactions$/,
        handle: (ctx) => {
          const denied = this.check(ctx);
          if (denied) return denied;
          const { root } = ctx.json();
          if (!this.comments.has(root)) return liError(404, 'NOT_FOUND', `${root} not found`);
          this.likedComments.add(root);
          return { status: 201, body: { root, reactionType: 'LIKE' } };
        },
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
