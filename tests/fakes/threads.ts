/**
 * Threads API (graph.threads.net/v1.0): containers at `/{user}/threads` (TEXT, IMAGE, VIDEO,
 * CAROUSEL of 2–20 items; text up to 500 characters, an emoji counting its UTF-8 bytes), `status`
 * polled until FINISHED, `/threads_publish`, `threads_publishing_limit` (250 per 24 hours) and its
 * refusal (⚠ Meta documents no code: Graph's code 9 here), post insights (views, likes, replies,
 * reposts, quotes), followers in `threads_insights`. Answers are TEXT containers with `reply_to_id`
 * published the same way; `POST /{reply}/manage_reply` hides a top-level reply under our post (a
 * nested one cannot be targeted); `DELETE /{media}` deletes our own post or reply (`deleted_id`).
 */
import { MetaContainerFake, graphFailure, type MetaPost } from './meta-containers';
import type { Reply, RequestContext, Route } from './base';

const segmenter = new (Intl as any).Segmenter('und', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}/u;
/** Characters, an emoji as its UTF-8 length (counted here on its own, not with the plugin's code). */
const threadsCount = (text: string) =>
  Array.from(segmenter.segment(text) as Iterable<{ segment: string }>).reduce(
    (sum, { segment }) => sum + (EMOJI.test(segment) ? Buffer.byteLength(segment) : 1),
    0
  );

export class ThreadsFake extends MetaContainerFake {
  readonly network = 'threads';
  protected readonly versionPattern = '/v1\\.0';
  protected readonly mediaEdge = 'threads';
  protected readonly publishEdge = 'threads_publish';
  protected readonly limitEdge = 'threads_publishing_limit';
  protected readonly statusField = 'status';
  protected readonly textField = 'text';
  protected readonly textMax = 500;
  protected readonly carouselMax = 20;
  protected readonly refreshGrant = 'th_refresh_token';
  quotaTotal = 250;

  protected resetState(): void {
    super.resetState();
    this.quotaTotal = 250;
  }

  protected capReached(): Reply {
    return graphFailure(
      400,
      9,
      'Application request limit reached: you have reached the maximum number of posts in 24 hours'
    );
  }

  protected checkContainer(fields: Record<string, string>): Reply | undefined {
    const text = String(fields.text ?? '');
    if (threadsCount(text) > this.textMax)
      return graphFailure(400, 100, 'Param text must be at most 500 characters long.');
    const type = fields.media_type;
    if (!['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'].includes(type))
      return graphFailure(400, 100, `Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}`);
    if (type === 'TEXT' && !text) return graphFailure(400, 100, 'Param text is required for TEXT posts.');
    if (type === 'IMAGE' && !fields.image_url) return graphFailure(400, 100, 'Param image_url is required.');
    if (type === 'VIDEO' && !fields.video_url) return graphFailure(400, 100, 'Param video_url is required.');
    return undefined;
  }

  protected permalink(post: MetaPost): string {
    return `https://www.threads.net/@porte_voix/post/${Buffer.from(post.id).toString('base64url').slice(0, 11)}`;
  }

  protected insights(post: MetaPost) {
    const grown = (name: string, perHour: number) =>
      this.grown(post.createdAt, `${post.id}:${name}`, perHour);
    return [
      { name: 'views', value: grown('views', 40) },
      { name: 'likes', value: grown('likes', 4) },
      { name: 'replies', value: grown('replies', 0.6) },
      { name: 'reposts', value: grown('reposts', 0.5) },
      { name: 'quotes', value: grown('quotes', 0.2) },
    ];
  }

  protected routes(): Route[] {
    const followers: Route = {
      method: 'GET',
      path: /^\/v1\.0\/(\d+)\/threads_insights$/,
      metrics: true,
      handle: (ctx) => {
        const token = ctx.token;
        if (!token || this.expiredTokens.has(token))
          return graphFailure(400, 190, 'Error validating access token: Session has expired.', {
            error_subcode: 463,
          });
        return {
          status: 200,
          body: {
            data: [
              {
                name: 'followers_count',
                period: 'day',
                title: 'followers_count',
                total_value: {
                  value: this.followersFor(token, token === this.demoCredentials().accessToken),
                },
                id: `${ctx.params[0]}/insights/followers_count/day`,
              },
            ],
          },
        };
      },
    };
    const authed = (handle: (ctx: RequestContext) => Reply) => (ctx: RequestContext) =>
      this.unauthorized(ctx) ?? handle(ctx);
    const manageReply: Route = {
      method: 'POST',
      path: /^\/v1\.0\/(\d+)\/manage_reply$/,
      handle: authed((ctx) => {
        const found = this.ownedReply(ctx, ctx.params[0]);
        if ('status' in found) return found;
        const hide = String(ctx.fields().hide ?? ctx.url.searchParams.get('hide') ?? '');
        if (hide !== 'true' && hide !== 'false') return graphFailure(400, 100, 'Param hide is required.');
        if (found.reply.parentId && found.reply.parentId !== found.postId)
          return graphFailure(400, 100, 'Only top-level replies can be hidden or unhidden.');
        found.reply.hidden = hide === 'true';
        return { status: 200, body: { success: true } };
      }),
    };
    const remove: Route = {
      method: 'DELETE',
      path: /^\/v1\.0\/(\d+)$/,
      handle: authed((ctx) => {
        const id = ctx.params[0];
        const account = this.tokenOf(ctx);
        const answer = this.findReply(id);
        if (answer?.reply.account && answer.reply.account === account) {
          this.removeReply(answer.postId, id);
        } else if (this.posts.get(id)?.account === account) {
          this.deletePost(id);
          this.deleted.push(id);
        } else {
          return graphFailure(400, 100, 'Unsupported delete request. Object does not exist', {
            error_subcode: 33,
          });
        }
        return { status: 200, body: { success: true, deleted_id: id } };
      }),
    };
    return [followers, manageReply, remove, ...super.routes()];
  }
}
