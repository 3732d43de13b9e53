/**
 * Instagram Graph API (Instagram Login, graph.instagram.com) for professional accounts: media
 * containers (`/media`, `image_url` or `video_url` as REELS, STORIES, CAROUSEL of 2–10 items, caption
 * up to 2,200 characters with 30 hashtags and 20 mentions), `status_code` polled until FINISHED,
 * `/media_publish`, `content_publishing_limit` (50 per 24 hours here) and its refusal (400, code 9,
 * subcode 2207042), media insights (views, reach, likes, comments, shares, saved). Comment
 * moderation on our media: `POST /{comment}/replies?message=` (a reply to a reply goes under its
 * top-level comment; a hidden comment cannot be replied to), `GET /{comment}/replies` and `GET /{comment}`
 * (answers carry the account's username, which `GET /{user-id}?fields=username` gives), `POST /{comment}?hide=true`, `DELETE
 * /{comment}` (any comment on our media), each `{ success: true }`. Direct messages (meta-messaging.ts):
 * `GET /{ig-user-id}/conversations?platform=instagram`, `GET /{conversation-id}/messages`, `POST
 * /{ig-user-id}/messages` (1,000 characters, within 24 hours of the person's last message: code 10,
 * subcode 2534022); `messagingRefused` answers as a token without `instagram_business_manage_messages`.
 */
import { MetaContainerFake, graphFailure, type MetaPost } from './meta-containers';
import { MetaMessaging } from './meta-messaging';
import type { Reply, RequestContext, Route } from './base';

export class InstagramFake extends MetaContainerFake {
  readonly network = 'instagram';
  protected readonly versionPattern = '/v\\d+\\.\\d+';
  protected readonly mediaEdge = 'media';
  protected readonly publishEdge = 'media_publish';
  protected readonly limitEdge = 'content_publishing_limit';
  protected readonly statusField = 'status_code';
  protected readonly textField = 'caption';
  protected readonly textMax = 2_200;
  protected readonly carouselMax = 10;
  protected readonly refreshGrant = 'ig_refresh_token';

  private messagingIds = 900_000;
  /** The accounts' direct messages, by the account's user id. */
  private readonly direct = new MetaMessaging({
    platform: 'instagram',
    nameField: 'username',
    ownerName: 'our_account',
    maxCharacters: 1000,
    windowSubcode: 2534022,
    refusal: () => graphFailure(403, 10, '(#10) Application does not have permission for this action'),
    graphError: (status, code, message, extra) => graphFailure(status, code, message, extra),
    path: (re) => new RegExp(`^${this.versionPattern}${re}$`),
    versionPath: '/v23.0',
    baseUrl: () => this.baseUrl,
    now: () => this.now(),
    nextId: () => this.messagingIds++,
    unauthorized: (ctx) => this.unauthorized(ctx),
    missing: (id) =>
      graphFailure(400, 100, `Unsupported request. Object with ID '${id}' does not exist`, {
        error_subcode: 33,
      }),
    sent: (entry) => this.record(entry),
  });

  /** Refuses the conversations and the Send API, as for a token without the messaging permission. */
  get messagingRefused() {
    return this.direct.refused;
  }
  set messagingRefused(refused: boolean) {
    this.direct.refused = refused;
  }

  /**
   * A person's direct message to the account of `userId` (`fromAccount`: the account's own), `ageMs`
   * ago on the fake's clock. Answers the conversation, the person's id and the message id.
   */
  addDirectMessage(
    userId: string,
    message: { text: string; username?: string; fromAccount?: boolean; ageMs?: number }
  ) {
    return this.direct.add(userId, {
      text: message.text,
      name: message.username ?? 'lectrice.insta',
      fromOwner: message.fromAccount,
      ageMs: message.ageMs,
    });
  }

  /** A conversation's messages as stored, oldest first. */
  directMessages(conversationId: string) {
    return this.direct.messages(conversationId);
  }

  protected resetState(): void {
    super.resetState();
    this.direct.reset();
  }

  protected capReached(): Reply {
    return graphFailure(400, 9, 'Application request limit reached', {
      error_subcode: 2207042,
      error_user_title: 'Cannot publish',
      error_user_msg: 'You have reached the maximum number of posts allowed in 24 hours.',
    });
  }

  protected checkContainer(fields: Record<string, string>): Reply | undefined {
    const caption = String(fields.caption ?? '');
    if (Array.from(caption).length > this.textMax)
      return graphFailure(400, 100, 'The caption is too long', { error_subcode: 2207010 });
    if ((caption.match(/#[\p{L}\p{N}_]+/gu) ?? []).length > 30)
      return graphFailure(400, 100, 'Too many hashtags in the caption', { error_subcode: 2207010 });
    if ((caption.match(/@[\p{L}\p{N}_.]+/gu) ?? []).length > 20)
      return graphFailure(400, 100, 'Too many mentions in the caption', { error_subcode: 2207010 });
    const type = fields.media_type ?? 'IMAGE';
    if (!['IMAGE', 'VIDEO', 'REELS', 'STORIES', 'CAROUSEL'].includes(type))
      return graphFailure(400, 100, `Invalid parameter media_type: ${type}`);
    if (type !== 'CAROUSEL' && !fields.image_url && !fields.video_url)
      return graphFailure(400, 100, 'The parameter image_url or video_url is required');
    if ((type === 'REELS' || type === 'VIDEO') && !fields.video_url)
      return graphFailure(400, 100, 'The parameter video_url is required');
    if (fields.image_url && !/\.jpe?g(\?|$)/i.test(fields.image_url))
      return graphFailure(400, 9004, 'Only the JPEG image format is supported', { error_subcode: 2207005 });
    return undefined;
  }

  protected permalink(post: MetaPost): string {
    return `https://www.instagram.com/p/${Buffer.from(post.id).toString('base64url').slice(0, 11)}/`;
  }

  protected insights(post: MetaPost) {
    const grown = (name: string, perHour: number) =>
      this.grown(post.createdAt, `${post.id}:${name}`, perHour);
    return [
      { name: 'views', value: grown('views', 60) },
      { name: 'reach', value: grown('reach', 35) },
      { name: 'likes', value: grown('likes', 5) },
      { name: 'comments', value: grown('comments', 0.4) },
      { name: 'shares', value: grown('shares', 0.5) },
      { name: 'saved', value: grown('saved', 0.8) },
    ];
  }

  protected routes(): Route[] {
    const authed = (handle: (ctx: RequestContext) => Reply) => (ctx: RequestContext) =>
      this.unauthorized(ctx) ?? handle(ctx);
    const param = (ctx: RequestContext, name: string) => ctx.url.searchParams.get(name) ?? ctx.fields()[name];
    const moderation: Route[] = [
      {
        // A top-level comment's replies (our answers among them), oldest first, with the `after` cursor.
        method: 'GET',
        path: /^\/v\d+\.\d+\/(\d+)\/replies$/,
        handle: authed((ctx) => {
          const found = this.ownedReply(ctx, ctx.params[0]);
          if ('status' in found) return found;
          const limit = Math.min(50, Number(ctx.url.searchParams.get('limit') ?? 25));
          const all = (this.replies.get(found.postId) ?? []).filter((r) => r.parentId === found.reply.id);
          const after = ctx.url.searchParams.get('after');
          const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
          const next =
            start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : null;
          return {
            status: 200,
            body: {
              data: all.slice(start, start + limit).map((r) => this.replyJson(r)),
              paging: {
                cursors: { after: next ?? '' },
                ...(next && { next: `${ctx.url.pathname}?after=${next}` }),
              },
            },
          };
        }),
      },
      {
        method: 'POST',
        path: /^\/v\d+\.\d+\/(\d+)\/replies$/,
        publish: true,
        handle: authed((ctx) => {
          const found = this.ownedReply(ctx, ctx.params[0]);
          if ('status' in found) return found;
          const message = String(param(ctx, 'message') ?? '');
          if (!message.trim()) return graphFailure(400, 100, 'The parameter message is required');
          if (found.reply.hidden) return graphFailure(400, 100, 'Cannot reply to a hidden comment');
          const id = this.addAnswer(found.postId, {
            account: this.tokenOf(ctx)!,
            text: message,
            parentId: found.reply.parentId ?? found.reply.id,
          });
          return { status: 200, body: { id } };
        }),
      },
      {
        method: 'POST',
        path: /^\/v\d+\.\d+\/(\d+)$/,
        handle: authed((ctx) => {
          const found = this.ownedReply(ctx, ctx.params[0]);
          if ('status' in found) return found;
          const hide = String(param(ctx, 'hide') ?? '');
          if (hide !== 'true' && hide !== 'false')
            return graphFailure(400, 100, 'The parameter hide is required');
          found.reply.hidden = hide === 'true';
          return { status: 200, body: { success: true } };
        }),
      },
      {
        method: 'DELETE',
        path: /^\/v\d+\.\d+\/(\d+)$/,
        handle: authed((ctx) => {
          const found = this.ownedReply(ctx, ctx.params[0]);
          if ('status' in found) return found;
          this.removeReply(found.postId, found.reply.id);
          return { status: 200, body: { success: true } };
        }),
      },
    ];
    return [...moderation, ...this.direct.routes(), ...super.routes()];
  }
}
