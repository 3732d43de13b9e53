/** Facebook Graph (Pages): page token, `{error:{code,…}}` keyed on code, BUC header with waits in minutes. */
import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

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
  private posts = new Map<string, { id: string; message: string; created_time: string; page: string }>();
  private nextId = 130_068_550_371_568;

  protected resetState(): void {
    this.invalidTokens.clear();
    this.posts.clear();
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
    return [
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
            .filter((p) => p.page === ctx.params[0] && Date.parse(p.created_time) >= since)
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
        handle: (ctx) => this.unauthorized(ctx) ?? { status: 200, body: { data: [] } },
      },
      {
        method: 'GET',
        path: this.path('/([^/]+)'),
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const post = this.posts.get(ctx.params[0]);
          if (!post) {
            return graphError(
              400,
              100,
              `Unsupported get request. Object with ID '${ctx.params[0]}' does not exist`,
              { error_subcode: 33 }
            );
          }
          return {
            status: 200,
            body: {
              id: post.id,
              message: post.message,
              permalink_url: `https://www.facebook.com/${post.id}`,
              reactions: { data: [], summary: { total_count: 0, viewer_reaction: 'NONE' } },
              comments: { data: [], summary: { order: 'ranked', total_count: 0, can_comment: true } },
            },
          };
        },
      },
    ];
  }
}
