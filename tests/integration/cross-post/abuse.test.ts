/**
 * Failing closed: ordinary input never gives a 500, a delivery never loops forever, credentials
 * never go to another host or account, and secrets never come back in what is stored or logged.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

import type { TestApp } from '../../harness/strapi';
import type { Fakes } from '../../fakes';
import { adminApiOnFakes, createAccount, createPost, CREDENTIALS } from './helpers';

const ACCOUNT_UID = 'plugin::cross-post.social-account';
const DELIVERY_UID = 'plugin::cross-post.delivery';

let app: TestApp;
let fakes: Fakes;
const { api, dispatchOnce } = adminApiOnFakes((session) => ({ app, fakes } = session));
const accountRow = (id: number) => app.strapi.db.query(ACCOUNT_UID).findOne({ where: { id } });
const deliveriesOf = async (documentId: string) =>
  (await api().get(`/posts/${documentId}/deliveries`)).body.data as any[];
/** Makes every waiting delivery due now, as time passing would. */
const makeDue = () =>
  app.strapi.db
    .query(DELIVERY_UID)
    .updateMany({ where: { status: 'retrying' }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

async function publish(documentId: string, accountIds: number[]) {
  const response = await api().post(`/posts/${documentId}/deliveries`, { accountIds });
  expect(response.status).toBe(201);
  await dispatchOnce();
  return deliveriesOf(documentId);
}

/** A stored ciphertext as a changed CROSS_POST_ENCRYPTION_KEY sees it: well formed, not decryptable. */
async function breakCiphertext(id: number) {
  const parts = (await accountRow(id)).credentialsEncrypted.split(':');
  parts[2] = randomBytes(16).toString('base64');
  await app.strapi.db
    .query(ACCOUNT_UID)
    .update({ where: { id }, data: { credentialsEncrypted: parts.join(':') } });
}

describe('hashtags and local errors', () => {
  it('refuses hashtags that are not words, naming the field', async () => {
    const documentId = await createPost(app.strapi, { fr: 'On parle de #c++ ce soir' });
    const write = (hashtags: unknown) =>
      app.strapi
        .documents('api::post.post' as any)
        .update({ documentId, locale: 'fr', data: { hashtags } as any });
    await expect(write(['c++'])).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/^hashtags must hold hashtags of letters, digits and _ only.*"c\+\+"/),
      details: { reason: 'invalid_input', field: 'hashtags' },
    });
    await expect(write('#velo')).rejects.toMatchObject({ details: { field: 'hashtags' } });
    await write(['#Vélo_2026', 'RoueLibre']);
  });

  it('previews a post whose hashtags, stored before they were checked, hold regex characters', async () => {
    const account = await createAccount(app.strapi, fakes, 'mastodon');
    const documentId = await createPost(app.strapi, { fr: 'On parle de #c++ ce soir' });
    await app.strapi.db
      .query('api::post.post' as any)
      .updateMany({ where: { documentId, locale: 'fr' }, data: { hashtags: ['c++', '(fr', '[x', 'a\\'] } });
    const response = await api().get(`/posts/${documentId}/preview?accountIds=${account.id}`);
    expect(response.status).toBe(200);
    expect(response.body.data[0].text).toContain('#(fr #[x #a\\');
    expect(response.body.data[0].text.match(/#c\+\+/g)).toHaveLength(1);
  });

  it('fails a delivery whose composition keeps throwing, with the reason, after a few tries', async () => {
    const compose = app.strapi.plugin('cross-post').service('compose');
    const outgoing = compose.outgoing;
    compose.outgoing = () => {
      throw new TypeError('the composer tripped over this post');
    };
    try {
      const account = await createAccount(app.strapi, fakes, 'mastodon');
      const documentId = await createPost(app.strapi, { fr: 'Composition impossible' });
      let [delivery] = await publish(documentId, [account.id]);
      for (let round = 0; round < 10 && delivery.status !== 'failed'; round++) {
        await makeDue();
        await dispatchOnce();
        [delivery] = await deliveriesOf(documentId);
      }
      expect(delivery.status).toBe('failed');
      expect(delivery.failureReason).toMatch(/the composer tripped over this post/);
      expect(delivery.attemptCount).toBeLessThanOrEqual(3);
      expect(fakes.mastodon.published).toHaveLength(0);
    } finally {
      compose.outgoing = outgoing;
    }
  });
});

describe('credentials that cannot be read (the key changed)', () => {
  it('asks for all of them again with a 400, takes them, and fails only that account meanwhile', async () => {
    const telegram = await createAccount(app.strapi, fakes, 'telegram');
    const mastodon = await createAccount(app.strapi, fakes, 'mastodon');
    await breakCiphertext(telegram.id);

    const partial = await api().put(`/accounts/${telegram.id}`, { credentials: { chatId: '@autre' } });
    expect(partial.status).toBe(400);
    expect(partial.body.error.message).toMatch(/cannot be read.*botToken/);
    expect((await api().put(`/accounts/${telegram.id}`, { name: 'Telegram renommé' })).status).toBe(200);

    const documentId = await createPost(app.strapi, { fr: 'Publié malgré un compte cassé' });
    const preview = await api().get(`/posts/${documentId}/preview?accountIds=${telegram.id},${mastodon.id}`);
    expect(preview.status).toBe(200);
    expect(preview.body.data[0].problems[0].message).toMatch(/cannot be read/);

    const deliveries = await publish(documentId, [telegram.id, mastodon.id]);
    const byNetwork = Object.fromEntries(deliveries.map((d) => [d.network, d]));
    expect(byNetwork.telegram.status).toBe('failed');
    expect(byNetwork.telegram.failureReason).toMatch(/cannot be read.*enter all of them again/);
    expect(byNetwork.mastodon.status).toBe('published');

    const reentered = await api().put(`/accounts/${telegram.id}`, { credentials: CREDENTIALS.telegram });
    expect(reentered.status).toBe(200);
    expect((await api().post(`/deliveries/${byNetwork.telegram.id}/retry`)).status).toBe(200);
    await dispatchOnce();
    const again = (await deliveriesOf(documentId)).find((d) => d.network === 'telegram');
    expect(again.status).toBe('published');
    expect(fakes.telegram.published).toHaveLength(1);
  });
});

describe('where credentials may go', () => {
  it('asks for the credentials again when the host changes, naming them', async () => {
    const account = await createAccount(app.strapi, fakes, 'mastodon');
    const before = (await accountRow(account.id)).credentialsEncrypted;
    const moved = await api().put(`/accounts/${account.id}`, { baseUrl: 'https://attacker.example' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toMatch(/baseUrl.*accessToken/);
    expect(
      (await api().put(`/accounts/${account.id}`, { baseUrl: 'https://attacker.example', credentials: {} }))
        .status
    ).toBe(400);
    const row = await accountRow(account.id);
    expect(row.baseUrl).toBe(fakes.mastodon.baseUrl);
    expect(row.credentialsEncrypted).toBe(before);

    const reentered = await api().put(`/accounts/${account.id}`, {
      baseUrl: `${fakes.mastodon.baseUrl}/`,
      name: 'same host, trailing slash',
    });
    expect(reentered.status).toBe(200);
    const elsewhere = await api().put(`/accounts/${account.id}`, {
      baseUrl: 'https://mastodon.example',
      credentials: { accessToken: 'a-token-for-that-instance' },
    });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.data.baseUrl).toBe('https://mastodon.example');
  });

  it('keeps the networks with one API host on that host', async () => {
    const refused = await api().post('/accounts', {
      network: 'telegram',
      name: 'Telegram ailleurs',
      baseUrl: 'https://attacker.example',
      credentials: CREDENTIALS.telegram,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/one API host/);

    const created = await api().post('/accounts', {
      network: 'x',
      name: 'X',
      credentials: CREDENTIALS.x,
    });
    expect(created.status).toBe(201);
    expect(created.body.data.baseUrl).toBe(fakes.x.baseUrl);
    const moved = await api().put(`/accounts/${created.body.data.id}`, {
      baseUrl: 'https://attacker.example',
      credentials: CREDENTIALS.x,
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toMatch(/one API host/);
  });

  it('does not decrypt a ciphertext copied from another account', async () => {
    const owner = await createAccount(app.strapi, fakes, 'mastodon', {
      credentials: { accessToken: 'owner-token-123456' },
    });
    const thief = await createAccount(app.strapi, fakes, 'mastodon', {
      credentials: { accessToken: 'thief-token-654321' },
    });
    await app.strapi.db.query(ACCOUNT_UID).update({
      where: { id: thief.id },
      data: { credentialsEncrypted: (await accountRow(owner.id)).credentialsEncrypted },
    });
    const documentId = await createPost(app.strapi, { fr: 'Copie de jeton' });
    const deliveries = await publish(documentId, [thief.id, owner.id]);
    expect(deliveries.find((d) => d.accountId === thief.id)).toMatchObject({ status: 'failed' });
    expect(deliveries.find((d) => d.accountId === owner.id)).toMatchObject({ status: 'published' });
    expect(fakes.mastodon.published).toHaveLength(1);
  });

  it('binds credentials stored before binding existed (v1) at boot, losing nothing', async () => {
    const account = await createAccount(app.strapi, fakes, 'mastodon', {
      credentials: { accessToken: 'legacy-token-000111' },
    });
    // The v1 format: AES-256-GCM without additional data, under the development key.
    const key = createHash('sha256').update('porte-voix-cross-post-development-only-key').digest();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([
      cipher.update('{"accessToken":"legacy-token-000111"}', 'utf8'),
      cipher.final(),
    ]);
    const legacy = [
      'v1',
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ];
    await app.strapi.db
      .query(ACCOUNT_UID)
      .update({ where: { id: account.id }, data: { credentialsEncrypted: legacy.join(':') } });

    expect(await app.strapi.plugin('cross-post').service('accounts').bindLegacyCredentials()).toMatchObject({
      bound: 1,
    });
    expect((await accountRow(account.id)).credentialsEncrypted).toMatch(/^v2:/);
    const documentId = await createPost(app.strapi, { fr: 'Ancien format' });
    const [delivery] = await publish(documentId, [account.id]);
    expect(delivery.status).toBe('published');
  });
});

describe('secrets in what is stored and logged', () => {
  it('never stores or logs the Telegram bot token an error page quotes back', async () => {
    const botToken = '987654:SECRET-bot-token-abcdef';
    const account = await createAccount(app.strapi, fakes, 'telegram', {
      credentials: { botToken, chatId: '@porte_voix' },
    });
    const logged: string[] = [];
    const spies = (['error', 'warn', 'info'] as const).map((level) =>
      jest.spyOn(app.strapi.log, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        return app.strapi.log;
      })
    );
    try {
      fakes.telegram.quotePathInNextError = true;
      const documentId = await createPost(app.strapi, { fr: 'Jeton cité' });
      const [delivery] = await publish(documentId, [account.id]);
      expect(delivery.status).toBe('failed');
      expect(delivery.failureReason).toMatch(/Not Found/);
      const stored = JSON.stringify(await deliveriesOf(documentId));
      expect(stored).toContain('Not Found');
      for (const text of [stored, JSON.stringify((await api().get('/accounts')).body), ...logged]) {
        expect(text).not.toContain('SECRET-bot-token');
      }
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  });
});
