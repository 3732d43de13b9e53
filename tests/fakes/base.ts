/**
 * What every fake network shares: a plain node http server, routes, controllable failures on the
 * publish endpoints, optional per-account windows, and a record of every post that went online.
 *
 * Failures (answered by the next publish requests, in order, or at random):
 * - 'rate-limit': the network's own 429 (headers, body and wait unit);
 * - 'server-error': a 5xx in the network's shape;
 * - 'slow': answers after `slowMs` (the post still goes online, as it would);
 * - 'drop-after-accept': the post goes online, then the connection is destroyed without an answer.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export type Failure = 'rate-limit' | 'server-error' | 'slow' | 'drop-after-accept';

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
  handle(ctx: RequestContext): Reply | Promise<Reply>;
};

export type PublishedPost = {
  id: string;
  account: string;
  text: string;
  at: number;
  idempotencyKey?: string;
};

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
};

export abstract class FakeNetwork {
  abstract readonly network: string;
  readonly published: PublishedPost[] = [];
  readonly requests: { method: string; path: string; at: number }[] = [];
  options: FakeOptions = { latencyMs: 0, rateLimitRate: 0, rateLimitWaitMs: 1000, slowMs: 20_000 };
  /** How many 429s were answered, scripted or random. */
  rateLimitedCount = 0;
  private server?: http.Server;
  private readonly scripted: Failure[] = [];
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly sockets = new Set<import('node:net').Socket>();
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
    this.windows.clear();
    this.rateLimitedCount = 0;
    this.options = { latencyMs: 0, rateLimitRate: 0, rateLimitWaitMs: 1000, slowMs: 20_000 };
    this.resetState();
    return this;
  }

  protected resetState(): void {}

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
    this.requests.push({ method: ctx.method, path: url.pathname, at: Date.now() });
    if (this.options.latencyMs > 0) await sleep(this.options.latencyMs);

    if (url.pathname.startsWith('/__fake/')) return send(res, this.control(ctx));

    let route: Route | undefined;
    for (const candidate of routes) {
      const match = candidate.method === ctx.method ? candidate.path.exec(url.pathname) : null;
      if (match) {
        route = candidate;
        ctx.params = match.slice(1);
        break;
      }
    }
    if (!route)
      return send(res, {
        status: 404,
        body: { error: 'NotFound', message: `${ctx.method} ${url.pathname}` },
      });

    if (route.publish) {
      const failure =
        this.scripted.shift() ?? (Math.random() < this.options.rateLimitRate ? 'rate-limit' : undefined);
      if (failure === 'rate-limit') {
        this.rateLimitedCount++;
        return send(res, this.rateLimited(this.options.rateLimitWaitMs));
      }
      if (failure === 'server-error') return send(res, this.serverError());
      const account = this.accountOf(ctx);
      const windowReply = account ? this.countInWindow(account) : undefined;
      if (isReply(windowReply)) return send(res, windowReply);
      if (failure === 'slow') await sleep(this.options.slowMs);
      const reply = await route.handle(ctx);
      if (failure === 'drop-after-accept') {
        req.socket.destroy();
        return;
      }
      if (windowReply) reply.headers = { ...windowReply, ...reply.headers };
      return send(res, reply);
    }
    return send(res, await route.handle(ctx));
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
