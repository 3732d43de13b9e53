/** The admin API as the side panel, the settings page and automations use it. */
import type { TestApp } from '../../harness/strapi';
import type { Fakes } from '../../fakes';
import { adminApiOnFakes, createAccount, createPost, CREDENTIALS } from './helpers';

let app: TestApp;
let fakes: Fakes;
const { api, dispatchOnce } = adminApiOnFakes((session) => ({ app, fakes } = session));

describe('accounts', () => {
  it('stores credentials encrypted and never returns them', async () => {
    const created = await api().post('/accounts', {
      network: 'mastodon',
      name: 'Mastodon FR',
      baseUrl: fakes.mastodon.baseUrl,
      language: 'fr',
      credentials: { accessToken: 'very-secret-token-9876' },
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain('very-secret-token');
    expect(created.body.data.credentialsHint).toEqual({ accessToken: '••••9876' });

    const row = await app.strapi.db
      .query('plugin::cross-post.social-account')
      .findOne({ where: { id: created.body.data.id } });
    expect(row.credentialsEncrypted).toMatch(/^v2:/);
    expect(row.credentialsEncrypted).not.toContain('very-secret-token');

    const listed = await api().get('/accounts');
    expect(JSON.stringify(listed.body)).not.toContain('very-secret-token');
    expect(JSON.stringify(listed.body)).not.toContain('credentialsEncrypted');

    const renamed = await api().put(`/accounts/${created.body.data.id}`, { name: 'Mastodon Paris' });
    expect(renamed.body.data).toMatchObject({
      name: 'Mastodon Paris',
      credentialsHint: { accessToken: '••••9876' },
    });
    expect((await api().del(`/accounts/${created.body.data.id}`)).status).toBe(200);
    expect((await api().del(`/accounts/${created.body.data.id}`)).status).toBe(404);
  });

  it.each([
    [{ network: 'myspace', name: 'x', credentials: {} }, /network must be one of/],
    [{ network: 'mastodon', name: 'x', baseUrl: 'ftp://x', credentials: { accessToken: 't' } }, /baseUrl/],
    [{ network: 'mastodon', name: 'x', credentials: {} }, /needs: accessToken/],
    [{ network: 'telegram', name: '', credentials: CREDENTIALS.telegram }, /name is required/],
    [{ network: 'mastodon', name: 'x', credentials: 'token' }, /credentials must be an object/],
    [
      { network: 'wordpress', name: 'blog', credentials: { username: 'u', appPassword: 'p' } },
      /address of the WordPress site/,
    ],
  ])('rejects a bad account with a clear 400 (%#)', async (body, message) => {
    const response = await api().post('/accounts', body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });

  it('needs the manage-accounts permission', async () => {
    const editor = await app.adminToken({ roleCode: 'strapi-editor' });
    const response = await app
      .http()
      .post('/cross-post/accounts')
      .set('Authorization', `Bearer ${editor}`)
      .send({ network: 'mastodon', name: 'x', credentials: { accessToken: 't' } });
    expect(response.status).toBe(403);
    expect((await app.http().get('/cross-post/deliveries')).status).toBe(401);
  });
});

describe('deliveries', () => {
  it('publishes in each account language with UTM parameters, once per account however often it is asked', async () => {
    const fr = await createAccount(app.strapi, fakes, 'mastodon', { language: 'fr' });
    const en = await createAccount(app.strapi, fakes, 'telegram', { language: 'en' });
    const documentId = await createPost(app.strapi, {
      fr: 'Le festival ouvre ses portes',
      en: 'The festival opens its doors',
      link: 'https://porte-voix.example/festival',
    });

    const first = await api().post(`/posts/${documentId}/deliveries`, { accountIds: [fr.id, en.id] });
    expect(first.status).toBe(201);
    const again = await api().post(`/posts/${documentId}/deliveries`, { accountIds: [fr.id, en.id] });
    expect(again.body.data.map((d: any) => d.id).sort()).toEqual(
      first.body.data.map((d: any) => d.id).sort()
    );

    await dispatchOnce();
    const deliveries = (await api().get(`/posts/${documentId}/deliveries`)).body.data;
    expect(deliveries.map((d: any) => d.status)).toEqual(['published', 'published']);
    expect(deliveries[0].attempts.map((a: any) => a.outcome)).toContain('published');
    expect(fakes.mastodon.published).toHaveLength(1);
    expect(fakes.mastodon.published[0].text).toMatch(/^Le festival ouvre ses portes/);
    expect(fakes.mastodon.published[0].text).toContain('utm_source=mastodon&utm_medium=social');
    expect(fakes.telegram.published[0].text).toMatch(/^The festival opens its doors/);

    await api().post(`/posts/${documentId}/deliveries`, { accountIds: [fr.id] });
    await dispatchOnce();
    expect(fakes.mastodon.published).toHaveLength(1);
  });

  it('keeps one delivery per (post, account) in the database itself', async () => {
    const account = await createAccount(app.strapi, fakes, 'discord');
    const documentId = await createPost(app.strapi, { fr: 'Unique' });
    const scheduled = await api().post(`/posts/${documentId}/deliveries`, {
      accountIds: [account.id],
      scheduledAt: '2030-01-01T09:00:00Z',
    });
    expect(scheduled.status).toBe(201);
    const duplicate = app.strapi.db.query('plugin::cross-post.delivery').create({
      data: {
        postDocumentId: documentId,
        accountId: account.id,
        network: 'discord',
        status: 'scheduled',
        scheduledAt: new Date(),
        idempotencyKey: 'k',
      },
    });
    const error = await duplicate.then(
      () => null,
      (e: Error) => e
    );
    expect(String(error)).toMatch(/unique|duplicate/i);
    expect(
      await app.strapi.db
        .query('plugin::cross-post.delivery')
        .count({ where: { postDocumentId: documentId } })
    ).toBe(1);
  });

  it('cancels, retries, and explains what cannot be done', async () => {
    const account = await createAccount(app.strapi, fakes, 'linkedin');
    const documentId = await createPost(app.strapi, { fr: 'Annulable' });
    const [delivery] = (
      await api().post(`/posts/${documentId}/deliveries`, {
        accountIds: [account.id],
        scheduledAt: '2030-01-01T09:00:00+01:00',
      })
    ).body.data;
    expect(delivery).toMatchObject({ status: 'scheduled', scheduledAt: '2030-01-01T08:00:00.000Z' });

    expect((await api().post(`/deliveries/${delivery.id}/cancel`)).body.data.status).toBe('cancelled');
    const retried = await api().post(`/deliveries/${delivery.id}/retry`);
    expect(retried.body.data.status).toBe('scheduled');
    await dispatchOnce();
    expect(fakes.linkedin.published).toHaveLength(1);

    const cancelPublished = await api().post(`/deliveries/${delivery.id}/cancel`);
    expect(cancelPublished.status).toBe(400);
    expect(cancelPublished.body.error.message).toMatch(/already published/);
    expect((await api().post(`/deliveries/${delivery.id}/retry`)).status).toBe(400);
    expect((await api().post('/deliveries/999999/cancel')).status).toBe(404);
    expect((await api().post('/deliveries/abc/cancel')).status).toBe(400);
  });

  it('rejects bad schedule requests with clear messages', async () => {
    const documentId = await createPost(app.strapi, { fr: 'Mauvaise requête' });
    const cases: [object, RegExp][] = [
      [{}, /accountIds is required/],
      [{ accountIds: [] }, /at least one account/],
      [{ accountIds: [1], scheduledAt: 'tomorrow' }, /ISO time/],
      [{ accountIds: [424242] }, /Unknown account/],
    ];
    for (const [body, message] of cases) {
      const response = await api().post(`/posts/${documentId}/deliveries`, body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    expect((await api().post('/posts/nope/deliveries', { accountIds: [1] })).status).toBe(404);
  });

  it('lists deliveries for the calendar by period, status, network and campaign', async () => {
    const account = await createAccount(app.strapi, fakes, 'facebook');
    const documentId = await createPost(app.strapi, { fr: 'Calendrier' });
    await api().post(`/posts/${documentId}/deliveries`, {
      accountIds: [account.id],
      scheduledAt: '2031-03-10T10:00:00Z',
    });
    const inRange = await api().get(
      '/deliveries?from=2031-03-01T00:00:00Z&to=2031-03-31T23:59:59Z&status=scheduled&network=facebook'
    );
    expect(inRange.body.data).toHaveLength(1);
    expect(inRange.body.data[0]).toMatchObject({ postDocumentId: documentId, network: 'facebook' });
    expect(
      (await api().get('/deliveries?from=2031-04-01T00:00:00Z&to=2031-04-30T00:00:00Z')).body.data
    ).toHaveLength(0);
    const bad = await api().get('/deliveries?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status must be among/);
  });

  it("previews each account's text with the network's counter and problems", async () => {
    const bluesky = await createAccount(app.strapi, fakes, 'bluesky');
    const x = await createAccount(app.strapi, fakes, 'x');
    const documentId = await createPost(app.strapi, { fr: '日本'.repeat(100) });
    const preview = (await api().get(`/posts/${documentId}/preview?accountIds=${bluesky.id},${x.id}`)).body
      .data;
    expect(preview[0]).toMatchObject({ network: 'bluesky', length: 200, limit: 300, problems: [] });
    expect(preview[1]).toMatchObject({ network: 'x', length: 400, limit: 280 });
    expect(preview[1].problems[0].message).toMatch(/X allows 280/);
  });
});

describe('failures as an editor sees them', () => {
  it('waits for the rate limit of the account, in its own unit, without sending anything meanwhile', async () => {
    const account = await createAccount(app.strapi, fakes, 'discord');
    const a = await createPost(app.strapi, { fr: 'Premier message' });
    const b = await createPost(app.strapi, { fr: 'Second message' });
    fakes.discord.configure({ rateLimitWaitMs: 60_000 }).failNext('rate-limit');
    await api().post(`/posts/${a}/deliveries`, { accountIds: [account.id] });
    await api().post(`/posts/${b}/deliveries`, { accountIds: [account.id] });
    await dispatchOnce();
    const requestsAfterLimit = fakes.discord.requests.length;
    await dispatchOnce();
    expect(fakes.discord.requests.length).toBe(requestsAfterLimit);
    const [first] = (await api().get(`/posts/${a}/deliveries`)).body.data;
    expect(first.status).toBe('retrying');
    expect(Date.parse(first.nextAttemptAt) - Date.now()).toBeGreaterThan(50_000);
    const accounts = (await api().get('/accounts')).body.data;
    expect(accounts.find((x: any) => x.id === account.id).rateLimitedUntil).toBeTruthy();
  });

  it("stops at the end of the network's quota without waiting for a 429", async () => {
    const account = await createAccount(app.strapi, fakes, 'mastodon', {
      credentials: { accessToken: 'quota-token' },
    });
    fakes.mastodon.configure({ window: { limit: 2, windowMs: 60_000 } });
    const posts = [];
    for (const text of ['Quota un', 'Quota deux', 'Quota trois'])
      posts.push(await createPost(app.strapi, { fr: text }));
    for (const documentId of posts)
      await api().post(`/posts/${documentId}/deliveries`, { accountIds: [account.id] });
    await dispatchOnce();
    await dispatchOnce();
    expect(fakes.mastodon.published).toHaveLength(2);
    expect(fakes.mastodon.rateLimitedCount).toBe(0);
    const [third] = (await api().get(`/posts/${posts[2]}/deliveries`)).body.data;
    expect(third.status).toBe('scheduled');
    const waiting = (await api().get('/accounts')).body.data.find((a: any) => a.id === account.id);
    expect(waiting.rateLimitReason).toMatch(/quota used up/);
    // The fake's window ends at the next full minute, maybe a second from now: the third delivery
    // must not go out during a later test.
    expect((await api().post(`/deliveries/${third.id}/cancel`)).body.data.status).toBe('cancelled');
  });

  it('fails a rejected post with a reason an editor can act on', async () => {
    const account = await createAccount(app.strapi, fakes, 'telegram', {
      credentials: { botToken: 'revoked', chatId: '@c' },
    });
    fakes.telegram.invalidTokens.add('revoked');
    const documentId = await createPost(app.strapi, { fr: 'Refusé' });
    await api().post(`/posts/${documentId}/deliveries`, { accountIds: [account.id] });
    await dispatchOnce();
    const [delivery] = (await api().get(`/posts/${documentId}/deliveries`)).body.data;
    expect(delivery.status).toBe('failed');
    expect(delivery.failureReason).toMatch(/bot token/);
  });

  it('marks a dropped publication unconfirmed, then finds it online instead of sending it twice', async () => {
    const account = await createAccount(app.strapi, fakes, 'x');
    const documentId = await createPost(app.strapi, { fr: 'Connexion coupée après acceptation' });
    fakes.x.failNext('drop-after-accept');
    await api().post(`/posts/${documentId}/deliveries`, { accountIds: [account.id] });
    await dispatchOnce();
    let [delivery] = (await api().get(`/posts/${documentId}/deliveries`)).body.data;
    expect(delivery.status).toBe('unconfirmed');
    await dispatchOnce();
    [delivery] = (await api().get(`/posts/${documentId}/deliveries`)).body.data;
    expect(delivery.status).toBe('published');
    expect(delivery.remoteId).toBe(fakes.x.published[0].id);
    expect(fakes.x.published).toHaveLength(1);
    expect(delivery.attempts.map((a: any) => a.outcome)).toEqual(['unknown', 'reconciled']);
  });

  it('re-sends with the same idempotency key on Mastodon after a dropped connection', async () => {
    const account = await createAccount(app.strapi, fakes, 'mastodon');
    const documentId = await createPost(app.strapi, { fr: 'Idempotent' });
    fakes.mastodon.failNext('drop-after-accept');
    await api().post(`/posts/${documentId}/deliveries`, { accountIds: [account.id] });
    await dispatchOnce();
    await new Promise((r) => setTimeout(r, 1_100));
    await dispatchOnce();
    const [delivery] = (await api().get(`/posts/${documentId}/deliveries`)).body.data;
    expect(delivery.status).toBe('published');
    expect(fakes.mastodon.published).toHaveLength(1);
    expect(fakes.mastodon.requests.filter((r) => r.path === '/api/v1/statuses')).toHaveLength(2);
  });
});
