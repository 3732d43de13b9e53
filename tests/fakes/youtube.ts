/**
 * YouTube Data API v3: OAuth 2 bearer tokens (401 `authError` when expired, refreshed at
 * `/oauth2/v4/token`, `invalid_grant` for a dead refresh token), resumable uploads (`POST
 * /upload/youtube/v3/videos?uploadType=resumable` answers the session in `Location`; `PUT` chunks
 * with `Content-Range`, 308 + `Range: bytes=0-N` until the last byte, then 200 with the video; an
 * empty `PUT` with `bytes *\/total` asks how far a session got; 404 for an unknown or expired
 * session), title (100) and description (5,000 bytes, no angle brackets) checked, the quota's 403
 * `quotaExceeded` in Google's error envelope, videos listed with their statistics, the channel's
 * uploads playlist and subscribers.
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
  refreshCount = 0;
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
    this.refreshCount = 0;
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
        path: /^\/youtube\/v3\/channels$/,
        handle: authed((ctx) => ({
          status: 200,
          body: {
            items: [
              {
                id: `UC${Buffer.from(ctx.token!).toString('hex').slice(0, 22)}`,
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
