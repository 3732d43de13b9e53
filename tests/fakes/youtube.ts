/**
 * YouTube Data API v3: OAuth 2 bearer tokens (401 `authError` when expired, refreshed at
 * `/oauth2/v4/token`, `invalid_grant` for a dead refresh token), resumable uploads (`POST
 * /upload/youtube/v3/videos?uploadType=resumable` answers the session in `Location`; `PUT` chunks
 * with `Content-Range`, 308 + `Range: bytes=0-N` until the last byte, then 200 with the video; an
 * empty `PUT` with `bytes *\/total` asks how far a session got; 404 for an unknown or expired
 * session), title (100) and description (5,000 bytes, no angle brackets) checked, the quota's 403
 * `quotaExceeded` in Google's error envelope, videos listed with their statistics, the channel's
 * uploads playlist and subscribers. Comments: threads of a video newest first (`commentThreads`,
 * `maxResults` up to 100, `nextPageToken`, a few replies embedded), all the replies of a thread
 * (`comments?parentId=`), the channel's answer (`POST comments`), held for review by the video's owner
 * (`comments/setModerationStatus`), deleted by its author; `commentsDisabled` 403, `videoNotFound` and
 * `commentNotFound` 404, and the comment reads answer `failNextRead` with the quota's 403.
 */
import { randomBytes } from 'node:crypto';

import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

type Session = {
  id: string;
  account: string;
  metadata: any;
  total: number;
  mimeType: string;
  chunks: Buffer[];
  received: number;
  videoId?: string;
};

type Video = {
  id: string;
  account: string;
  title: string;
  description: string;
  privacy: string;
  /** `status.publishAt`: private until then, public after (on the fake's clock). */
  publishAt?: number;
  createdAt: number;
};

/** A channel's id: its token's (the account's channel), or a viewer's name's. */
const channelIdOf = (who: string) => `UC${Buffer.from(who).toString('hex').slice(0, 22)}`;

/** A comment: a thread's top-level one (no `parentId`) or a reply under it. */
export type YouTubeComment = {
  id: string;
  videoId: string;
  parentId?: string;
  author: string;
  authorChannelUrl: string;
  /** The access token of the channel that wrote it, when it is one of ours. */
  account?: string;
  text: string;
  publishedAt: number;
  moderationStatus: 'published' | 'heldForReview';
  /** Creation order: several comments may share a millisecond. */
  seq: number;
};

/** The replies a thread carries itself; the others are read with `comments?parentId=`. */
const EMBEDDED_REPLIES = 5;

const pageOf = <T>(items: T[], ctx: RequestContext, defaultSize: number) => {
  const size = Number(ctx.url.searchParams.get('maxResults') ?? defaultSize);
  const start = Number(Buffer.from(ctx.url.searchParams.get('pageToken') ?? '', 'base64url').toString()) || 0;
  const next =
    start + size < items.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
  return { size, page: items.slice(start, start + size), next, total: items.length };
};

const googleError = (code: number, reason: string, message: string, domain = 'youtube.video'): Reply => ({
  status: code,
  body: { error: { code, message, errors: [{ message, domain, reason }] } },
});

export class YouTubeFake extends FakeNetwork {
  readonly network = 'youtube';
  readonly expiredTokens = new Set<string>();
  readonly deadRefreshTokens = new Set<string>();
  readonly sessions = new Map<string, Session>();
  readonly videos = new Map<string, Video>();
  readonly comments = new Map<string, YouTubeComment>();
  /** Videos whose owner turned comments off: their threads answer 403 `commentsDisabled`. */
  readonly commentsDisabled = new Set<string>();
  refreshCount = 0;
  private commentSeq = 0;
  /** The chunk (0-based, per session) answered with a 503 (`failChunkTimes` times), as an upload cut in the middle. */
  failChunkAt: number | null = null;
  failChunkTimes = 1;

  protected resetState(): void {
    this.failChunkAt = null;
    this.failChunkTimes = 1;
    this.expiredTokens.clear();
    this.deadRefreshTokens.clear();
    this.sessions.clear();
    this.videos.clear();
    this.comments.clear();
    this.commentsDisabled.clear();
    this.refreshCount = 0;
  }

  /** A viewer's comment on a video (a new thread): its id. */
  addComment(
    videoId: string,
    options: { text: string; author?: string; at?: number; account?: string }
  ): string {
    return this.storeComment({ videoId, ...options });
  }

  /** A viewer's reply in the thread of `parentId` (a top-level comment): its id. */
  addReply(
    parentId: string,
    options: { text: string; author?: string; at?: number; account?: string }
  ): string {
    const parent = this.comments.get(parentId);
    if (!parent || parent.parentId) throw new Error(`No top-level comment ${parentId}`);
    return this.storeComment({ videoId: parent.videoId, parentId, ...options });
  }

  comment(id: string): YouTubeComment | undefined {
    return this.comments.get(id);
  }

  private storeComment(options: {
    videoId: string;
    parentId?: string;
    text: string;
    author?: string;
    account?: string;
    at?: number;
  }): string {
    const suffix = randomBytes(9).toString('base64url');
    // Reply ids start with their thread's id, as YouTube's do.
    const id = options.parentId ? `${options.parentId}.${suffix}` : `Ug${suffix}`;
    const author = options.author ?? 'Spectateur';
    this.comments.set(id, {
      id,
      videoId: options.videoId,
      ...(options.parentId && { parentId: options.parentId }),
      author,
      authorChannelUrl: `http://www.youtube.com/@${encodeURIComponent(author.replace(/\s+/g, ''))}`,
      ...(options.account && { account: options.account }),
      text: options.text,
      publishedAt: options.at ?? this.now(),
      moderationStatus: 'published',
      seq: ++this.commentSeq,
    });
    return id;
  }

  private commentJson(comment: YouTubeComment) {
    const at = new Date(comment.publishedAt).toISOString();
    return {
      kind: 'youtube#comment',
      id: comment.id,
      snippet: {
        channelId: `UC${comment.videoId}`,
        videoId: comment.videoId,
        textDisplay: comment.text,
        textOriginal: comment.text,
        ...(comment.parentId && { parentId: comment.parentId }),
        authorDisplayName: comment.author,
        authorChannelUrl: comment.authorChannelUrl,
        // The channel's own comments carry its id, as `channels?mine=true` gives it.
        authorChannelId: { value: channelIdOf(comment.account ?? comment.author) },
        canRate: true,
        viewerRating: 'none',
        likeCount: 0,
        publishedAt: at,
        updatedAt: at,
      },
    };
  }

  /** The published replies of a thread, oldest first. */
  private repliesOf(parentId: string): YouTubeComment[] {
    return [...this.comments.values()]
      .filter((c) => c.parentId === parentId && c.moderationStatus === 'published')
      .sort((a, b) => a.seq - b.seq);
  }

  private commentNotFound(): Reply {
    return googleError(
      404,
      'commentNotFound',
      'The comment identified by the id parameter could not be found.',
      'youtube.comment'
    );
  }

  private badMaxResults(ctx: RequestContext): Reply | undefined {
    const max = ctx.url.searchParams.get('maxResults');
    if (max === null) return undefined;
    const n = Number(max);
    return Number.isInteger(n) && n >= 1 && n <= 100
      ? undefined
      : googleError(400, 'invalidParameter', 'maxResults must be between 1 and 100.', 'youtube.parameter');
  }

  deletePost(remoteId: string): boolean {
    return this.videos.delete(remoteId);
  }

  /** Sessions expire (a week on YouTube): an attempt that resumes one then starts over. */
  expireSessions(): void {
    this.sessions.clear();
  }

  protected accountOf(ctx: RequestContext) {
    return ctx.token;
  }

  protected rateLimited(): Reply {
    return googleError(
      403,
      'quotaExceeded',
      'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      'youtube.quota'
    );
  }

  protected serverError(): Reply {
    return googleError(503, 'backendError', 'Backend Error', 'global');
  }

  private unauthorized(ctx: RequestContext): Reply | undefined {
    if (!ctx.token || this.expiredTokens.has(ctx.token)) {
      return {
        status: 401,
        body: {
          error: {
            code: 401,
            message: 'Request had invalid authentication credentials. Expected OAuth 2 access token.',
            errors: [
              {
                message: 'Invalid Credentials',
                domain: 'global',
                reason: 'authError',
                location: 'Authorization',
              },
            ],
            status: 'UNAUTHENTICATED',
          },
        },
      };
    }
    return undefined;
  }

  private videoJson(video: Video, parts: string) {
    return {
      kind: 'youtube#video',
      id: video.id,
      ...(/snippet/.test(parts) && {
        snippet: {
          publishedAt: new Date(video.createdAt).toISOString(),
          title: video.title,
          description: video.description,
        },
      }),
      ...(/status/.test(parts) && {
        status: {
          uploadStatus: video.publishAt && video.publishAt > this.now() ? 'uploaded' : 'processed',
          privacyStatus: video.publishAt && video.publishAt <= this.now() ? 'public' : video.privacy,
          ...(video.publishAt &&
            video.publishAt > this.now() && { publishAt: new Date(video.publishAt).toISOString() }),
        },
      }),
      ...(/statistics/.test(parts) && {
        statistics: {
          viewCount: String(this.grown(video.createdAt, `${video.id}:views`, 30)),
          likeCount: String(this.grown(video.createdAt, `${video.id}:likes`, 2)),
          favoriteCount: '0',
          commentCount: String(this.grown(video.createdAt, `${video.id}:comments`, 0.3)),
        },
      }),
    };
  }

  private complete(session: Session): Reply {
    if (!session.videoId) {
      const video: Video = {
        id: randomBytes(8).toString('base64url').slice(0, 11),
        account: session.account,
        title: session.metadata.snippet.title,
        description: session.metadata.snippet.description ?? '',
        privacy: session.metadata.status?.privacyStatus ?? 'public',
        ...(session.metadata.status?.publishAt && {
          publishAt: Date.parse(session.metadata.status.publishAt),
        }),
        createdAt: this.now(),
      };
      this.videos.set(video.id, video);
      session.videoId = video.id;
      this.record({ id: video.id, account: session.account, text: video.description });
    }
    return { status: 200, body: this.videoJson(this.videos.get(session.videoId)!, 'snippet,status') };
  }

  private partial(session: Session): Reply {
    return { status: 308, headers: session.received > 0 ? { Range: `bytes=0-${session.received - 1}` } : {} };
  }

  protected routes(): Route[] {
    const authed = (handle: (ctx: RequestContext) => Reply) => (ctx: RequestContext) =>
      this.unauthorized(ctx) ?? handle(ctx);
    return [
      {
        method: 'POST',
        path: /^\/upload\/youtube\/v3\/videos$/,
        handle: authed((ctx) => {
          if (ctx.url.searchParams.get('uploadType') !== 'resumable')
            return googleError(400, 'invalidParameter', 'uploadType must be resumable here', 'global');
          const metadata = ctx.json();
          const title = String(metadata?.snippet?.title ?? '');
          const description = String(metadata?.snippet?.description ?? '');
          if (!title || Array.from(title).length > 100 || /[<>]/.test(title))
            return googleError(400, 'invalidTitle', 'The request metadata specifies an invalid video title.');
          if (Buffer.byteLength(description) > 5_000 || /[<>]/.test(description))
            return googleError(
              400,
              'invalidDescription',
              'The request metadata specifies an invalid video description.'
            );
          const tags: string[] = metadata?.snippet?.tags ?? [];
          if (tags.join(',').length > 500)
            return googleError(400, 'invalidTags', 'The request metadata specifies invalid video keywords.');
          const publishAt = metadata?.status?.publishAt;
          if (
            publishAt !== undefined &&
            (metadata.status.privacyStatus !== 'private' || !(Date.parse(publishAt) > this.now()))
          )
            return googleError(
              400,
              'invalidPublishAt',
              'The request metadata specifies an invalid scheduled publishing time.'
            );
          const total = Number(ctx.headers['x-upload-content-length']);
          if (!Number.isFinite(total) || total <= 0)
            return googleError(400, 'mediaBodyRequired', 'The request does not include the video content.');
          const session: Session = {
            id: randomBytes(12).toString('hex'),
            account: ctx.token!,
            metadata,
            total,
            mimeType: String(ctx.headers['x-upload-content-type'] ?? 'application/octet-stream'),
            chunks: [],
            received: 0,
          };
          this.sessions.set(session.id, session);
          return {
            status: 200,
            // On the host the request came to: the demo may reach the fakes by another name.
            headers: {
              Location: `http://${ctx.headers.host}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${session.id}`,
            },
          };
        }),
      },
      {
        method: 'PUT',
        path: /^\/upload\/youtube\/v3\/videos$/,
        publish: true,
        handle: authed((ctx) => {
          const session = this.sessions.get(ctx.url.searchParams.get('upload_id') ?? '');
          if (!session || session.account !== ctx.token) return { status: 404, body: 'Not Found' as any };
          const range = String(ctx.headers['content-range'] ?? '');
          const probe = /^bytes \*\/(\d+)$/.exec(range);
          if (probe)
            return session.received >= session.total ? this.complete(session) : this.partial(session);
          const chunk = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
          if (!chunk || Number(chunk[3]) !== session.total)
            return googleError(400, 'badContent', 'Content-Range does not match the upload', 'global');
          const [from, to] = [Number(chunk[1]), Number(chunk[2])];
          if (from !== session.received || to - from + 1 !== ctx.body.length) return this.partial(session);
          if (this.failChunkAt === session.chunks.length) {
            if (--this.failChunkTimes <= 0) this.failChunkAt = null;
            return this.serverError();
          }
          session.chunks.push(ctx.body);
          session.received = to + 1;
          return session.received >= session.total ? this.complete(session) : this.partial(session);
        }),
      },
      {
        method: 'GET',
        path: /^\/youtube\/v3\/videos$/,
        metrics: true,
        handle: authed((ctx) => {
          const ids = (ctx.url.searchParams.get('id') ?? '').split(',').filter(Boolean);
          if (ids.length > 50)
            return googleError(
              400,
              'invalidParameter',
              'The id parameter takes at most 50 ids.',
              'youtube.parameter'
            );
          const parts = ctx.url.searchParams.get('part') ?? '';
          const items = ids.flatMap((id) => {
            const video = this.videos.get(id);
            return video ? [this.videoJson(video, parts)] : [];
          });
          return {
            status: 200,
            body: { kind: 'youtube#videoListResponse', items, pageInfo: { totalResults: items.length } },
          };
        }),
      },
      {
        method: 'DELETE',
        path: /^\/youtube\/v3\/videos$/,
        handle: authed((ctx) => {
          const video = this.videos.get(ctx.url.searchParams.get('id') ?? '');
          if (!video || video.account !== ctx.token)
            return googleError(
              404,
              'videoNotFound',
              'The video that you are trying to delete cannot be found.'
            );
          this.videos.delete(video.id);
          return { status: 204 };
        }),
      },
      {
        method: 'GET',
        path: /^\/youtube\/v3\/commentThreads$/,
        metrics: true,
        handle: authed((ctx) => {
          const videoId = ctx.url.searchParams.get('videoId') ?? '';
          const video = this.videos.get(videoId);
          if (!video)
            return googleError(
              404,
              'videoNotFound',
              'The video identified by the videoId parameter could not be found.',
              'youtube.commentThread'
            );
          if (this.commentsDisabled.has(videoId))
            return googleError(
              403,
              'commentsDisabled',
              'The video identified by the videoId parameter has disabled comments.',
              'youtube.commentThread'
            );
          const invalid = this.badMaxResults(ctx);
          if (invalid) return invalid;
          const parts = ctx.url.searchParams.get('part') ?? '';
          // Newest thread first (order=time, the default).
          const threads = [...this.comments.values()]
            .filter((c) => c.videoId === videoId && !c.parentId && c.moderationStatus === 'published')
            .sort((a, b) => b.seq - a.seq);
          const { page, next, total } = pageOf(threads, ctx, 20);
          const items = page.map((top) => {
            const replies = this.repliesOf(top.id);
            return {
              kind: 'youtube#commentThread',
              id: top.id,
              snippet: {
                channelId: `UC${video.account}`,
                videoId,
                topLevelComment: this.commentJson(top),
                canReply: true,
                totalReplyCount: replies.length,
                isPublic: true,
              },
              ...(/replies/.test(parts) &&
                replies.length > 0 && {
                  replies: { comments: replies.slice(0, EMBEDDED_REPLIES).map((c) => this.commentJson(c)) },
                }),
            };
          });
          return {
            status: 200,
            body: {
              kind: 'youtube#commentThreadListResponse',
              ...(next && { nextPageToken: next }),
              pageInfo: { totalResults: total, resultsPerPage: items.length },
              items,
            },
          };
        }),
      },
      {
        method: 'GET',
        path: /^\/youtube\/v3\/comments$/,
        metrics: true,
        handle: authed((ctx) => {
          const invalid = this.badMaxResults(ctx);
          if (invalid) return invalid;
          const parentId = ctx.url.searchParams.get('parentId');
          if (parentId !== null) {
            if (!this.comments.has(parentId)) return this.commentNotFound();
            const { page, next } = pageOf(this.repliesOf(parentId), ctx, 20);
            return {
              status: 200,
              body: {
                kind: 'youtube#commentListResponse',
                ...(next && { nextPageToken: next }),
                items: page.map((c) => this.commentJson(c)),
              },
            };
          }
          const ids = (ctx.url.searchParams.get('id') ?? '').split(',').filter(Boolean);
          const items = ids.flatMap((id) => {
            const found = this.comments.get(id);
            return found ? [this.commentJson(found)] : [];
          });
          return { status: 200, body: { kind: 'youtube#commentListResponse', items } };
        }),
      },
      {
        method: 'POST',
        path: /^\/youtube\/v3\/comments$/,
        publish: true,
        handle: authed((ctx) => {
          const snippet = ctx.json()?.snippet ?? {};
          const text = String(snippet.textOriginal ?? '');
          if (!text.trim())
            return googleError(
              400,
              'commentTextRequired',
              'The comment must contain text.',
              'youtube.comment'
            );
          const parent = this.comments.get(String(snippet.parentId ?? ''));
          if (!parent) return this.commentNotFound();
          // YouTube threads one level deep: a reply's parent is a thread's top-level comment.
          if (parent.parentId)
            return googleError(
              400,
              'operationNotSupported',
              'The parentId must identify a top-level comment.',
              'youtube.comment'
            );
          const id = this.storeComment({
            videoId: parent.videoId,
            parentId: parent.id,
            text,
            author: 'Notre chaîne',
            account: ctx.token!,
          });
          this.record({ id, account: ctx.token!, text });
          return { status: 200, body: this.commentJson(this.comments.get(id)!) };
        }),
      },
      {
        method: 'POST',
        path: /^\/youtube\/v3\/comments\/setModerationStatus$/,
        handle: authed((ctx) => {
          const status = ctx.url.searchParams.get('moderationStatus');
          if (!['heldForReview', 'published', 'rejected'].includes(status ?? ''))
            return googleError(
              400,
              'invalidModerationStatus',
              'Invalid moderation status.',
              'youtube.comment'
            );
          const found = (ctx.url.searchParams.get('id') ?? '').split(',').map((id) => this.comments.get(id));
          if (found.some((c) => !c)) return this.commentNotFound();
          // Only the owner of the video moderates its comments.
          if (found.some((c) => this.videos.get(c!.videoId)?.account !== ctx.token))
            return googleError(
              403,
              'forbidden',
              'The comment could not be updated: it is not on a video of this channel.',
              'youtube.comment'
            );
          for (const c of found) if (status !== 'rejected') c!.moderationStatus = status as 'heldForReview';
          return { status: 204 };
        }),
      },
      {
        method: 'DELETE',
        path: /^\/youtube\/v3\/comments$/,
        handle: authed((ctx) => {
          const found = this.comments.get(ctx.url.searchParams.get('id') ?? '');
          if (!found) return this.commentNotFound();
          if (found.account !== ctx.token)
            return googleError(
              403,
              'forbidden',
              'Only the author may delete this comment.',
              'youtube.comment'
            );
          this.comments.delete(found.id);
          return { status: 204 };
        }),
      },
      {
        method: 'GET',
        path: /^\/youtube\/v3\/channels$/,
        handle: authed((ctx) => ({
          status: 200,
          body: {
            items: [
              {
                id: channelIdOf(ctx.token!),
                contentDetails: { relatedPlaylists: { uploads: `UU-${ctx.token}` } },
                statistics: {
                  subscriberCount: String(
                    this.followersFor(ctx.token!, ctx.token === this.demoCredentials().accessToken)
                  ),
                  hiddenSubscriberCount: false,
                },
              },
            ],
          },
        })),
      },
      {
        method: 'GET',
        path: /^\/youtube\/v3\/playlistItems$/,
        handle: authed((ctx) => {
          const account = (ctx.url.searchParams.get('playlistId') ?? '').replace(/^UU-/, '');
          const items = [...this.videos.values()]
            .filter((v) => v.account === account && this.visibleInLookups(v.createdAt))
            .reverse()
            .slice(0, Number(ctx.url.searchParams.get('maxResults')) || 5)
            .map((v) => ({
              snippet: {
                publishedAt: new Date(v.createdAt).toISOString(),
                title: v.title,
                description: v.description,
                resourceId: { kind: 'youtube#video', videoId: v.id },
              },
            }));
          return { status: 200, body: { items } };
        }),
      },
      {
        method: 'POST',
        path: /^\/oauth2\/v4\/token$/,
        handle: (ctx) => {
          const form = ctx.form();
          if (form.grant_type !== 'refresh_token' || !form.client_id || !form.client_secret)
            return {
              status: 400,
              body: { error: 'invalid_request', error_description: 'Missing required parameter' },
            };
          if (!form.refresh_token || this.deadRefreshTokens.has(form.refresh_token))
            return {
              status: 400,
              body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
            };
          this.refreshCount++;
          return {
            status: 200,
            body: {
              access_token: `ya29.${randomBytes(16).toString('hex')}`,
              expires_in: 3599,
              token_type: 'Bearer',
            },
          };
        },
      },
    ];
  }
}
