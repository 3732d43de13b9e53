import { credentialsHint, decryptCredentials, encryptCredentials, encryptionKey } from '../credentials';

describe('credentials at rest', () => {
  const key = encryptionKey({ NODE_ENV: 'development' });

  it('round-trips through AES-256-GCM and never stores the plain text', () => {
    const sealed = encryptCredentials({ accessToken: 'secret-token-123' }, key);
    expect(sealed).not.toContain('secret-token-123');
    expect(decryptCredentials(sealed, key)).toEqual({ accessToken: 'secret-token-123' });
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = encryptCredentials({ accessToken: 'secret' }, key).split(':');
    sealed[3] = Buffer.from('tampered').toString('base64');
    expect(() => decryptCredentials(sealed.join(':'), key)).toThrow();
  });

  it('refuses to run in production without a key', () => {
    expect(() => encryptionKey({ NODE_ENV: 'production' })).toThrow(/CROSS_POST_ENCRYPTION_KEY/);
    expect(encryptionKey({ NODE_ENV: 'production', CROSS_POST_ENCRYPTION_KEY: 'x'.repeat(40) })).toHaveLength(
      32
    );
  });

  it('shows public fields and at most the end of a secret', () => {
    const hint = credentialsHint({ accessToken: 'abcdefghijklmnop', author: 'urn:li:person:1' }, [
      { name: 'accessToken', secret: true, required: true },
      { name: 'author', secret: false, required: true },
    ]);
    expect(hint).toEqual({ accessToken: '••••mnop', author: 'urn:li:person:1' });
  });
});
