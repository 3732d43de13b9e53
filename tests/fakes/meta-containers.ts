/**
 * What the Instagram and Threads fakes share, as Meta's Graph APIs for media containers answer:
 * `POST /{user}/<media edge>` creates a container from public URLs (IN_PROGRESS for
 * `processingPolls` reads of its status, then FINISHED; EXPIRED after 24 hours), `POST
 * /{user}/<publish edge>?creation_id=` publishes a FINISHED container once (a second publish of it
 * is refused, as the network refuses it) and marks it PUBLISHED, the rolling 24-hour publishing limit
 * (`quota_usage`, `quota_total`) refuses a post beyond it, errors in the Graph envelope (code 190
 * for an expired token, 4 with X-Business-Use-Case-Usage for throttling, 2 transient for a 5xx),
 * long-lived tokens refreshed at `/refresh_access_token`, the account's posts listed, insights that
 * grow with a post's age. Readers' comments (replies) under our posts, with our answers among them:
 * what was answered is recorded in `published` (with `inReplyTo`), hidden ones carry `hidden`, and
 * what was deleted is listed in `deleted`.
 */
import { randomBytes } from 'node:crypto';

import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

export type Container = {
  id: string;
  account: string;
  mediaType: string;
  text: string;
  urls: string[];
  children: string[];
  isCarouselItem: boolean;
  polls: number;
  createdAt: number;
  status: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';
  mediaId?: string;
  /** A Threads answer's container: what it replies to. */
  replyTo?: string;
};

/** A comment or reply under one of our posts; `account`: ours (the token that wrote it), else a reader's. */
export type MetaReply = {
  id: string;
  text: string;
  username: string;
  at: number;
  parentId?: string;
  account?: string;
  hidden?: boolean;
};

export type MetaPost = { id: string; account: string; text: string; mediaType: string; createdAt: number };

export const graphFailure = (status: number, code: number, message: string, extra: object = {}): Reply => ({
  status,
  body: {
    error: { message, type: 'OAuthException', code, fbtrace_id: randomBytes(8).toString('hex'), ...extra },
  },
});

export abstract class MetaContainerFake extends FakeNetwork {
  /** `/v23.0`-style version prefix of every Graph path. */
  protected abstract readonly versionPattern: string;
  protected abstract readonly mediaEdge: string;
  protected abstract readonly publishEdge: string;
  protected abstract readonly limitEdge: string;
  /** The container field that carries its state (`status_code` on Instagram, `status` on Threads). */
  protected abstract readonly statusField: string;
  protected abstract readonly textField: string;
  protected abstract readonly textMax: number;
  protected abstract readonly carouselMax: number;
  protected abstract readonly refreshGrant: string;
  /** The publishing-limit refusal: Instagram's code 9 / 2207042. */
  protected abstract capReached(): Reply;
  /** The network's own checks on a container's fields; a reply refuses it. */
  protected abstract checkContainer(fields: Record<string, string>): Reply | undefined;
  protected abstract permalink(post: MetaPost): string;
  protected abstract insights(post: MetaPost): { name: string; value: number }[];

  readonly expiredTokens = new Set<string>();
  readonly revokedTokens = new Set<string>();
  readonly containers = new Map<string, Container>();
  readonly posts = new Map<string, MetaPost>();
  /** Readers' comments (Instagram) or replies (Threads) by post, oldest first: the comments edge's pages. */
  readonly replies = new Map<string, MetaReply[]>();
  /** Ids of the comments, replies and posts deleted through the API, in order. */
  readonly deleted: string[] = [];
  private nextReplyId = 18_000_000_000_000_000n;
  /** Status reads a new container answers IN_PROGRESS before FINISHED. */
  processingPolls = 1;
  quotaTotal = 50;
  refreshCount = 0;
  private nextId = 17_900_000_000_000_000n;

  protected resetState(): void {
    this.expiredTokens.clear();
    this.revokedTokens.clear();
    this.containers.clear();
    this.posts.clear();
    this.replies.clear();
    this.deleted.length = 0;
    this.processingPolls = 1;
    this.quotaTotal = 50;
    this.refreshCount = 0;
  }

  /** A reader's comment on our post (under another comment with `parentId`): its id. */
  addReply(postId: string, reply: { text: string; username?: string; parentId?: string }): string {
    const id = String(this.nextReplyId++);
    const list = this.replies.get(postId) ?? [];
    list.push({
      id,
      text: reply.text,
      username: reply.username ?? 'lecteur',
      at: this.now(),
      parentId: reply.parentId,
    });
    this.replies.set(postId, list);
    return id;
  }

  /** A comment or reply by id, with the post it is under. */
  findReply(id: string): { postId: string; reply: MetaReply } | undefined {
    for (const [postId, list] of this.replies) {
      const reply = list.find((r) => r.id === id);
      if (reply) return { postId, reply };
    }
    return undefined;
  }

  /** Our answer under a post, as the network stores it: recorded as published, with what it answers. */
  protected addAnswer(postId: string, answer: { account: string; text: string; parentId: string }): string {
    const id = String(this.nextReplyId++);
    const list = this.replies.get(postId) ?? [];
    list.push({
      id,
      text: answer.text,
      username: this.usernameOf(answer.account),
      at: this.now(),
      ...answer,
    });
    this.replies.set(postId, list);
    this.record({ id, account: answer.account, text: answer.text, inReplyTo: answer.parentId });
    return id;
  }

  /** The account's username, as its answers carry it and `/{user-id}?fields=username` gives it. */
  usernameOf(account: string): string {
    return `pv_${Buffer.from(account).toString('hex').slice(-10)}`;
  }

  /** A comment as Graph answers it by id (`parent_id` for a reply under a comment). */
  protected replyJson(reply: MetaReply) {
    return {
      id: reply.id,
      text: reply.text,
      username: reply.username,
      timestamp: new Date(reply.at).toISOString().replace('Z', '+0000'),
      ...(reply.parentId && { parent_id: reply.parentId }),
    };
  }

  protected removeReply(postId: string, id: string): void {
    this.replies.set(
      postId,
      (this.replies.get(postId) ?? []).filter((r) => r.id !== id)
    );
    this.deleted.push(id);
  }

  /** The comment `id` on a post of the request's account, or the Graph answer for an object it cannot see. */
  protected ownedReply(ctx: RequestContext, id: string): { postId: string; reply: MetaReply } | Reply {
    const found = this.findReply(id);
    if (!found || this.posts.get(found.postId)?.account !== this.tokenOf(ctx))
      return graphFailure(
        400,
        100,
        `Unsupported request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
        { error_subcode: 33 }
      );
    return found;
  }

  deletePost(remoteId: string): boolean {
    return this.posts.delete(remoteId);
  }

  /** Posts of `account` inside the rolling 24-hour window, on the fake's clock. */
  usage(account: string): number {
    return [...this.posts.values()].filter(
      (p) => p.account === account && p.createdAt > this.now() - 86_400_000
    ).length;
  }

  protected accountOf(ctx: RequestContext) {
    return ctx.token;
  }

  protected rateLimited(waitMs: number): Reply {
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    return {
      ...graphFailure(400, 4, 'Application request limit reached', { is_transient: true }),
      headers: {
        'X-Business-Use-Case-Usage': JSON.stringify({
          '17841400008460056': [
            {
              type: 'instagram',
              call_count: 100,
              total_cputime: 30,
              total_time: 40,
              estimated_time_to_regain_access: minutes,
            },
          ],
        }),
      },
    };
  }

  protected serverError(): Reply {
    return graphFailure(500, 2, 'An unexpected error has occurred. Please retry your request later.', {
      is_transient: true,
    });
  }

  private id(): string {
    return String(this.nextId++);
  }

  protected tokenOf(ctx: RequestContext): string | undefined {
    return ctx.token ?? ctx.url.searchParams.get('access_token') ?? undefined;
  }

  protected unauthorized(ctx: RequestContext): Reply | undefined {
    const token = this.tokenOf(ctx);
    if (!token)
      return graphFailure(
        400,
        190,
        'An active access token must be used to query information about the current user.'
      );
    if (this.revokedTokens.has(token))
      return graphFailure(400, 190, 'Error validating access token: The user has changed the password.', {
        error_subcode: 460,
      });
    if (this.expiredTokens.has(token))
      return graphFailure(400, 190, 'Error validating access token: Session has expired.', {
        error_subcode: 463,
      });
    return undefined;
  }

  private containerJson(container: Container) {
    return {
      id: container.id,
      [this.statusField]: container.status,
      status: container.status === 'ERROR' ? 'UNKNOWN' : container.status,
    };
  }

  private postJson(post: MetaPost) {
    return {
      id: post.id,
      [this.textField]: post.text,
      permalink: this.permalink(post),
      timestamp: new Date(post.createdAt).toISOString().replace('Z', '+0000'),
      media_type: post.mediaType,
    };
  }

  private statusOf(container: Container): Container['status'] {
    if (container.status === 'IN_PROGRESS' || container.status === 'FINISHED') {
      if (this.now() - container.createdAt > 86_400_000) container.status = 'EXPIRED';
    }
    return container.status;
  }

  protected routes(): Route[] {
    const v = this.versionPattern;
    const authed = (handle: (ctx: RequestContext) => Reply) => (ctx: RequestContext) =>
      this.unauthorized(ctx) ?? handle(ctx);
    return [
      {
        method: 'GET',
        path: /^\/refresh_access_token$/,
        handle: (ctx) => {
          const token = ctx.url.searchParams.get('access_token') ?? '';
          if (ctx.url.searchParams.get('grant_type') !== this.refreshGrant)
            return graphFailure(400, 100, 'Invalid grant_type');
          if (!token || this.revokedTokens.has(token))
            return graphFailure(
              400,
              190,
              'Error validating access token: The user has changed the password.',
              { error_subcode: 460 }
            );
          this.refreshCount++;
          return {
            status: 200,
            body: {
              access_token: `IG${randomBytes(16).toString('hex')}`,
              token_type: 'bearer',
              expires_in: 5_183_944,
            },
          };
        },
      },
      {
        method: 'GET',
        path: new RegExp(`^${v}/(\\d+)/${this.limitEdge}$`),
        handle: authed((ctx) => ({
          status: 200,
          body: {
            data: [
              {
                quota_usage: this.usage(this.tokenOf(ctx)!),
                config: { quota_total: this.quotaTotal, quota_duration: 86_400 },
              },
            ],
          },
        })),
      },
      {
        method: 'POST',
        path: new RegExp(`^${v}/(\\d+)/${this.mediaEdge}$`),
        handle: authed((ctx) => {
          const fields = { ...Object.fromEntries(ctx.url.searchParams), ...ctx.fields() } as Record<
            string,
            string
          >;
          const refused = this.checkContainer(fields);
          if (refused) return refused;
          const urls = [fields.image_url, fields.video_url].filter(Boolean);
          if (urls.some((url) => !/^https?:\/\//.test(url)))
            return graphFailure(400, 9004, 'The media could not be fetched from this URI', {
              error_subcode: 2207052,
            });
          const children = String(fields.children ?? '')
            .split(',')
            .filter(Boolean);
          if (fields.media_type === 'CAROUSEL') {
            if (children.length < 2 || children.length > this.carouselMax)
              return graphFailure(400, 100, `A carousel takes 2 to ${this.carouselMax} children`);
            if (children.some((id) => this.containers.get(id)?.status !== 'FINISHED'))
              return graphFailure(400, 100, 'Every carousel item must be FINISHED', {
                error_subcode: 2207032,
              });
          }
          const container: Container = {
            id: this.id(),
            account: this.tokenOf(ctx)!,
            mediaType: fields.media_type ?? (fields.image_url ? 'IMAGE' : 'TEXT'),
            text: String(fields[this.textField] ?? ''),
            urls,
            children,
            isCarouselItem: fields.is_carousel_item === 'true',
            ...(fields.reply_to_id && { replyTo: String(fields.reply_to_id) }),
            polls: 0,
            createdAt: this.now(),
            status: 'IN_PROGRESS',
          };
          this.containers.set(container.id, container);
          return { status: 200, body: { id: container.id } };
        }),
      },
      {
        method: 'POST',
        path: new RegExp(`^${v}/(\\d+)/${this.publishEdge}$`),
        publish: true,
        handle: authed((ctx) => {
          const account = this.tokenOf(ctx)!;
          const creationId = ctx.url.searchParams.get('creation_id') ?? ctx.fields().creation_id;
          const container = creationId ? this.containers.get(String(creationId)) : undefined;
          if (!container || container.account !== account)
            return graphFailure(400, 100, 'Unsupported post request. Object does not exist', {
              error_subcode: 33,
            });
          const status = this.statusOf(container);
          if (status === 'EXPIRED')
            return graphFailure(400, 9007, 'The media container has expired', { error_subcode: 2207020 });
          if (status === 'PUBLISHED')
            return graphFailure(400, 9007, 'The media has already been published', {
              error_subcode: 2207006,
            });
          if (status !== 'FINISHED')
            return graphFailure(400, 9007, 'Media ID is not available', { error_subcode: 2207027 });
          if (container.replyTo) {
            // An answer: under the post it belongs to, apart from the posts' 24-hour limit.
            const postId = this.posts.has(container.replyTo)
              ? container.replyTo
              : this.findReply(container.replyTo)?.postId;
            if (!postId) return graphFailure(400, 100, 'Object does not exist', { error_subcode: 33 });
            container.status = 'PUBLISHED';
            container.mediaId = this.addAnswer(postId, {
              account,
              text: container.text,
              parentId: container.replyTo,
            });
            return { status: 200, body: { id: container.mediaId } };
          }
          if (this.usage(account) >= this.quotaTotal) return this.capReached();
          const post: MetaPost = {
            id: this.id(),
            account,
            text: container.text,
            mediaType: container.mediaType,
            createdAt: this.now(),
          };
          this.posts.set(post.id, post);
          container.status = 'PUBLISHED';
          container.mediaId = post.id;
          this.record({ id: post.id, account, text: post.text });
          return { status: 200, body: { id: post.id } };
        }),
      },
      {
        method: 'GET',
        path: new RegExp(`^${v}/(\\d+)/${this.mediaEdge}$`),
        handle: authed((ctx) => {
          const account = this.tokenOf(ctx)!;
          const limit = Number(ctx.url.searchParams.get('limit')) || 25;
          const posts = [...this.posts.values()]
            .filter((p) => p.account === account && this.visibleInLookups(p.createdAt))
            .reverse()
            .slice(0, limit);
          return { status: 200, body: { data: posts.map((p) => this.postJson(p)), paging: {} } };
        }),
      },
      {
        // Instagram `/{media}/comments` (replies to comments carry `parent_id`); Threads
        // `/{media}/conversation` (every reply, `replied_to`): 50 a page at most, the `after` cursor.
        method: 'GET',
        path: new RegExp(`^${v}/(\\d+)/(comments|conversation)$`),
        handle: authed((ctx) => {
          const post = this.posts.get(ctx.params[0]);
          if (!post) return graphFailure(400, 100, 'Object does not exist', { error_subcode: 33 });
          const limit = Math.min(50, Number(ctx.url.searchParams.get('limit') ?? 25));
          const all = this.replies.get(post.id) ?? [];
          const after = ctx.url.searchParams.get('after');
          const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
          const page = all.slice(start, start + limit);
          const instagram = this.network === 'instagram';
          const next =
            start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : null;
          return {
            status: 200,
            body: {
              data: page.map((r) => ({
                id: r.id,
                text: r.text,
                username: r.username,
                timestamp: new Date(r.at).toISOString().replace('Z', '+0000'),
                ...(instagram
                  ? r.parentId && { parent_id: r.parentId }
                  : { replied_to: { id: r.parentId ?? post.id } }),
              })),
              paging: {
                cursors: { after: next ?? '' },
                ...(next && { next: `${ctx.url.pathname}?after=${next}` }),
              },
            },
          };
        }),
      },
      {
        method: 'GET',
        path: new RegExp(`^${v}/(\\d+)/insights$`),
        metrics: true,
        handle: authed((ctx) => {
          const post = this.posts.get(ctx.params[0]);
          if (!post)
            return graphFailure(400, 100, 'Unsupported get request. Object does not exist', {
              error_subcode: 33,
            });
          return {
            status: 200,
            body: {
              data: this.insights(post).map(({ name, value }) => ({
                name,
                period: 'lifetime',
                values: [{ value }],
                id: `${post.id}/insights/${name}/lifetime`,
              })),
            },
          };
        }),
      },
      {
        method: 'GET',
        path: new RegExp(`^${v}/(\\d+)$`),
        handle: authed((ctx) => {
          const id = ctx.params[0];
          const container = this.containers.get(id);
          if (container) {
            if (container.status === 'IN_PROGRESS' && ++container.polls > this.processingPolls)
              container.status = 'FINISHED';
            this.statusOf(container);
            return { status: 200, body: this.containerJson(container) };
          }
          const post = this.posts.get(id);
          if (post) return { status: 200, body: this.postJson(post) };
          const account = this.tokenOf(ctx)!;
          const comment = this.findReply(id);
          if (comment && this.posts.get(comment.postId)?.account === account)
            return { status: 200, body: this.replyJson(comment.reply) };
          if (/\busername\b/.test(ctx.url.searchParams.get('fields') ?? ''))
            return { status: 200, body: { id, username: this.usernameOf(account) } };
          if (/followers_count/.test(ctx.url.searchParams.get('fields') ?? '')) {
            return {
              status: 200,
              body: {
                id,
                followers_count: this.followersFor(account, account === this.demoCredentials().accessToken),
              },
            };
          }
          return graphFailure(400, 100, 'Unsupported get request. Object does not exist', {
            error_subcode: 33,
          });
        }),
      },
    ];
  }
}
