import http from 'node:http';

import { bootStrapi, type TestApp } from '../../harness/strapi';

/**
 * Every content-API route the running app serves (the four types, the plugins, users-permissions), found
 * in Strapi's router rather than listed by hand, gets an oversized chunked body and a few hostile JSON
 * bodies: never a 500.
 */
type Route = { method: string; path: string };

const HOSTILE_BODIES: [string, string][] = [
  ['null', 'null'],
  ['a bare string', '"hello"'],
  ['an array', '[1,2,3]'],
  ['data as null', '{"data":null}'],
  ['data as a string', '{"data":"x"}'],
  ['a prototype key', '{"data":{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}}'],
  ['a NUL character', '{"data":{"content":"a\\u0000b","authorName":"\\u0000","title":"\\u0000"}}'],
  ['a lone surrogate', '{"data":{"content":"\\ud800","authorName":"\\udfff"}}'],
  ['a number too large for any column', '{"data":{"count":1e400,"capacity":99999999999999999999999}}'],
  ['nesting 2,000 deep', `{"data":${'['.repeat(2000)}${']'.repeat(2000)}}`],
  ['broken JSON', '{"data":'],
];

function send(baseUrl: string, { method, path }: Route, body: Buffer, chunked: boolean) {
  return new Promise<{ status: number; text: string }>((resolve) => {
    const request = http.request(`${baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(!chunked && { 'content-length': String(body.length) }),
      },
    });
    let status = 0;
    let text = '';
    request.on('response', (response) => {
      status = response.statusCode ?? 0;
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status, text }));
    });
    // A dropped connection is reported as status 0 with the error, so the failure names the route.
    request.on('error', (error) => resolve({ status, text: status ? text : `no answer: ${error.message}` }));
    for (let offset = 0; offset < body.length; offset += 16_384)
      request.write(body.subarray(offset, offset + 16_384));
    request.end();
  });
}

describe('every public route under hostile bodies', () => {
  let app: TestApp;
  let baseUrl: string;
  let routes: Route[];

  beforeAll(async () => {
    app = await bootStrapi();
    baseUrl = await app.listen();
    routes = app.strapi.server
      .listRoutes()
      .filter((layer: any) => layer.path.startsWith('/api/'))
      .flatMap((layer: any) =>
        (layer.methods as string[])
          .filter((method) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
          .map((method) => ({ method, path: layer.path.replace(/:[A-Za-z]+(\([^)]*\))?/g, 'x') }))
      );
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('finds the public write routes of the app and its plugins', () => {
    const paths = routes.map(({ method, path }) => `${method} ${path}`);
    expect(paths).toContain('POST /api/moderation/comments');
    expect(paths).toContain('POST /api/posts');
    expect(paths.some((path) => path.startsWith('POST /api/contests/'))).toBe(true);
  });

  it('refuses a chunked 1 MB body on every public write route (uploads have their own limit)', async () => {
    const failures: string[] = [];
    const body = Buffer.from(JSON.stringify({ data: { content: 'x'.repeat(1_000_000) } }));
    for (const route of routes.filter(({ method }) => method !== 'DELETE')) {
      const { status, text } = await send(baseUrl, route, body, true);
      const expected = route.path.startsWith('/api/upload') ? status > 0 && status < 500 : status === 413;
      if (!expected) failures.push(`${route.method} ${route.path}: ${status} ${text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers hostile JSON bodies with a 4xx, never a 500', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const [label, body] of HOSTILE_BODIES) {
        const { status, text } = await send(baseUrl, route, Buffer.from(body), false);
        if (status >= 500)
          failures.push(`${route.method} ${route.path} with ${label}: ${status} ${text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
