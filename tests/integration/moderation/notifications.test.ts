import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { comment, createPost, relaxed, setSettings } from './helpers';

/** Moderators hear about held and reported comments once per wave, by webhook and e-mail. */
describe('moderation: notifications to moderators', () => {
  let app: TestApp;
  let webhook: http.Server;
  let webhookUrl: string;
  const received: any[] = [];

  beforeAll(async () => {
    webhook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
    app = await bootStrapi();
  });
  afterAll(async () => {
    await app?.stop();
    await new Promise((resolve) => webhook.close(resolve));
  });

  it('sends one webhook call and one e-mail for a wave of held comments and reports', async () => {
    await setSettings(app.strapi, {
      ...relaxed,
      notifications: {
        // The wave must fit in the window even on a busy machine (26 requests; a second was too tight).
        debounceSeconds: 8,
        webhookUrl,
        emails: ['moderateurs@example.org'],
        adminUrl: 'https://cms.example.org/admin',
      },
    });
    const postId = (await createPost(app.strapi)).documentId;
    const published = await app.http().post('/api/moderation/comments').send(comment(postId));
    for (let i = 0; i < 25; i++) {
      await app
        .http()
        .post('/api/moderation/comments')
        .send(comment(postId, { content: `Quel crétin numéro ${'x'.repeat(i + 1)}` }))
        .expect(201);
    }
    await app
      .http()
      .post(`/api/moderation/comments/${published.body.data.id}/report`)
      .send({ data: { reason: 'spam' } })
      .expect(201);

    // One digest once the window closes (polled: a busy machine may be late), and no second one after.
    for (let waited = 0; received.length === 0 && waited < 30_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      event: 'moderation.digest',
      held: 25,
      reported: 1,
      queueUrl: 'https://cms.example.org/admin/plugins/moderation',
    });
    expect(received[0].items[0]).toMatchObject({
      kind: 'held',
      targetKey: `post:${postId}`,
      reasons: ['suspect_word'],
    });
    expect(JSON.stringify(received[0])).not.toMatch(/@example\.org/);

    const emails = app.sentEmails().filter((email) => String(email.to).includes('moderateurs@example.org'));
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe('[Moderation] 25 comments held for review, 1 report');
    expect(emails[0].text).toContain('https://cms.example.org/admin/plugins/moderation');
  });

  it('holds the comment rather than blocking when the external scorer does not answer in time', async () => {
    const slow = http.createServer((_req, res) => setTimeout(() => res.end('{"score":0}'), 6_000));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/score`;
      await setSettings(app.strapi, {
        ...relaxed,
        notifications: { webhookUrl: '', emails: [] },
        externalScorer: { enabled: true, url, timeoutMs: 100 },
      });
      const postId = (await createPost(app.strapi)).documentId;
      const started = Date.now();
      const response = await app.http().post('/api/moderation/comments').send(comment(postId));
      // The answer came long before the scorer's (6 s): the 100 ms timeout decided.
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(response.body.data.status).toBe('pending');
      const stored = await app.strapi.db
        .query('plugin::moderation.comment')
        .findOne({ where: { documentId: response.body.data.id } });
      expect(stored.reasons).toEqual([
        expect.objectContaining({ rule: 'externalScorer', code: 'scorer_unavailable' }),
      ]);
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
      await setSettings(app.strapi, { externalScorer: { enabled: false } });
    }
  });

  it('follows the external scorer when it answers', async () => {
    const scorer = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const { content } = JSON.parse(body);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ score: content.includes('toxique') ? 0.99 : 0.1, labels: ['toxicity'] }));
      });
    });
    await new Promise<void>((resolve) => scorer.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(scorer.address() as AddressInfo).port}/score`;
      await setSettings(app.strapi, { ...relaxed, externalScorer: { enabled: true, url, timeoutMs: 1_000 } });
      const postId = (await createPost(app.strapi)).documentId;
      expect((await app.http().post('/api/moderation/comments').send(comment(postId))).body.data.status).toBe(
        'approved'
      );
      const toxic = await app
        .http()
        .post('/api/moderation/comments')
        .send(comment(postId, { content: 'un message toxique' }));
      expect(toxic.body.data).toMatchObject({ status: 'rejected', rule: 'externalScorer' });
    } finally {
      await new Promise((resolve) => scorer.close(resolve));
      await setSettings(app.strapi, { externalScorer: { enabled: false } });
    }
  });
});
