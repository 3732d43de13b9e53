/**
 * Bluesky PDS: sessions (access JWT expires with 400 ExpiredToken), createRecord/putRecord, RateLimit-*
 * headers; getPosts (at most 25 URIs, deleted posts left out) with counts growing with age, getProfile.
 * The chat (`chat.bsky.convo.*`) as the PDS proxies it to the chat service: only with the header
 * `atproto-proxy: did:web:api.bsky.chat#bsky_chat` (without it the PDS does not know the method), and
 * only for an app password allowed direct messages (else 400 "Bad token scope").
 */
import { randomBytes } from 'node:crypto';

import { FakeNetwork, graphemeCount, type Reply, type RequestContext, type Route } from './base';
import { matchesQuery, parseQuery } from './search-query';

type Session = { did: string; handle: string; accessJwt: string; refreshJwt: string };

const CHAT_PROXY = 'did:web:api.bsky.chat#bsky_chat';
/** The chat log's page, as the chat service answers `getLog`. */
const CHAT_LOG_PAGE = 50;

type ChatMember = { did: string; handle: string; displayName: string };
type ChatMessage = { id: string; rev: string; text: string; sender: { did: string }; sentAt: string };
type ChatEvent = { rev: string; convoId: string; message: ChatMessage };

const xrpcError = (status: number, error: string, message: string): Reply => ({
  status,
  body: { error, message },
});

export class BlueskyFake extends FakeNetwork {
  readonly network = 'bluesky';
  /** identifier → app password; any identifier is accepted with any non-empty password unless listed. */
  readonly passwords = new Map<string, string>();
  private sessionsByAccess = new Map<string, Session>();
  private sessionsByRefresh = new Map<string, Session>();
  private expiredAccess = new Set<string>();
  private records = new Map<
    string,
    { uri: string; cid: string; value: any; handle: string; indexedAt: string }
  >();
  sessionsCreated = 0;
  sessionsRefreshed = 0;
  /** Notifications per account DID, oldest first. */
  private notifications = new Map<string, any[]>();
  private lastIndexedAt = 0;
  /** Thread gates by URI (`at://did/app.bsky.feed.threadgate/rkey`). */
  private gates = new Map<string, any>();
  /** Conversations by id, with their two members. */
  private convos = new Map<string, { id: string; members: ChatMember[] }>();
  /** Every chat message ever sent, in the order of their revisions. */
  private chatLog: ChatEvent[] = [];
  private chatRev = 0;
  /** Identifiers whose app password was created without access to direct messages. */
  readonly withoutChat = new Set<string>();

  private nextChatRev(): string {
    return `3l${(this.chatRev++).toString(36).padStart(11, '0')}`;
  }

  /**
   * A reader's chat message to the account that logs in with `identifier`, in their conversation
   * (opened on the first message); with `byAccount`, the account's own message to that reader, as
   * written in a Bluesky app. Answers the conversation's and the message's ids.
   */
  addChatMessage(identifier: string, message: { text: string; handle?: string; byAccount?: boolean }) {
    const handle = message.handle ?? 'lectrice.bsky.social';
    const reader: ChatMember = { did: this.didOf(handle), handle, displayName: handle.split('.')[0] };
    const account: ChatMember = { did: this.didOf(identifier), handle: identifier, displayName: identifier };
    const convo = [...this.convos.values()].find((c) =>
      [reader.did, account.did].every((did) => c.members.some((m) => m.did === did))
    ) ?? { id: `convo${randomBytes(5).toString('hex')}`, members: [account, reader] };
    this.convos.set(convo.id, convo);
    const rev = this.nextChatRev();
    const chat: ChatMessage = {
      id: `msg${randomBytes(6).toString('hex')}`,
      rev,
      text: message.text,
      sender: { did: message.byAccount ? account.did : reader.did },
      sentAt: new Date(this.now()).toISOString(),
    };
    this.chatLog.push({ rev, convoId: convo.id, message: chat });
    return { convoId: convo.id, messageId: chat.id };
  }

  /** The messages of a conversation, oldest first (the account's answers among them). */
  chatMessages(convoId: string): ChatMessage[] {
    return this.chatLog.filter((e) => e.convoId === convoId).map((e) => e.message);
  }

  /** The session of a chat call, proxied to the chat service by the PDS, or the exact error. */
  private chatSession(ctx: RequestContext): Session | Reply {
    if (ctx.headers['atproto-proxy'] !== CHAT_PROXY)
      return xrpcError(501, 'MethodNotImplemented', 'Method Not Implemented');
    const session = this.authed(ctx);
    if ('status' in session) return session;
    if (this.withoutChat.has(session.handle)) return xrpcError(400, 'InvalidToken', 'Bad token scope');
    return session;
  }

  private convoOf(session: Session, convoId: string | null) {
    const convo = convoId ? this.convos.get(convoId) : undefined;
    return convo?.members.some((m) => m.did === session.did) ? convo : undefined;
  }

  /** How many times each account read its chat log from the very start (no cursor). */
  readonly chatLogsFromStart = new Map<string, number>();

  /**
   * `chat.bsky.convo.getLog`: the events of the account's conversations after `cursor` (from the
   * start without one), oldest first, a page at a time, with the cursor of the last one.
   */
  private getChatLog(ctx: RequestContext): Reply {
    const session = this.chatSession(ctx);
    if ('status' in session) return session;
    const cursor = ctx.url.searchParams.get('cursor') ?? '';
    if (!cursor)
      this.chatLogsFromStart.set(session.handle, (this.chatLogsFromStart.get(session.handle) ?? 0) + 1);
    const mine = this.chatLog.filter((e) => this.convoOf(session, e.convoId));
    const page = mine.filter((e) => e.rev > cursor).slice(0, CHAT_LOG_PAGE);
    return {
      status: 200,
      body: {
        logs: page.map((e) => ({
          $type: 'chat.bsky.convo.defs#logCreateMessage',
          rev: e.rev,
          convoId: e.convoId,
          message: { $type: 'chat.bsky.convo.defs#messageView', ...e.message },
        })),
        ...((page.length || cursor) && { cursor: page.length ? page[page.length - 1].rev : cursor }),
      },
    };
  }

  /** `chat.bsky.convo.listConvos`: the account's conversations, the latest revision first. */
  private listConvos(ctx: RequestContext): Reply {
    const session = this.chatSession(ctx);
    if ('status' in session) return session;
    const limit = Number(ctx.url.searchParams.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return xrpcError(400, 'InvalidRequest', 'limit must be an integer between 1 and 100');
    const convos = [...this.convos.values()]
      .filter((c) => this.convoOf(session, c.id))
      .map((c) => {
        const last = this.chatMessages(c.id).pop()!;
        return {
          id: c.id,
          rev: last.rev,
          members: c.members,
          lastMessage: last,
          muted: false,
          unreadCount: 0,
        };
      })
      .sort((a, b) => b.rev.localeCompare(a.rev));
    return { status: 200, body: { convos: convos.slice(0, limit) } };
  }

  private chatRoutes(): Route[] {
    return [
      {
        method: 'GET',
        path: /^\/xrpc\/chat\.bsky\.convo\.getLog$/,
        handle: (ctx) => this.getChatLog(ctx),
      },
      {
        method: 'GET',
        path: /^\/xrpc\/chat\.bsky\.convo\.listConvos$/,
        handle: (ctx) => this.listConvos(ctx),
      },
      {
        method: 'GET',
        path: /^\/xrpc\/chat\.bsky\.convo\.getConvo$/,
        handle: (ctx) => {
          const session = this.chatSession(ctx);
          if ('status' in session) return session;
          const convo = this.convoOf(session, ctx.url.searchParams.get('convoId'));
          if (!convo) return xrpcError(400, 'InvalidRequest', 'Convo not found');
          const last = this.chatMessages(convo.id).pop();
          return {
            status: 200,
            body: { convo: { id: convo.id, rev: last?.rev ?? '', members: convo.members, muted: false } },
          };
        },
      },
      {
        // Newest first, `limit` 1–100 (50 by default), a cursor for the page below.
        method: 'GET',
        path: /^\/xrpc\/chat\.bsky\.convo\.getMessages$/,
        handle: (ctx) => {
          const session = this.chatSession(ctx);
          if ('status' in session) return session;
          const convo = this.convoOf(session, ctx.url.searchParams.get('convoId'));
          if (!convo) return xrpcError(400, 'InvalidRequest', 'Convo not found');
          const limit = Number(ctx.url.searchParams.get('limit') ?? 50);
          if (!Number.isInteger(limit) || limit < 1 || limit > 100)
            return xrpcError(400, 'InvalidRequest', 'limit must be an integer between 1 and 100');
          const cursor = ctx.url.searchParams.get('cursor');
          const below = this.chatMessages(convo.id)
            .reverse()
            .filter((m) => !cursor || m.rev < cursor);
          const page = below.slice(0, limit);
          return {
            status: 200,
            body: {
              messages: page.map((m) => ({ $type: 'chat.bsky.convo.defs#messageView', ...m })),
              ...(below.length > limit && { cursor: page[page.length - 1].rev }),
            },
          };
        },
      },
      {
        // The chat has no idempotency key: each call is one more message.
        method: 'POST',
        path: /^\/xrpc\/chat\.bsky\.convo\.sendMessage$/,
        publish: true,
        handle: (ctx) => {
          const session = this.chatSession(ctx);
          if ('status' in session) return session;
          const { convoId, message } = ctx.json();
          const convo = this.convoOf(session, convoId);
          if (!convo) return xrpcError(400, 'InvalidRequest', 'Convo not found');
          const text = message?.text;
          if (typeof text !== 'string' || !text)
            return xrpcError(400, 'InvalidRequest', 'Input/message/text must be a string');
          if (graphemeCount(text) > 1000)
            return xrpcError(
              400,
              'InvalidRequest',
              'Input/message/text must not be longer than 1000 graphemes'
            );
          const rev = this.nextChatRev();
          const sent: ChatMessage = {
            id: `msg${randomBytes(6).toString('hex')}`,
            rev,
            text,
            sender: { did: session.did },
            sentAt: new Date(this.now()).toISOString(),
          };
          this.chatLog.push({ rev, convoId: convo.id, message: sent });
          this.record({ id: sent.id, account: session.did, text, inReplyTo: `chat:${convo.id}` });
          return { status: 200, body: { $type: 'chat.bsky.convo.defs#messageView', ...sent } };
        },
      },
    ];
  }

  /** The replies hidden in the thread our post `postUri` started. */
  hiddenReplies(postUri: string): string[] {
    return (
      this.gates.get(postUri.replace('/app.bsky.feed.post/', '/app.bsky.feed.threadgate/'))?.hiddenReplies ??
      []
    );
  }

  /** Posts our accounts liked (the like records' subjects). */
  readonly liked = new Set<string>();
  /** Records deleted through `deleteRecord`, by URI, in order. */
  readonly deleted: string[] = [];

  /** The DID this fake gives the account that logs in with `identifier`. */
  didOf(identifier: string): string {
    return `did:plc:${Buffer.from(identifier).toString('hex').slice(0, 24)}`;
  }

  /**
   * A reader's post replying to `parentUri` (a reply notification for the account that logs in with
   * `identifier`), or mentioning the account when there is no parent. Answers its URI.
   */
  addReply(
    identifier: string,
    reply: { text: string; parentUri?: string; handle?: string; langs?: string[] }
  ): string {
    const handle = reply.handle ?? 'lectrice.bsky.social';
    const author = { did: this.didOf(handle), handle, displayName: handle.split('.')[0] };
    // Distinct, increasing index times, as the AppView's.
    const indexedAt = new Date(
      (this.lastIndexedAt = Math.max(this.now(), this.lastIndexedAt + 1))
    ).toISOString();
    const parent = reply.parentUri ? this.records.get(reply.parentUri) : undefined;
    const parentRef = parent ? { uri: parent.uri, cid: parent.cid } : undefined;
    const record = {
      $type: 'app.bsky.feed.post',
      text: reply.text,
      createdAt: indexedAt,
      ...(reply.langs && { langs: reply.langs }),
      ...(parentRef && { reply: { root: parent!.value?.reply?.root ?? parentRef, parent: parentRef } }),
    };
    const uri = `at://${author.did}/app.bsky.feed.post/3${randomBytes(6).toString('hex')}`;
    const cid = `bafyrei${randomBytes(16).toString('hex')}`;
    this.records.set(uri, { uri, cid, value: record, handle, indexedAt });
    const did = this.didOf(identifier);
    const list = this.notifications.get(did) ?? [];
    list.push({
      uri,
      cid,
      author,
      reason: parentRef ? 'reply' : 'mention',
      ...(parentRef && { reasonSubject: parentRef.uri }),
      record,
      isRead: false,
      indexedAt,
      labels: [],
    });
    this.notifications.set(did, list);
    return uri;
  }

  /** Posts anyone wrote, as the AppView's search indexes them (oldest first). */
  private searchable: any[] = [];

  /** A post by a reader, found by `app.bsky.feed.searchPosts`; answers its URI. */
  addPublicPost(post: { text: string; handle?: string; langs?: string[]; at?: number }): string {
    const handle = post.handle ?? 'lectrice.bsky.social';
    const author = { did: this.didOf(handle), handle, displayName: handle.split('.')[0] };
    const indexedAt = new Date(
      (this.lastIndexedAt = Math.max(post.at ?? this.now(), this.lastIndexedAt + 1))
    ).toISOString();
    const uri = `at://${author.did}/app.bsky.feed.post/3${randomBytes(6).toString('hex')}`;
    const record = {
      $type: 'app.bsky.feed.post',
      text: post.text,
      createdAt: indexedAt,
      ...(post.langs && { langs: post.langs }),
    };
    this.searchable.push({
      uri,
      cid: `bafyrei${randomBytes(16).toString('hex')}`,
      author,
      record,
      indexedAt,
      replyCount: 0,
      repostCount: 0,
      likeCount: 0,
      labels: [],
    });
    return uri;
  }

  /**
   * `app.bsky.feed.searchPosts`: `q` (required; terms, "phrases", OR, -exclusions), `sort` latest
   * (newest first, the default) or top, `since` (inclusive) and `until` (exclusive) on the post's
   * time, `lang`, `limit` 1–100 (25 by default), and an opaque `cursor` for the next page down,
   * answered while there is more.
   */
  private searchPosts(ctx: RequestContext): Reply {
    const session = this.authed(ctx);
    if ('status' in session) return session;
    const params = ctx.url.searchParams;
    const q = params.get('q');
    if (!q) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "q"');
    const limit = Number(params.get('limit') ?? 25);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return xrpcError(400, 'InvalidRequest', 'Error: limit must be an integer between 1 and 100');
    const since = params.get('since') ? Date.parse(params.get('since')!) : -Infinity;
    const until = params.get('until') ? Date.parse(params.get('until')!) : Infinity;
    const lang = params.get('lang');
    const parsed = parseQuery(q);
    const hits = [...this.searchable].reverse().filter((post) => {
      const at = Date.parse(post.indexedAt);
      return (
        at >= since &&
        at < until &&
        (!lang || (post.record.langs ?? []).includes(lang)) &&
        matchesQuery(parsed, post.record.text)
      );
    });
    const offset = Number(params.get('cursor') ?? 0) || 0;
    const page = hits.slice(offset, offset + limit);
    return {
      status: 200,
      body: {
        posts: page,
        hitsTotal: hits.length,
        ...(offset + limit < hits.length && { cursor: String(offset + limit) }),
      },
    };
  }

  /** A like notification (never an inbox item). */
  addLike(identifier: string, subjectUri: string): void {
    const did = this.didOf(identifier);
    const indexedAt = new Date(
      (this.lastIndexedAt = Math.max(this.now(), this.lastIndexedAt + 1))
    ).toISOString();
    const list = this.notifications.get(did) ?? [];
    list.push({
      uri: `at://did:plc:liker/app.bsky.feed.like/3${randomBytes(6).toString('hex')}`,
      cid: `bafyrei${randomBytes(16).toString('hex')}`,
      author: { did: 'did:plc:liker', handle: 'liker.bsky.social' },
      reason: 'like',
      reasonSubject: subjectUri,
      record: { $type: 'app.bsky.feed.like', subject: { uri: subjectUri }, createdAt: indexedAt },
      isRead: false,
      indexedAt,
    });
    this.notifications.set(did, list);
  }

  /** The record at `uri` as stored (a reply's `reply.root` and `reply.parent`), if any. */
  recordAt(uri: string): any {
    return this.records.get(uri)?.value;
  }

  /**
   * `app.bsky.notification.listNotifications`: newest first, `limit` 1–100 (50 by default), `reasons`
   * to keep only some, `cursor` (answered with every page that has more below it) for the next page
   * down.
   */
  private listNotifications(ctx: RequestContext): Reply {
    const session = this.authed(ctx);
    if ('status' in session) return session;
    const params = ctx.url.searchParams;
    const limit = Number(params.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return xrpcError(400, 'InvalidRequest', 'limit must be an integer between 1 and 100');
    const reasons = params.getAll('reasons');
    const cursor = params.get('cursor');
    const below = cursor ? Number(cursor) : Infinity;
    const list = [...(this.notifications.get(session.did) ?? [])]
      .reverse()
      .filter((n) => (reasons.length === 0 || reasons.includes(n.reason)) && Date.parse(n.indexedAt) < below);
    const page = list.slice(0, limit);
    const more = list.length > limit;
    return {
      status: 200,
      body: {
        notifications: page,
        ...(more && { cursor: String(Date.parse(page[page.length - 1].indexedAt)) }),
        priority: false,
        seenAt: new Date(this.now()).toISOString(),
      },
    };
  }

  protected resetState(): void {
    this.convos.clear();
    this.chatLog = [];
    this.withoutChat.clear();
    this.chatLogsFromStart.clear();
    this.searchable = [];
    this.notifications.clear();
    this.lastIndexedAt = 0;
    this.liked.clear();
    this.gates.clear();
    this.deleted.length = 0;
    this.passwords.clear();
    this.sessionsByAccess.clear();
    this.sessionsByRefresh.clear();
    this.expiredAccess.clear();
    this.records.clear();
    this.sessionsCreated = 0;
    this.sessionsRefreshed = 0;
  }

  deletePost(remoteId: string): boolean {
    return this.records.delete(remoteId) || this.deleteDemoPost(remoteId);
  }

  /** A record of this PDS, or a post of the demo's past (its record key says when it was made). */
  private recordOf(uri: string) {
    const own = this.records.get(uri);
    if (own) return own;
    const at = this.demoPostAt(uri);
    if (at === undefined) return undefined;
    const indexedAt = new Date(at).toISOString();
    return {
      uri,
      cid: `bafyrei${Buffer.from(uri).toString('hex').slice(-32)}`,
      value: { $type: 'app.bsky.feed.post', text: '', createdAt: indexedAt },
      handle: this.demoCredentials().identifier ?? 'porte-voix.demo',
      indexedAt,
      demo: true,
    };
  }

  /** Every access token issued so far now answers 400 ExpiredToken. */
  expireAccessTokens(): void {
    for (const token of this.sessionsByAccess.keys()) this.expiredAccess.add(token);
  }

  protected accountOf(ctx: RequestContext) {
    return this.sessionsByAccess.get(ctx.token ?? '')?.did;
  }

  protected rateLimited(waitMs: number): Reply {
    const seconds = Math.ceil(waitMs / 1000);
    return {
      status: 429,
      headers: {
        'RateLimit-Limit': '5000',
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': String(Math.floor((Date.now() + waitMs) / 1000)),
        'RateLimit-Policy': '5000;w=3600',
        'Retry-After': String(seconds),
      },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    };
  }

  protected serverError(): Reply {
    return xrpcError(500, 'InternalServerError', 'Internal Server Error');
  }

  protected quotaHeaders(remaining: number, resetAt: number) {
    const limit = this.options.window?.limit ?? 5000;
    return {
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(Math.floor(resetAt / 1000)),
      'RateLimit-Policy': `${limit};w=${Math.round((this.options.window?.windowMs ?? 3_600_000) / 1000)}`,
    };
  }

  private newSession(did: string, handle: string): Session {
    const session = {
      did,
      handle,
      accessJwt: `acc-${randomBytes(12).toString('hex')}`,
      refreshJwt: `ref-${randomBytes(12).toString('hex')}`,
    };
    this.sessionsByAccess.set(session.accessJwt, session);
    this.sessionsByRefresh.set(session.refreshJwt, session);
    return session;
  }

  /** The session behind the access token, or the PDS's exact error. */
  private authed(ctx: RequestContext): Session | Reply {
    if (!ctx.token) return xrpcError(401, 'AuthMissing', 'Authentication Required');
    if (this.expiredAccess.has(ctx.token)) return xrpcError(400, 'ExpiredToken', 'Token has expired');
    const session = this.sessionsByAccess.get(ctx.token);
    return session ?? xrpcError(400, 'InvalidToken', 'Token could not be verified');
  }

  private writeRecord(ctx: RequestContext, upsert: boolean): Reply {
    const session = this.authed(ctx);
    if ('status' in session) return session;
    const input = ctx.json();
    if (input.repo !== session.did) return xrpcError(400, 'InvalidRequest', 'Invalid repo');
    if (input.collection === 'app.bsky.feed.threadgate') {
      const postUri = `at://${session.did}/app.bsky.feed.post/${input.rkey}`;
      if (input.record?.post !== postUri)
        return xrpcError(
          400,
          'InvalidRequest',
          'Invalid app.bsky.feed.threadgate record: post must match the record key'
        );
      if ((input.record.hiddenReplies ?? []).length > 300)
        return xrpcError(
          400,
          'InvalidRequest',
          'Invalid app.bsky.feed.threadgate record: hiddenReplies must not have more than 300 elements'
        );
      const uri = `at://${session.did}/app.bsky.feed.threadgate/${input.rkey}`;
      this.gates.set(uri, input.record);
      return { status: 200, body: { uri, cid: `bafyrei${randomBytes(16).toString('hex')}` } };
    }
    if (input.collection === 'app.bsky.feed.like') {
      const subject = input.record?.subject;
      if (!subject?.uri || !subject?.cid || this.records.get(subject.uri)?.cid !== subject.cid)
        return xrpcError(
          400,
          'InvalidRequest',
          'Invalid app.bsky.feed.like record: subject must be a strong ref'
        );
      this.liked.add(subject.uri);
      const uri = `at://${session.did}/app.bsky.feed.like/3${randomBytes(6).toString('hex')}`;
      return { status: 200, body: { uri, cid: `bafyrei${randomBytes(16).toString('hex')}` } };
    }
    const text: string = input.record?.text ?? '';
    if (graphemeCount(text) > 300) {
      return xrpcError(
        400,
        'InvalidRequest',
        'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes'
      );
    }
    if (Buffer.byteLength(text) > 3000) {
      return xrpcError(
        400,
        'InvalidRequest',
        'Invalid app.bsky.feed.post record: Record/text must not be longer than 3000 characters'
      );
    }
    const rkey: string = input.rkey ?? `3${randomBytes(6).toString('hex')}`;
    const uri = `at://${session.did}/${input.collection}/${rkey}`;
    const existing = this.records.get(uri);
    if (existing && !upsert) return xrpcError(400, 'InvalidRequest', `Record already exists: ${uri}`);
    const cid = `bafyrei${randomBytes(16).toString('hex')}`;
    this.records.set(uri, {
      uri,
      cid,
      value: input.record,
      handle: session.handle,
      indexedAt: new Date().toISOString(),
    });
    // putRecord on an existing key updates it: the post is online once, not twice.
    if (!existing)
      this.record({
        id: uri,
        account: session.did,
        text,
        idempotencyKey: rkey,
        ...(input.record?.reply?.parent?.uri && { inReplyTo: input.record.reply.parent.uri }),
      });
    return {
      status: 200,
      body: {
        uri,
        cid,
        commit: { cid: `bafy${randomBytes(8).toString('hex')}`, rev: rkey },
        validationStatus: 'valid',
      },
    };
  }

  private postView(uri: string) {
    const r = this.recordOf(uri)!;
    const created = Date.parse(r.indexedAt);
    if ('demo' in r) {
      const counters = this.demoCounters(uri, created);
      return {
        uri: r.uri,
        cid: r.cid,
        author: { did: uri.split('/')[2], handle: r.handle },
        record: r.value,
        replyCount: counters.comments ?? 0,
        repostCount: counters.shares ?? 0,
        likeCount: counters.reactions ?? 0,
        quoteCount: counters.quotes ?? 0,
        bookmarkCount: counters.bookmarks ?? 0,
        indexedAt: r.indexedAt,
        labels: [],
      };
    }
    return {
      uri: r.uri,
      cid: r.cid,
      author: { did: uri.split('/')[2], handle: r.handle },
      record: r.value,
      replyCount: this.grown(created, `${uri}:replies`, 2),
      repostCount: this.grown(created, `${uri}:reposts`, 3),
      likeCount: this.grown(created, `${uri}:likes`, 10),
      quoteCount: this.grown(created, `${uri}:quotes`, 1),
      bookmarkCount: this.grown(created, `${uri}:bookmarks`, 1),
      indexedAt: r.indexedAt,
      labels: [],
    };
  }

  protected routes(): Route[] {
    return [
      ...this.chatRoutes(),
      {
        method: 'POST',
        path: /^\/xrpc\/com\.atproto\.server\.createSession$/,
        handle: (ctx) => {
          const { identifier, password } = ctx.json();
          const expected = this.passwords.get(identifier);
          if (!identifier || !password || (expected !== undefined && expected !== password)) {
            return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
          }
          this.sessionsCreated++;
          const handle = String(identifier).startsWith('did:') ? 'fake.bsky.social' : identifier;
          const did = `did:plc:${Buffer.from(handle).toString('hex').slice(0, 24)}`;
          const session = this.newSession(did, handle);
          return { status: 200, body: { ...session, active: true } };
        },
      },
      {
        method: 'POST',
        path: /^\/xrpc\/com\.atproto\.server\.refreshSession$/,
        handle: (ctx) => {
          const previous = this.sessionsByRefresh.get(ctx.token ?? '');
          if (!previous) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
          this.sessionsByRefresh.delete(ctx.token!);
          this.sessionsRefreshed++;
          return { status: 200, body: { ...this.newSession(previous.did, previous.handle), active: true } };
        },
      },
      {
        method: 'POST',
        path: /^\/xrpc\/com\.atproto\.repo\.createRecord$/,
        publish: true,
        handle: (ctx) => this.writeRecord(ctx, false),
      },
      {
        method: 'POST',
        path: /^\/xrpc\/com\.atproto\.repo\.putRecord$/,
        publish: true,
        handle: (ctx) => this.writeRecord(ctx, true),
      },
      {
        method: 'POST',
        path: /^\/xrpc\/com\.atproto\.repo\.uploadBlob$/,
        handle: (ctx) => {
          const session = this.authed(ctx);
          if ('status' in session) return session;
          if (ctx.body.length > 2_000_000)
            return xrpcError(413, 'PayloadTooLarge', 'request entity too large');
          return {
            status: 200,
            body: {
              blob: {
                $type: 'blob',
                ref: { $link: `bafkrei${randomBytes(16).toString('hex')}` },
                mimeType: ctx.headers['content-type'],
                size: ctx.body.length,
              },
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/xrpc\/app\.bsky\.actor\.getProfile$/,
        metrics: true,
        handle: (ctx) => {
          const session = this.authed(ctx);
          if ('status' in session) return session;
          const actor = ctx.url.searchParams.get('actor') ?? '';
          const owner = [...this.sessionsByAccess.values()].find(
            (s) => s.did === actor || s.handle === actor
          );
          if (!owner) return xrpcError(400, 'InvalidRequest', 'Profile not found');
          return {
            status: 200,
            body: {
              did: owner.did,
              handle: owner.handle,
              followersCount: this.followersFor(
                owner.did,
                owner.handle === this.demoCredentials().identifier
              ),
              followsCount: 150,
              postsCount: [...this.records.values()].filter((r) => r.uri.startsWith(`at://${owner.did}/`))
                .length,
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/xrpc\/app\.bsky\.feed\.getPosts$/,
        metrics: true,
        handle: (ctx) => {
          // Through the PDS (which proxies to the AppView) the call needs the session.
          const session = this.authed(ctx);
          if ('status' in session) return session;
          const uris = ctx.url.searchParams.getAll('uris');
          if (uris.length > 25)
            return xrpcError(400, 'InvalidRequest', 'uris must not have more than 25 elements');
          return {
            status: 200,
            body: { posts: uris.filter((u) => this.recordOf(u)).map((u) => this.postView(u)) },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/xrpc\/com\.atproto\.repo\.listRecords$/,
        handle: (ctx) => {
          const repo = ctx.url.searchParams.get('repo');
          const limit = Number(ctx.url.searchParams.get('limit') ?? 50);
          const records = [...this.records.values()]
            .filter((r) => r.uri.startsWith(`at://${repo}/`))
            .reverse();
          return {
            status: 200,
            body: {
              records: records.slice(0, limit).map((r) => ({ uri: r.uri, cid: r.cid, value: r.value })),
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/xrpc\/app\.bsky\.feed\.searchPosts$/,
        metrics: true,
        handle: (ctx) => this.searchPosts(ctx),
      },
      {
        method: 'GET',
        path: /^\/xrpc\/app\.bsky\.notification\.listNotifications$/,
        metrics: true,
        handle: (ctx) => this.listNotifications(ctx),
      },
      {
        method: 'GET',
        path: /^\/xrpc\/com\.atproto\.repo\.getRecord$/,
        handle: (ctx) => {
          const params = ctx.url.searchParams;
          const uri = `at://${params.get('repo')}/${params.get('collection')}/${params.get('rkey')}`;
          const value =
            params.get('collection') === 'app.bsky.feed.threadgate'
              ? this.gates.get(uri)
              : this.records.get(uri)?.value;
          return value
            ? { status: 200, body: { uri, cid: `bafyrei${randomBytes(16).toString('hex')}`, value } }
            : xrpcError(400, 'RecordNotFound', `Could not locate record: ${uri}`);
        },
      },
      {
        method: 'POST',
        path: /^\/xrpc\/com\.atproto\.repo\.deleteRecord$/,
        handle: (ctx) => {
          const session = this.authed(ctx);
          if ('status' in session) return session;
          const { repo, collection, rkey } = ctx.json();
          if (repo !== session.did) return xrpcError(400, 'InvalidRequest', 'Invalid repo');
          const uri = `at://${repo}/${collection}/${rkey}`;
          if (this.records.delete(uri)) this.deleted.push(uri);
          return {
            status: 200,
            body: { commit: { cid: `bafy${randomBytes(8).toString('hex')}`, rev: rkey } },
          };
        },
      },
    ];
  }
}
