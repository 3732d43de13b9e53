/**
 * What every fake network shares: a plain node http server, routes, controllable failures on the
 * publish endpoints, optional per-account windows, and a record of every post that went online.
 *
 * Failures (answered by the next publish requests, in order, or at random):
 * - 'rate-limit': the network's own 429 (headers, body and wait unit);
 * - 'server-error': a 5xx in the network's shape;
 * - 'slow': answers after `slowMs` (the post still goes online, as it would);
 * - 'drop-after-accept': the post goes online, then the connection is destroyed without an answer;
 * - 'drop-before-store': the connection is destroyed before anything is stored (the client cannot tell).
 * The metrics reads (routes marked `metrics`) answer their own scripted failures (`failNextRead`).
 *
 * Engagement: every counter a fake serves grows with the post's age on the fake's clock (`grown`),
 * the same for every caller at the same moment; `advanceTime` moves that clock, `deletePost` makes a
 * post disappear as a deletion on the network would.
 *
 * The development demo's past: cross-post's demo history records posts "published" on the demo
 * accounts before any fake ran, with remote ids that carry their publication time. Each fake answers
 * for those ids as for its own posts, with the counters and follower counts of the demo's audience
 * (plugins/cross-post/server/src/demo/audience.ts), so the collector reads the history on.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

import { DEMO } from '../../plugins/cross-post/server/src/demo-accounts';
import { demoCountersAt, demoFollowersAt } from '../../plugins/cross-post/server/src/demo/audience';
import { demoPublishedAt } from '../../plugins/cross-post/server/src/demo/remote-ids';
import type { MetricCounters, NetworkId } from '../../plugins/cross-post/server/src/providers/types';

/**
 * Scripted answers to a publish: the network's 429 or 5xx before anything is stored; a slow answer
 * (`slowMs` before storing); a dropped connection after storing; a 504 after storing (a gateway
 * timing out while the network went on); an answer `slowMs` after storing; a dropped connection before
 * storing.
 */
export type Failure =
  | 'rate-limit'
  | 'server-error'
  | 'slow'
  | 'drop-after-accept'
  | 'store-then-error'
  | 'slow-after-store'
  | 'drop-before-store';

export type Reply = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: Buffer | string;
};

export type RequestContext = {
  method: string;
  url: URL;
  params: string[];
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** Bearer token, if any. */
  token?: string;
  json(): any;
  form(): Record<string, string>;
  multipart(): {
    fields: Record<string, string>;
    files: { name: string; filename: string; type: string; data: Buffer }[];
  };
  /** JSON, form or multipart fields, whichever the request used. */
  fields(): Record<string, any>;
};

export type Route = {
  method: string;
  path: RegExp;
  /** Publish endpoints are the ones that answer scripted failures and count posts. */
  publish?: boolean;
  /** Metrics reads (engagement, followers, updates): they answer the failures of `failNextRead`. */
  metrics?: boolean;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
};

export type PublishedPost = {
  id: string;
  account: string;
  text: string;
  at: number;
  idempotencyKey?: string;
  /** What it answers, for a reply (the network's own id of the parent). */
  inReplyTo?: string;
};

/** A request as the fake saw it: when it arrived and, once answered (or dropped), when it left. */
export type FakeRequest = { method: string; path: string; query?: string; at: number; answeredAt?: number };

export type FakeOptions = {
  /** Added to every answer. */
  latencyMs: number;
  /** Share of publish requests answered with a 429 (0–1). */
  rateLimitRate: number;
  /** The wait a random or scripted 429 asks for. */
  rateLimitWaitMs: number;
  /** Optional per-account window on publish endpoints, as the network enforces it. */
  window?: { limit: number; windowMs: number };
  slowMs: number;
  /** How long a new post stays out of the network's own searches and timelines (eventual consistency). */
  lookupLagMs?: number;
};

export abstract class FakeNetwork {
  abstract readonly network: string;
  readonly published: PublishedPost[] = [];
  readonly requests: FakeRequest[] = [];
  options: FakeOptions = { latencyMs: 0, rateLimitRate: 0, rateLimitWaitMs: 1000, slowMs: 20_000 };
  /** How many 429s were answered, scripted or random. */
  rateLimitedCount = 0;
  /** How far the fake's clock runs ahead of the real one (`advanceTime`). */
  clockOffsetMs = 0;
  private readonly bornAt = Date.now();
  private server?: http.Server;
  private readonly scripted: Failure[] = [];
  private readonly scriptedReads: ('rate-limit' | 'server-error')[] = [];
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly sockets = new Set<import('node:net').Socket>();
  private readonly deletedDemoPosts = new Set<string>();
  baseUrl = '';

  protected abstract routes(): Route[];
  /** The network's 429, asking to wait `waitMs`. */
  protected abstract rateLimited(waitMs: number): Reply;
  protected abstract serverError(): Reply;
  /** Which account a request acts for (the window key), from its credentials. */
  protected abstract accountOf(ctx: RequestContext): string | undefined;
  /** Headers the network sends on every successful publish (remaining quota). */
  protected quotaHeaders(_remaining: number, _resetAt: number): Record<string, string> {
    return {};
  }

  /** The fake's now: real time plus `advanceTime`. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Whether a post created at `createdAtMs` shows in the network's searches yet (`lookupLagMs`). */
  protected visibleInLookups(createdAtMs: number): boolean {
    return Date.now() - createdAtMs >= (this.options.lookupLagMs ?? 0);
  }

  /** What a gateway in front of the network answers when the network is slower than its timeout. */
  protected gatewayTimeout(): Reply {
    return { status: 504, body: { error: 'Gateway Timeout', message: 'The upstream server timed out.' } };
  }

  /** Moves the fake's clock: posts age, their counters grow, windows (X's 30 days) close. */
  advanceTime(ms: number): this {
    this.clockOffsetMs += ms;
    return this;
  }

  /** Deletes a post as its author would on the network; false when there was none. */
  deletePost(_remoteId: string): boolean {
    return false;
  }

  /**
   * A counter that grows with the post's age, fast in the first two days then slowly, scaled per
   * (post, counter) so posts differ: deterministic, so two reads at the same moment agree.
   */
  grown(createdAtMs: number, key: string, perHour: number): number {
    const hours = Math.max(0, (this.now() - createdAtMs) / 3_600_000);
    const spread = 0.5 + (stableHash(key) % 101) / 100;
    return Math.floor(perHour * spread * (24 * (1 - Math.exp(-hours / 24)) + 0.05 * hours));
  }

  /** When a post of the demo's past went out (ms), or undefined when `remoteId` is none or was deleted. */
  protected demoPostAt(remoteId: string): number | undefined {
    if (this.deletedDemoPosts.has(remoteId)) return undefined;
    return demoPublishedAt(this.network, remoteId, this.now()) ?? undefined;
  }

  /** The counters the demo's audience gave a post of the demo's past by now. */
  protected demoCounters(remoteId: string, publishedAt: number): MetricCounters {
    return demoCountersAt(this.network as NetworkId, remoteId, publishedAt, this.now());
  }

  /** Deletes a post of the demo's past, as `deletePost` does the fake's own; false when it is none. */
  protected deleteDemoPost(remoteId: string): boolean {
    if (this.demoPostAt(remoteId) === undefined) return false;
    this.deletedDemoPosts.add(remoteId);
    return true;
  }

  /** The credentials of this network's demo account (cross-post's demo-accounts.ts). */
  protected demoCredentials(): Record<string, string> {
    return DEMO.find((demo) => demo.network === this.network)?.credentials ?? {};
  }

  /** An account's followers: the demo audience's for the demo account, `followersOf` for any other. */
  protected followersFor(accountKey: string, isDemoAccount: boolean): number {
    const demo = isDemoAccount ? demoFollowersAt(this.network as NetworkId, this.now()) : null;
    return demo ?? this.followersOf(accountKey);
  }

  /** An account's followers: a few hundred to a few thousand, gaining some every hour on the fake's clock. */
  followersOf(accountKey: string): number {
    const hours = Math.max(0, (this.now() - this.bornAt) / 3_600_000);
    const seed = stableHash(accountKey);
    return 300 + (seed % 4700) + Math.floor(hours * (1 + (seed % 5)));
  }

  /** The next `count` metrics reads answer `failure` (the network's own 429, or its 5xx). */
  failNextRead(failure: 'rate-limit' | 'server-error', count = 1): this {
    for (let i = 0; i < count; i++) this.scriptedReads.push(failure);
    return this;
  }

  /** The next `count` publish requests answer `failure`. */
  failNext(failure: Failure, count = 1): this {
    for (let i = 0; i < count; i++) this.scripted.push(failure);
    return this;
  }

  configure(options: Partial<FakeOptions>): this {
    Object.assign(this.options, options);
    return this;
  }

  reset(): this {
    this.published.length = 0;
    this.requests.length = 0;
    this.scripted.length = 0;
    this.scriptedReads.length = 0;
    this.windows.clear();
    this.deletedDemoPosts.clear();
    this.rateLimitedCount = 0;
    this.clockOffsetMs = 0;
    this.options = { latencyMs: 0, rateLimitRate: 0, rateLimitWaitMs: 1000, slowMs: 20_000 };
    this.resetState();
    return this;
  }

  protected resetState(): void {}

  /** A WebSocket upgrade on this fake's port: true when the network took it (Discord's gateway). */
  protected upgrade(_req: IncomingMessage, _socket: import('node:stream').Duplex, _head: Buffer): boolean {
    return false;
  }

  /** Posts per text, to find duplicates. */
  duplicates(): string[] {
    const seen = new Map<string, number>();
    for (const p of this.published)
      seen.set(`${p.account}\u0000${p.text}`, (seen.get(`${p.account}\u0000${p.text}`) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([key]) => key.split('\u0000')[1]);
  }

  protected record(post: Omit<PublishedPost, 'at' | 'id'> & { id?: string }): PublishedPost {
    const entry = { id: post.id ?? randomUUID(), at: Date.now(), ...post } as PublishedPost;
    this.published.push(entry);
    return entry;
  }

  async start(port = 0): Promise<string> {
    const routes = this.routes();
    this.server = http.createServer((req, res) => {
      this.serve(routes, req, res).catch((error) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: 'FakeFailure', message: String(error?.stack ?? error) }));
        }
      });
    });
    this.server.keepAliveTimeout = 5_000;
    // A network with a push connection (Discord's gateway) takes the WebSocket upgrades; others refuse them.
    this.server.on('upgrade', (req, socket, head) => {
      if (!this.upgrade(req, socket, head)) socket.destroy();
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async serve(routes: Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const ctx = makeContext(req, url, Buffer.concat(chunks));
    const request: FakeRequest = {
      method: ctx.method,
      path: url.pathname,
      query: url.search,
      at: Date.now(),
    };
    this.requests.push(request);
    try {
      await this.answer(routes, ctx, req, res);
    } finally {
      request.answeredAt = Date.now();
    }
  }

  /**
   * Requests to `path` (the whole path, or a pattern) on the wire: arrived at most `arrivedWithinMs`
   * ago and not answered yet (with `latencyMs` set, they will still be unanswered for a while).
   */
  onTheWire(path: string | RegExp, arrivedWithinMs: number): number {
    const since = Date.now() - arrivedWithinMs;
    const matches = (p: string) => (typeof path === 'string' ? p === path : path.test(p));
    return this.requests.filter((r) => matches(r.path) && r.answeredAt === undefined && r.at >= since).length;
  }

  private async answer(
    routes: Route[],
    ctx: RequestContext,
    req: IncomingMessage,
    res: ServerResponse
  ): Promise<void> {
    const url = ctx.url;
    if (this.options.latencyMs > 0) await sleep(this.options.latencyMs);

    if (url.pathname.startsWith('/__fake/')) return send(res, this.control(ctx));

    const route = this.match(routes, ctx);
    if (!route)
      return send(res, {
        status: 404,
        body: { error: 'NotFound', message: `${ctx.method} ${url.pathname}` },
      });

    if (route.metrics) {
      const failure = this.scriptedReads.shift();
      if (failure === 'rate-limit') {
        this.rateLimitedCount++;
        return send(res, this.rateLimited(this.options.rateLimitWaitMs));
      }
      if (failure === 'server-error') return send(res, this.serverError());
    }

    if (route.publish) {
      const failure =
        this.scripted.shift() ?? (Math.random() < this.options.rateLimitRate ? 'rate-limit' : undefined);
      if (failure === 'rate-limit') {
        this.rateLimitedCount++;
        return send(res, this.rateLimited(this.options.rateLimitWaitMs));
      }
      if (failure === 'server-error') return send(res, this.serverError());
      if (failure === 'drop-before-store') {
        req.socket.destroy();
        return;
      }
      const account = this.accountOf(ctx);
      const windowReply = account ? this.countInWindow(account) : undefined;
      if (isReply(windowReply)) return send(res, windowReply);
      if (failure === 'slow') await sleep(this.options.slowMs);
      const reply = await route.handle(ctx);
      if (failure === 'drop-after-accept') {
        req.socket.destroy();
        return;
      }
      if (failure === 'store-then-error') return send(res, this.gatewayTimeout());
      if (failure === 'slow-after-store') await sleep(this.options.slowMs);
      if (windowReply) reply.headers = { ...windowReply, ...reply.headers };
      return send(res, reply);
    }
    return send(res, await route.handle(ctx));
  }

  /** The route for a request (its params set on `ctx`), if any. */
  protected match(routes: Route[], ctx: RequestContext): Route | undefined {
    for (const candidate of routes) {
      const match = candidate.method === ctx.method ? candidate.path.exec(ctx.url.pathname) : null;
      if (match) {
        ctx.params = match.slice(1);
        return candidate;
      }
    }
    return undefined;
  }

  /** Counts a publish in its account's fixed window; a 429 once the window is full. */
  private countInWindow(account: string): Reply | Record<string, string> | undefined {
    const window = this.options.window;
    if (!window) return undefined;
    const now = Date.now();
    let current = this.windows.get(account);
    if (!current || now >= current.start + window.windowMs) {
      current = { start: now - (now % window.windowMs), count: 0 };
      this.windows.set(account, current);
    }
    const resetAt = current.start + window.windowMs;
    if (current.count >= window.limit) {
      this.rateLimitedCount++;
      return this.rateLimited(resetAt - now);
    }
    current.count++;
    return this.quotaHeaders(window.limit - current.count, resetAt);
  }

  /** `/__fake/*`: the same controls over HTTP, for `npm run fakes` and other processes. */
  private control(ctx: RequestContext): Reply {
    const path = ctx.url.pathname;
    if (path === '/__fake/published')
      return { status: 200, body: { count: this.published.length, published: this.published } };
    if (path === '/__fake/reset' && ctx.method === 'POST') {
      this.reset();
      return { status: 204 };
    }
    if (path === '/__fake/fail' && ctx.method === 'POST') {
      const { failure, count } = ctx.json();
      this.failNext(failure, Number(count) || 1);
      return { status: 204 };
    }
    if (path === '/__fake/configure' && ctx.method === 'POST') {
      this.configure(ctx.json());
      return { status: 204 };
    }
    if (path === '/__fake/fail-read' && ctx.method === 'POST') {
      const { failure, count } = ctx.json();
      this.failNextRead(failure, Number(count) || 1);
      return { status: 204 };
    }
    if (path === '/__fake/advance' && ctx.method === 'POST') {
      this.advanceTime(Number(ctx.json().ms) || 0);
      return { status: 204 };
    }
    if (path === '/__fake/delete' && ctx.method === 'POST') {
      return this.deletePost(String(ctx.json().remoteId)) ? { status: 204 } : { status: 404 };
    }
    return { status: 404, body: { error: 'unknown control' } };
  }
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && typeof (value as Reply).status === 'number';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const headers = { ...reply.headers };
  let payload: Buffer | string | undefined = reply.raw;
  if (payload === undefined && reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** A request made inside another one (a Graph batch's sub-requests), with the outer request's credentials. */
export function innerContext(outer: RequestContext, method: string, relativeUrl: string): RequestContext {
  const url = new URL(relativeUrl.startsWith('/') ? relativeUrl : `/${relativeUrl}`, 'http://fake');
  return makeContext(
    { method, headers: { authorization: outer.headers.authorization } } as IncomingMessage,
    url,
    Buffer.alloc(0)
  );
}

/** A small non-cryptographic hash (FNV-1a), for deterministic per-post variation. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function makeContext(req: IncomingMessage, url: URL, body: Buffer): RequestContext {
  const authorization = req.headers.authorization ?? '';
  const contentType = req.headers['content-type'] ?? '';
  const ctx: RequestContext = {
    method: req.method ?? 'GET',
    url,
    params: [],
    headers: req.headers,
    body,
    token: authorization.startsWith('Bearer ') ? authorization.slice(7) : undefined,
    json: () => (body.length > 0 ? JSON.parse(body.toString('utf8')) : {}),
    form: () => Object.fromEntries(new URLSearchParams(body.toString('utf8'))),
    multipart: () => parseMultipart(body, contentType),
    fields() {
      if (contentType.startsWith('multipart/form-data')) return ctx.multipart().fields;
      if (contentType.startsWith('application/x-www-form-urlencoded')) return ctx.form();
      return ctx.json();
    },
  };
  return ctx;
}

function parseMultipart(body: Buffer, contentType: string) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const fields: Record<string, string> = {};
  const files: { name: string; filename: string; type: string; data: Buffer }[] = [];
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const head = part.subarray(0, headerEnd).toString('utf8');
      const data = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
      const filename = /filename="([^"]*)"/.exec(head)?.[1];
      if (filename !== undefined) {
        files.push({
          name,
          filename,
          type: /Content-Type:\s*(\S+)/i.exec(head)?.[1] ?? 'application/octet-stream',
          data,
        });
      } else {
        fields[name] = data.toString('utf8');
      }
    }
    start = next;
  }
  return { fields, files };
}

const segmenter = new (Intl as any).Segmenter('und', { granularity: 'grapheme' });
/** Grapheme count, with URLs counted as `urlLength` when given (the fakes count on their own, not with the plugin's code). */
export function graphemeCount(text: string, urlLength?: number): number {
  const counted = urlLength === undefined ? text : text.replace(/https?:\/\/\S+/g, 'u'.repeat(urlLength));
  return Array.from(segmenter.segment(counted)).length;
}
