import http from 'node:http';

import { bootStrapi, type TestApp } from '../../harness/strapi';

type Answer = { status: number; body: any; ms: number };

/** Sends `size` bytes of a JSON string in 16 KB chunks, with no Content-Length: Node sends it chunked. */
function postJson(baseUrl: string, path: string, size: number): Promise<Answer> {
  const started = Date.now();
  const body = Buffer.from(JSON.stringify({ data: { content: 'x'.repeat(size - 22) } }));
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    let answer: Answer | undefined;
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        answer = {
          status: response.statusCode ?? 0,
          body: text ? JSON.parse(text) : null,
          ms: Date.now() - started,
        };
        resolve(answer);
        request.destroy();
      });
    });
    // Once it has answered, the server may drop the connection on a body it will not read.
    request.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    expect(request.getHeader('content-length')).toBeUndefined();
    for (let offset = 0; offset < body.length; offset += 16_384)
      request.write(body.subarray(offset, offset + 16_384));
    request.end();
  });
}

describe('request bodies on public routes', () => {
  let app: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    app = await bootStrapi();
    baseUrl = await app.listen();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a chunked 1 MB body with no Content-Length is refused with a 413 that says the limit', async () => {
    const answer = await postJson(baseUrl, '/api/moderation/comments', 1_000_000);
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toMatch(/64KB/);
    expect(answer.ms).toBeLessThan(5_000);
  });

  it('a body just over 64 KB is refused, a body under it goes through to validation', async () => {
    expect((await postJson(baseUrl, '/api/moderation/comments', 66_000)).status).toBe(413);
    const small = await postJson(baseUrl, '/api/moderation/comments', 60_000);
    expect(small.status).toBe(400);
  });

  it('the admin keeps its larger limit for long texts', async () => {
    const answer = await postJson(baseUrl, '/admin/login', 200_000);
    expect(answer.status).not.toBe(413);
    expect(answer.status).toBeLessThan(500);
  });
});
