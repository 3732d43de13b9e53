/**
 * Private conversations as Meta's Graph serves them, for the Facebook fake (Messenger) and the
 * Instagram fake (Instagram direct messages): `GET /{owner-id}/conversations?platform=…` (most recently
 * updated first, each with its newest messages, `after` paging), `GET /{conversation-id}/messages`,
 * and the Send API (`POST /{owner-id}/messages`, a publish endpoint) that refuses an answer more than
 * 24 hours after the person's last message (code 10 with the platform's subcode); `refused` answers
 * as a token without the messaging permission would.
 */
import type { Reply, RequestContext, Route } from './base';

/** Graph writes times as `2026-01-05T10:00:00+0000`. */
const graphMs = (value: string) => Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
const stableNumber = (key: string) => [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

type StoredMessage = { id: string; message: string; fromOwner: boolean; created_time: string };
/** What makes a cursor as long as Graph's. */
const CURSOR_PADDING = 'QVFIUmxaV0ZqZAzRmUWNqTjQ5UGxFVG9pM0k3OWhFVUNxX0lNaWJOUEp3R2ZAZAR2dNaGZAxekx5MzRn';

type Conversation = { id: string; owner: string; person: string; name: string; messages: StoredMessage[] };

export type MessagingOptions = {
  platform: 'messenger' | 'instagram';
  /** How the sender is named in `from`: `name` (Messenger) or `username` (Instagram). */
  nameField: 'name' | 'username';
  /** The owner's own name in `from`. */
  ownerName: string;
  /** The Send API's text limit. */
  maxCharacters: number;
  /** Graph's subcode for an answer outside the 24-hour window. */
  windowSubcode: number;
  /** The error for a token without the messaging permission. */
  refusal: () => Reply;
  graphError: (status: number, code: number, message: string, extra?: Record<string, unknown>) => Reply;
  /** Path pattern with the version (`/v23.0` or none) in front of `re`. */
  path: (re: string) => RegExp;
  versionPath: string;
  baseUrl: () => string;
  now: () => number;
  nextId: () => number;
  unauthorized: (ctx: RequestContext) => Reply | undefined;
  missing: (id: string) => Reply;
  /** Called for every answer sent (the fake's published list). */
  sent: (entry: { id: string; account: string; text: string; inReplyTo: string }) => void;
};

export class MetaMessaging {
  private conversations = new Map<string, Conversation>();
  /** Refuses the conversations and the Send API, as for a token without the messaging permission. */
  refused = false;

  constructor(private readonly o: MessagingOptions) {}

  /**
   * A person's message to the owner (`fromOwner`: the owner's own, written in its inbox), in their
   * conversation, `ageMs` ago on the fake's clock. Answers the conversation, the person's id and the message id.
   */
  add(
    owner: string,
    message: { text: string; name?: string; fromOwner?: boolean; ageMs?: number }
  ): { conversationId: string; psid: string; messageId: string } {
    const name = message.name ?? 'lectrice';
    const person = String(24_000_000_000_000 + (stableNumber(`${owner}:${name}`) % 1_000_000_000));
    const conversation = this.conversationWith(owner, person, name);
    const messageId = this.store(conversation, message.text, !!message.fromOwner, message.ageMs ?? 0);
    return { conversationId: conversation.id, psid: person, messageId };
  }

  /** A conversation's messages as stored, oldest first. */
  messages(conversationId: string) {
    return this.conversations.get(conversationId)?.messages ?? [];
  }

  reset() {
    this.conversations.clear();
    this.refused = false;
  }

  routes(): Route[] {
    return [
      {
        method: 'GET',
        path: this.o.path('/([^/]+)/conversations'),
        metrics: true,
        handle: (ctx) => this.o.unauthorized(ctx) ?? this.listConversations(ctx),
      },
      {
        method: 'GET',
        path: this.o.path('/(t_[^/]+)/messages'),
        handle: (ctx) => this.o.unauthorized(ctx) ?? this.listMessages(ctx),
      },
      {
        method: 'POST',
        path: this.o.path('/([^/]+)/messages'),
        publish: true,
        handle: (ctx) => this.o.unauthorized(ctx) ?? this.send(ctx),
      },
    ];
  }

  private conversationWith(owner: string, person: string, name: string) {
    const found = [...this.conversations.values()].find((c) => c.owner === owner && c.person === person);
    if (found) return found;
    const conversation = { id: `t_${this.o.nextId()}`, owner, person, name, messages: [] };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  private store(conversation: Conversation, text: string, fromOwner: boolean, ageMs = 0): string {
    const id = `m_${Buffer.from(String(this.o.nextId())).toString('base64url')}`;
    const created = new Date(Math.floor((this.o.now() - ageMs) / 1000) * 1000)
      .toISOString()
      .replace('.000Z', '+0000');
    conversation.messages.push({ id, message: text, fromOwner, created_time: created });
    conversation.messages.sort((a, b) => graphMs(a.created_time) - graphMs(b.created_time));
    return id;
  }

  private messageJson(conversation: Conversation, fields: string) {
    return (m: StoredMessage) => ({
      id: m.id,
      ...(fields.includes('message') && { message: m.message }),
      ...(fields.includes('created_time') && { created_time: m.created_time }),
      ...(fields.includes('from') && {
        from: m.fromOwner
          ? { id: conversation.owner, [this.o.nameField]: this.o.ownerName }
          : { id: conversation.person, [this.o.nameField]: conversation.name },
      }),
    });
  }

  /** Graph's offset paging: `after` is the base64 index of the last item of the page before. */
  private paged<T>(list: T[], limit: number, after: string | null, next: (after: string) => string) {
    const start = after ? Number(Buffer.from(after, 'base64').toString('utf8').split('|')[0]) + 1 : 0;
    const page = list.slice(start, start + limit);
    // Graph's cursors are long opaque tokens (a hundred characters and more): so are these.
    const cursor = (index: number) => Buffer.from(`${index}|${CURSOR_PADDING}`).toString('base64');
    return {
      page,
      paging: {
        ...(page.length > 0 && {
          cursors: { before: cursor(start), after: cursor(start + page.length - 1) },
        }),
        ...(start + limit < list.length && { next: next(cursor(start + page.length - 1)) }),
      },
    };
  }

  /** `?platform=…&fields=updated_time,messages.limit(n){…}`: most recently updated first, `limit` (25, 100 at most) a page. */
  private listConversations(ctx: RequestContext): Reply {
    if (this.refused) return this.o.refusal();
    const params = ctx.url.searchParams;
    const owner = ctx.params[0];
    if (params.get('platform') !== this.o.platform)
      return this.o.graphError(400, 100, '(#100) The parameter platform is required');
    const limit = Math.min(100, Math.max(1, Number(params.get('limit') ?? 25) || 25));
    const fields = params.get('fields') ?? '';
    const nested = /messages(?:\.limit\((\d+)\))?(?:\{([^}]*)\})?/.exec(fields);
    const list = [...this.conversations.values()]
      .filter((c) => c.owner === owner && c.messages.length > 0)
      .map((c) => ({ c, updated: c.messages[c.messages.length - 1].created_time }))
      .sort((a, b) => graphMs(b.updated) - graphMs(a.updated));
    const { page, paging } = this.paged(
      list,
      limit,
      params.get('after'),
      (after) =>
        `${this.o.baseUrl()}${this.o.versionPath}/${owner}/conversations?platform=${this.o.platform}&limit=${limit}&after=${after}`
    );
    return {
      status: 200,
      body: {
        data: page.map(({ c, updated }) => ({
          id: c.id,
          ...(fields.includes('updated_time') && { updated_time: updated }),
          ...(nested && { messages: this.messagesBody(c, Number(nested[1] ?? 25), null, nested[2] ?? 'id') }),
        })),
        paging,
      },
    };
  }

  private listMessages(ctx: RequestContext): Reply {
    if (this.refused) return this.o.refusal();
    const conversation = this.conversations.get(ctx.params[0]);
    if (!conversation) return this.o.missing(ctx.params[0]);
    const params = ctx.url.searchParams;
    return {
      status: 200,
      body: this.messagesBody(
        conversation,
        Number(params.get('limit') ?? 25) || 25,
        params.get('after'),
        params.get('fields') ?? 'id'
      ),
    };
  }

  /** A conversation's messages, newest first, as Graph pages them. */
  private messagesBody(conversation: Conversation, limit: number, after: string | null, fields: string) {
    const newestFirst = [...conversation.messages].reverse();
    const { page, paging } = this.paged(
      newestFirst,
      Math.min(100, Math.max(1, limit)),
      after,
      (cursor) =>
        `${this.o.baseUrl()}${this.o.versionPath}/${conversation.id}/messages?limit=${limit}&after=${cursor}`
    );
    return { data: page.map(this.messageJson(conversation, fields)), paging };
  }

  /**
   * The Send API: `{recipient:{id}, messaging_type?, message:{text}}` to a person who wrote to the
   * owner; only within 24 hours of their last message. Answers `{recipient_id, message_id}`.
   */
  private send(ctx: RequestContext): Reply {
    if (this.refused) return this.o.refusal();
    const { recipient, messaging_type: type = 'RESPONSE', message } = ctx.json();
    const conversation = [...this.conversations.values()].find(
      (c) => c.owner === ctx.params[0] && c.person === String(recipient?.id ?? '')
    );
    if (!conversation)
      return this.o.graphError(400, 100, '(#100) No matching user found', { error_subcode: 2018001 });
    if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(type))
      return this.o.graphError(
        400,
        100,
        '(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}'
      );
    const text = String(message?.text ?? '');
    if (!text || Array.from(text).length > this.o.maxCharacters)
      return this.o.graphError(
        400,
        100,
        `(#100) Length of param message[text] must be less than or equal to ${this.o.maxCharacters}`
      );
    const lastFromPerson = conversation.messages.filter((m) => !m.fromOwner).pop();
    if (!lastFromPerson || this.o.now() - graphMs(lastFromPerson.created_time) > 24 * 3_600_000)
      return this.o.graphError(400, 10, '(#10) This message is sent outside of allowed window.', {
        error_subcode: this.o.windowSubcode,
      });
    const id = this.store(conversation, text, true);
    this.o.sent({ id, account: conversation.owner, text, inReplyTo: conversation.person });
    return { status: 200, body: { recipient_id: conversation.person, message_id: id } };
  }
}
