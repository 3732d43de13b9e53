/** Discord webhooks: token in the URL, `?wait=true` → 200 Message, 429 with float seconds in the body. */
import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

export class DiscordFake extends FakeNetwork {
  readonly network = 'discord';
  readonly deletedWebhooks = new Set<string>();
  private messages = new Map<string, any>();
  private nextId = 1_200_000_000_000_000_000n;

  protected resetState(): void {
    this.deletedWebhooks.clear();
    this.messages.clear();
  }

  protected accountOf(ctx: RequestContext) {
    return ctx.params[0];
  }

  protected rateLimited(waitMs: number): Reply {
    const seconds = waitMs / 1000;
    return {
      status: 429,
      headers: {
        'Retry-After': String(Math.ceil(seconds)),
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': ((Date.now() + waitMs) / 1000).toFixed(3),
        'X-RateLimit-Reset-After': seconds.toFixed(3),
        'X-RateLimit-Bucket': 'fakebucket',
        'X-RateLimit-Scope': 'user',
      },
      body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
    };
  }

  protected serverError(): Reply {
    return { status: 502, body: { message: '502: Bad Gateway', code: 0 } };
  }

  protected quotaHeaders(remaining: number, resetAt: number) {
    return {
      'X-RateLimit-Limit': String(this.options.window?.limit ?? 5),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': (resetAt / 1000).toFixed(3),
      'X-RateLimit-Reset-After': ((resetAt - Date.now()) / 1000).toFixed(3),
      'X-RateLimit-Bucket': 'fakebucket',
    };
  }

  private unknownWebhook(ctx: RequestContext): Reply | undefined {
    return this.deletedWebhooks.has(ctx.params[0])
      ? { status: 404, body: { message: 'Unknown Webhook', code: 10015 } }
      : undefined;
  }

  protected routes(): Route[] {
    return [
      {
        method: 'POST',
        path: /^\/webhooks\/([^/]+)\/([^/]+)$/,
        publish: true,
        handle: (ctx) => {
          const unknown = this.unknownWebhook(ctx);
          if (unknown) return unknown;
          const isMultipart = String(ctx.headers['content-type']).startsWith('multipart/');
          const payload = isMultipart ? JSON.parse(ctx.multipart().fields.payload_json ?? '{}') : ctx.json();
          const content: string = payload.content ?? '';
          if (Array.from(content).length > 2000) {
            return {
              status: 400,
              body: {
                code: 50035,
                message: 'Invalid Form Body',
                errors: {
                  content: {
                    _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }],
                  },
                },
              },
            };
          }
          const id = String(this.nextId++);
          const message = {
            id,
            type: 0,
            channel_id: '1100000000000000001',
            content,
            embeds: payload.embeds ?? [],
            attachments: isMultipart
              ? ctx.multipart().files.map((f, i) => ({ id: String(i), filename: f.filename }))
              : [],
            timestamp: new Date().toISOString(),
            webhook_id: ctx.params[0],
            reactions: [],
          };
          this.messages.set(id, message);
          this.record({ id, account: ctx.params[0], text: content });
          return ctx.url.searchParams.get('wait') === 'true'
            ? { status: 200, body: message }
            : { status: 204 };
        },
      },
      {
        method: 'GET',
        path: /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/,
        handle: (ctx) => {
          const message = this.messages.get(ctx.params[2]);
          return message
            ? { status: 200, body: message }
            : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
        },
      },
    ];
  }
}
