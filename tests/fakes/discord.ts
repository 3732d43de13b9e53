/**
 * Discord webhooks: token in the URL, `?wait=true` → 200 Message, 429 with float seconds in the body.
 * Reading a message back (`GET …/messages/:id`) shows its reactions growing with age; a deleted
 * message answers 404 Unknown Message (10008), a deleted webhook 404 Unknown Webhook (10015).
 */
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

  deletePost(remoteId: string): boolean {
    return this.messages.delete(remoteId) || this.deleteDemoPost(remoteId);
  }

  /** A message of this webhook, or one of the demo's past (its id says when it was sent). */
  private messageOf(id: string, webhookId: string): any {
    const own = this.messages.get(id);
    if (own) return own;
    const at = this.demoPostAt(id);
    if (at === undefined) return undefined;
    return {
      id,
      type: 0,
      channel_id: '1100000000000000001',
      content: '',
      embeds: [],
      attachments: [],
      timestamp: new Date(at).toISOString(),
      webhook_id: webhookId,
      demo: true,
    };
  }

  /** The demo audience's reactions, spread over the three emoji as people react. */
  private demoEmoji(message: any): number[] {
    const total = this.demoCounters(message.id, Date.parse(message.timestamp)).reactions ?? 0;
    const thumbs = Math.ceil(total * 0.55);
    const heart = Math.floor(total * 0.3);
    return [thumbs, heart, total - thumbs - heart];
  }

  private withReactions({ demo, ...message }: any) {
    const created = Date.parse(message.timestamp);
    const [thumbs, heart, party] = demo
      ? this.demoEmoji(message)
      : [
          this.grown(created, `${message.id}:thumbs`, 3),
          this.grown(created, `${message.id}:heart`, 2),
          this.grown(created, `${message.id}:party`, 1),
        ];
    const reactions = [
      { name: '👍', count: thumbs },
      { name: '❤️', count: heart },
      { name: '🎉', count: party },
    ]
      .filter((r) => r.count > 0)
      .map((r) => ({
        emoji: { id: null, name: r.name },
        count: r.count,
        count_details: { burst: 0, normal: r.count },
        burst_colors: [],
        me_burst: false,
        burst_me: false,
        me: false,
        burst_count: 0,
      }));
    return { ...message, reactions };
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
        metrics: true,
        handle: (ctx) => {
          const unknown = this.unknownWebhook(ctx);
          if (unknown) return unknown;
          const message = this.messageOf(ctx.params[2], ctx.params[0]);
          return message
            ? { status: 200, body: this.withReactions(message) }
            : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
        },
      },
    ];
  }
}
