import {
  credentialsHint,
  decryptCredentials,
  decryptLegacyCredentials,
  encryptCredentials,
  encryptionKey,
  redactSecrets,
} from '../credentials';

describe('credentials at rest', () => {
  const key = encryptionKey({}, true);
  const account = { documentId: 'acc1', network: 'mastodon', baseUrl: 'https://mastodon.social' };

  it('round-trips through AES-256-GCM and never stores the plain text', () => {
    const sealed = encryptCredentials({ accessToken: 'secret-token-123' }, key, account);
    expect(sealed).not.toContain('secret-token-123');
    expect(decryptCredentials(sealed, key, account)).toEqual({ accessToken: 'secret-token-123' });
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = encryptCredentials({ accessToken: 'secret' }, key, account).split(':');
    sealed[3] = Buffer.from('tampered').toString('base64');
    expect(() => decryptCredentials(sealed.join(':'), key, account)).toThrow();
  });

  it('binds a ciphertext to its account, network and host', () => {
    const sealed = encryptCredentials({ accessToken: 'secret' }, key, account);
    expect(() => decryptCredentials(sealed, key, { ...account, documentId: 'acc2' })).toThrow();
    expect(() => decryptCredentials(sealed, key, { ...account, network: 'bluesky' })).toThrow();
    expect(() => decryptCredentials(sealed, key, { ...account, baseUrl: 'https://evil.example' })).toThrow();
    expect(decryptCredentials(sealed, key, { ...account, baseUrl: 'https://Mastodon.social/' })).toEqual({
      accessToken: 'secret',
    });
  });

  it('still reads a ciphertext written before accounts were bound (v1), with the same key only', () => {
    const { createCipheriv, randomBytes } = jest.requireActual('node:crypto');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update('{"accessToken":"old"}', 'utf8'), cipher.final()]);
    const legacy = ['v1', iv, cipher.getAuthTag(), body].map((p) => p.toString('base64')).join(':');
    expect(decryptLegacyCredentials(`v1:${legacy.slice(legacy.indexOf(':') + 1)}`, key)).toEqual({
      accessToken: 'old',
    });
    expect(() => decryptCredentials(legacy, key, account)).toThrow();
    expect(() => decryptLegacyCredentials(legacy, Buffer.alloc(32, 7))).toThrow();
  });

  it('takes only a real 32-byte key, in base64 or hex, and says how to make one', () => {
    const bytes = Buffer.alloc(32, 9);
    expect(encryptionKey({ CROSS_POST_ENCRYPTION_KEY: bytes.toString('base64') }, false)).toEqual(bytes);
    expect(encryptionKey({ CROSS_POST_ENCRYPTION_KEY: bytes.toString('hex') }, false)).toEqual(bytes);
    for (const weak of ['x'.repeat(40), 'hunter2', Buffer.alloc(16).toString('base64'), 'é'.repeat(44)]) {
      expect(() => encryptionKey({ CROSS_POST_ENCRYPTION_KEY: weak }, true)).toThrow(
        /32 bytes.*openssl rand -base64 32/
      );
    }
  });

  it('refuses to run without a key where development defaults are not allowed', () => {
    expect(() => encryptionKey({}, false)).toThrow(/CROSS_POST_ENCRYPTION_KEY.*openssl rand -base64 32/);
  });

  it('shows public fields and at most the end of a secret', () => {
    const hint = credentialsHint({ accessToken: 'abcdefghijklmnop', author: 'urn:li:person:1' }, [
      { name: 'accessToken', secret: true, required: true },
      { name: 'author', secret: false, required: true },
    ]);
    expect(hint).toEqual({ accessToken: '••••mnop', author: 'urn:li:person:1' });
  });

  it('never cuts a character of a secret in two (PostgreSQL refuses half of one in JSON)', () => {
    const fields = [{ name: 'botToken', secret: true, required: true }];
    const hint = credentialsHint({ botToken: 'abcdefghijkl\u{10000}\u{10000}x' }, fields);
    expect(hint.botToken).toBe('••••l\u{10000}\u{10000}x');
    // Half of a character is not text: encodeURIComponent throws on it.
    expect(() => encodeURIComponent(hint.botToken)).not.toThrow();
    // Twelve characters, though more UTF-16 units: too short to show any.
    expect(credentialsHint({ botToken: '\u{10000}'.repeat(12) }, fields).botToken).toBe('••••');
  });

  it('takes every secret out of a text, quoted plain, URL-encoded or in a bot path', () => {
    const fields = [
      { name: 'botToken', secret: true, required: true },
      { name: 'chatId', secret: false, required: true },
    ];
    const text = redactSecrets(
      'POST /bot12:AB CD/sendMessage failed; token 12:AB CD, or 12%3AAB%20CD, session sess-9999 for @chan',
      { botToken: '12:AB CD', chatId: '@chan', session: 'sess-9999' },
      fields
    );
    expect(text).not.toMatch(/AB CD|AB%20CD|sess-9999/);
    expect(text).toContain('@chan');
  });
});
