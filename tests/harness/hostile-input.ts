/**
 * Hostile input for the property-based tests of every public or admin route: texts with NUL, lone
 * surrogates, nested markup and injections, huge numbers, deep JSON, any JSON value, and how to send
 * them (as JSON, in chunks, in a path). The answer is always a 2xx or a 4xx with a message.
 */
import http from 'node:http';
import fc from 'fast-check';

import type { TestApp } from './strapi';

/** Texts that have broken a server somewhere: NUL, lone surrogates, markup, injections, sheer length. */
export const HOSTILE_TEXTS = [
  'nul\u0000byte',
  '\u0000',
  'lone \ud800 surrogate',
  'lone \udfff low',
  '<script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{"$gt": ""}',
  '__proto__',
  '\u202e\u200b\u0007\u001b[31m',
  'a'.repeat(6000),
];

/** Any text, binary junk, and the hostile texts, with those of the route under test (`extra`). */
export const hostileString = (...extra: string[]) =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(...HOSTILE_TEXTS, ...extra)
  );

/** Numbers at and past the edges of what JSON, JavaScript and the databases hold. */
export const hugeNumber = fc.constantFrom(
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER * 1024,
  2 ** 31,
  2 ** 64,
  2 ** 70,
  -0,
  0.5,
  1e-320
);

/** Any JSON-ish value, objects without a prototype and objects named like built-ins included. */
export const anything = fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true });

/** `{ nested: { nested: … 'bottom' } }`, `depth` levels deep. */
export const deepObject = (depth: number): unknown =>
  depth === 0 ? 'bottom' : { nested: deepObject(depth - 1) };

/** Any JSON value as a POST body, even a bare number or null. */
export const sendJson = (app: TestApp, url: string, body: unknown) =>
  app
    .http()
    .post(url)
    .set('content-type', 'application/json')
    .send(JSON.stringify(body) ?? 'null');

/** Percent-encodes a path segment, lone surrogates included (as the bytes a careless client would send). */
export const encodePath = (segment: string) =>
  segment
    .slice(0, 2000)
    .split('')
    .map((unit) => (/[\ud800-\udfff]/.test(unit) ? '%ED%A0%80' : encodeURIComponent(unit)))
    .join('');

/** A 2xx, or a 4xx with a message; never a 500. */
export const expectAnswered = (response: { status: number; body?: any }) => {
  if (response.status >= 500) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
  if (response.status >= 400) expect(typeof response.body?.error?.message).toBe('string');
};

/**
 * Raw text as a POST body, sent in chunks with no Content-Length (the server only knows its size by
 * reading it): the chunks given, or the text cut every `chunkSize` characters. Resolves with the
 * answer's status and parsed body.
 */
export const postChunked = (url: string, body: string | string[], chunkSize = 1000) =>
  new Promise<{ status: number; body: any }>((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          let parsed: any = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = { unparsable: text };
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      }
    );
    // The server may answer (413, 400) and close before the whole body is sent.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    const chunks = Array.isArray(body)
      ? body
      : Array.from({ length: Math.ceil(body.length / chunkSize) }, (_, i) =>
          body.slice(i * chunkSize, (i + 1) * chunkSize)
        );
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
