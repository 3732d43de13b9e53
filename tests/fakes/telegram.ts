/** Telegram Bot API: /bot<token>/<method>, `{ok:…}` bodies whose error_code is the HTTP status, retry_after in seconds. */
import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

const failure = (code: number, description: string, parameters?: Record<string, unknown>): Reply => ({
  status: code,
  body: { ok: false, error_code: code, description, ...(parameters && { parameters }) },
});

export class TelegramFake extends FakeNetwork {
  readonly network = 'telegram';
  readonly invalidTokens = new Set<string>();
  private nextMessageId = 1;

  protected resetState(): void {
    this.invalidTokens.clear();
    this.nextMessageId = 1;
  }

  protected accountOf(ctx: RequestContext) {
    return ctx.params[0];
  }

  protected rateLimited(waitMs: number): Reply {
    const seconds = Math.ceil(waitMs / 1000);
    return failure(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
  }

  protected serverError(): Reply {
    return failure(502, 'Bad Gateway');
  }

  private send(ctx: RequestContext, kind: 'text' | 'photo'): Reply {
    if (this.invalidTokens.has(ctx.params[0])) return failure(401, 'Unauthorized');
    const fields = ctx.fields();
    const chatId = fields.chat_id;
    if (!chatId) return failure(400, 'Bad Request: chat_id is empty');
    const text: string = kind === 'text' ? (fields.text ?? '') : (fields.caption ?? '');
    if (kind === 'text' && !text) return failure(400, 'Bad Request: message text is empty');
    if (kind === 'text' && text.length > 4096) return failure(400, 'Bad Request: message is too long');
    if (kind === 'photo' && text.length > 1024)
      return failure(400, 'Bad Request: message caption is too long');
    const username = String(chatId).startsWith('@') ? String(chatId).slice(1) : undefined;
    const message = {
      message_id: this.nextMessageId++,
      sender_chat: { id: -1001234567890, title: 'Fake channel', type: 'channel' },
      chat: { id: -1001234567890, title: 'Fake channel', type: 'channel', ...(username && { username }) },
      date: Math.floor(Date.now() / 1000),
      ...(kind === 'text' ? { text } : { caption: text, photo: [{ file_id: 'fake', width: 1, height: 1 }] }),
    };
    this.record({ id: String(message.message_id), account: ctx.params[0], text });
    return { status: 200, body: { ok: true, result: message } };
  }

  protected routes(): Route[] {
    return [
      {
        method: 'POST',
        path: /^\/bot([^/]+)\/sendMessage$/,
        publish: true,
        handle: (ctx) => this.send(ctx, 'text'),
      },
      {
        method: 'POST',
        path: /^\/bot([^/]+)\/sendPhoto$/,
        publish: true,
        handle: (ctx) => this.send(ctx, 'photo'),
      },
      {
        method: 'GET',
        path: /^\/bot([^/]+)\/getUpdates$/,
        handle: (ctx) =>
          this.invalidTokens.has(ctx.params[0])
            ? failure(401, 'Unauthorized')
            : { status: 200, body: { ok: true, result: [] } },
      },
      {
        method: 'GET',
        path: /^\/bot([^/]+)\/getMe$/,
        handle: () => ({
          status: 200,
          body: {
            ok: true,
            result: { id: 1, is_bot: true, first_name: 'Porte-voix', username: 'porte_voix_bot' },
          },
        }),
      },
    ];
  }
}
