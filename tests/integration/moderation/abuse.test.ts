import http from 'node:http';

import type { TestApp } from '../../harness/strapi';
import { postChunked } from '../../harness/hostile-input';
import { comment, createPost, moderationApp, setSettings } from './helpers';

/** One visitor, or one script, must not be able to block the server or hide other people's comments. */
describe('moderation: holds under abuse', () => {
  let app: TestApp;
  let baseUrl: string;
  let postId: string;
  const { submit } = moderationApp(async (session) => {
    ({ app, postId } = session);
    baseUrl = await app.listen();
  });
  const report = (id: string, body: unknown = { data: { reason: 'spam' } }) =>
    app
      .http()
      .post(`/api/moderation/comments/${id}/report`)
      .send(body as object);

  /**
   * Many requests that reach the server together: every connection is open and every header sent
   * before the first body is, so that their handlers run side by side.
   */
  const burst = async (requests: { path: string; body: unknown }[]) => {
    const agent = new http.Agent({ keepAlive: false, maxSockets: requests.length });
    const pending = requests.map(({ path, body }) => {
      const text = JSON.stringify(body);
      const request = http.request(`${baseUrl}${path}`, {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      });
      request.flushHeaders();
      const answer = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }>(
        (resolve, reject) => {
          request.on('error', reject);
          request.on('response', (response) => {
            let received = '';
            response.on('data', (chunk) => (received += chunk));
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: JSON.parse(received),
              })
            );
          });
        }
      );
      return { request, text, answer };
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const { request, text } of pending) request.end(text);
    const answers = await Promise.all(pending.map(({ answer }) => answer));
    agent.destroy();
    return answers;
  };

  /** Rate windows are per clock minute: start a burst with enough of the minute left for it. */
  const awaitFreshMinute = async () => {
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  };

  describe('request size', () => {
    it('refuses a chunked body of 1 MB with a 413, quickly', async () => {
      const content = 'a'.repeat(1_000_000);
      const body = JSON.stringify(comment(postId, { content }));
      const chunks = body.match(/[\s\S]{1,16384}/g)!;
      const started = Date.now();
      const response = await postChunked(`${baseUrl}/api/moderation/comments`, chunks);
      expect(response.status).toBe(413);
      // The host app's public body cap may answer before the plugin's own check does.
      expect(response.body.error.message).toMatch(/too large|larger than/);
      // Far below the seconds a quadratic sanitiser took on a tenth of this (not a benchmark).
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('refuses a chunked report body over 64 KB with a 413', async () => {
      const id = (await submit(comment(postId))).body.data.id;
      const body = JSON.stringify({ data: { reason: 'spam', note: '<'.repeat(200_000) } });
      const response = await postChunked(`${baseUrl}/api/moderation/comments/${id}/report`, body, 8192);
      expect(response.status).toBe(413);
    });

    it('answers a chunked body of nested markup under the limit at once', async () => {
      const content = '<a'.repeat(19_990) + '>'.repeat(19_990) + ' Bonjour';
      const body = JSON.stringify(comment(postId, { content }));
      const started = Date.now();
      const response = await postChunked(`${baseUrl}/api/moderation/comments`, body, 4096);
      expect(response.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(5_000);
      const stored = await app.strapi.db
        .query('plugin::moderation.comment')
        .findOne({ where: { documentId: response.body.data.id } });
      expect(stored.content).toBe('Bonjour');
    });

    it.each([
      ['data.authorName', { authorName: 'N'.repeat(201) }],
      ['data.authorEmail', { authorEmail: `${'e'.repeat(250)}@example.org` }],
      ['data.content', { content: 'mot '.repeat(15_001) }],
      ['data.parent', { parent: 'p'.repeat(65) }],
      ['data.target.documentId', { target: { type: 'post', documentId: 'd'.repeat(65) } }],
      ['data.locale', { locale: 'fr'.repeat(40) }],
    ])('answers a %s that is too long with a 400 naming it', async (field, overrides) => {
      const response = await submit(comment(postId, overrides));
      expect(response.status).toBe(400);
      expect(response.body.error.details).toMatchObject({ reason: 'invalid_input', field });
      expect(response.body.error.message).toContain(field);
    });

    it('answers a report note that is too long with a 400 naming it', async () => {
      const id = (await submit(comment(postId))).body.data.id;
      const response = await report(id, { data: { reason: 'other', note: 'n'.repeat(10_001) } });
      expect(response.status).toBe(400);
      expect(response.body.error.details.field).toBe('data.note');
    });

    it('answers a target or a page number that is too long with a 400 naming it', async () => {
      const target = await app.http().get(`/api/moderation/comments?target=post:${'x'.repeat(65)}`);
      expect(target.status).toBe(400);
      expect(target.body.error.details.field).toBe('target');
      const page = await app
        .http()
        .get(`/api/moderation/comments?target=post:${postId}&page=${'9'.repeat(40)}`);
      expect(page.status).toBe(400);
      expect(page.body.error.details.field).toBe('page');
    });
  });

  describe('reports', () => {
    it('counts twenty parallel reports from one address once, and the comment stays visible', async () => {
      await setSettings(app.strapi, { reports: { hideScore: 3 } });
      const post = (await createPost(app.strapi)).documentId;
      const id = (await submit(comment(post, { content: 'Un avis que certains contestent' }))).body.data.id;

      const answers = await burst(
        Array.from({ length: 20 }, () => ({
          path: `/api/moderation/comments/${id}/report`,
          body: { data: { reason: 'spam' } },
        }))
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status !== 201).every((status) => status === 200)).toBe(true);

      const stored = await app.strapi.db
        .query('plugin::moderation.comment')
        .findOne({ where: { documentId: id } });
      expect(stored).toMatchObject({ status: 'approved', reportCount: 1, reportScore: 1 });
      expect(
        await app.strapi.db.query('plugin::moderation.report').count({ where: { commentDocumentId: id } })
      ).toBe(1);
      const list = await app.http().get(`/api/moderation/comments?target=post:${post}`);
      expect(list.body.data.map((row: any) => row.id)).toEqual([id]);
    });
  });

  describe('rate limits', () => {
    it('accepts exactly the per-author limit of parallel submissions, the rest get 429 with Retry-After', async () => {
      await setSettings(app.strapi, { rateLimits: { perIpPerMinute: 0, perAuthorPerMinute: 3 } });
      await awaitFreshMinute();
      const answers = await burst(
        Array.from({ length: 10 }, (_, n) => ({
          path: '/api/moderation/comments',
          body: comment(postId, { authorEmail: 'burst@example.org', content: `Message numéro ${n} du lot` }),
        }))
      );
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
      const refused = answers.filter((answer) => answer.status !== 201);
      expect(refused).toHaveLength(7);
      for (const answer of refused) {
        expect(answer.status).toBe(429);
        expect(answer.body.error.details).toEqual({ reason: 'rate_limited', limit: 'perAuthorPerMinute' });
        expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(60);
      }
    });

    it('accepts exactly the per-address limit of parallel submissions, whoever the authors', async () => {
      await setSettings(app.strapi, { rateLimits: { perIpPerMinute: 4, perAuthorPerMinute: 0 } });
      await awaitFreshMinute();
      const answers = await burst(
        Array.from({ length: 12 }, () => ({ path: '/api/moderation/comments', body: comment(postId) }))
      );
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(4);
      for (const answer of answers.filter((answer) => answer.status !== 201)) {
        expect(answer.status).toBe(429);
        expect(answer.body.error.message).toMatch(/Too many comments from your network/);
        expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      }
    });

    it('accepts exactly the per-address limit of parallel reports', async () => {
      const ids: string[] = [];
      for (let n = 0; n < 8; n++) ids.push((await submit(comment(postId))).body.data.id);
      await setSettings(app.strapi, { rateLimits: { perIpPerMinute: 3, perAuthorPerMinute: 0 } });
      await awaitFreshMinute();
      const answers = await burst(
        ids.map((id) => ({
          path: `/api/moderation/comments/${id}/report`,
          body: { data: { reason: 'spam' } },
        }))
      );
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
      for (const answer of answers.filter((answer) => answer.status !== 201)) {
        expect(answer.status).toBe(429);
        expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      }
    });
  });
});
