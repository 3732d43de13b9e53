/**
 * Instagram Graph API (Instagram Login, graph.instagram.com) for professional accounts: media
 * containers (`/media`, `image_url` or `video_url` as REELS, STORIES, CAROUSEL of 2–10 items, caption
 * up to 2,200 characters with 30 hashtags and 20 mentions), `status_code` polled until FINISHED,
 * `/media_publish`, `content_publishing_limit` (50 per 24 hours here) and its refusal (400, code 9,
 * subcode 2207042), media insights (views, reach, likes, comments, shares, saved). Comment
 * moderation on our media: `POST /{comment}/replies?message=` (a reply to a reply goes under its
 * top-level comment; a hidden comment cannot be replied to), `POST /{comment}?hide=true`, `DELETE
 * /{comment}` (any comment on our media), each `{ success: true }`.
 */
import { MetaContainerFake, graphFailure, type MetaPost } from './meta-containers';
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
    return [...moderation, ...super.routes()];
  }
}
