/**
 * Account credentials at rest: AES-256-GCM under CROSS_POST_ENCRYPTION_KEY. Development has a
 * fixed default key; production refuses to start without a real one.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import type { CredentialField, Credentials } from '../providers/types';

const DEVELOPMENT_KEY = 'porte-voix-cross-post-development-only-key';
const VERSION = 'v1';

export function encryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const configured = env.CROSS_POST_ENCRYPTION_KEY;
  if (!configured) {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'CROSS_POST_ENCRYPTION_KEY is not set: the cross-post plugin needs it in production to encrypt account credentials (32 bytes, e.g. `openssl rand -base64 32`).'
      );
    }
    return createHash('sha256').update(DEVELOPMENT_KEY).digest();
  }
  const decoded = Buffer.from(configured, 'base64');
  // A 32-byte base64 key is used as is; any other string is stretched to 32 bytes.
  return decoded.length === 32 ? decoded : createHash('sha256').update(configured).digest();
}

export function encryptCredentials(credentials: Credentials, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    ciphertext.toString('base64'),
  ].join(':');
}

export function decryptCredentials(sealed: string | null | undefined, key: Buffer): Credentials {
  if (!sealed) return {};
  const [version, iv, tag, ciphertext] = sealed.split(':');
  if (version !== VERSION) throw new Error('Unknown credentials format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

/** What the admin may see: public fields as they are, secrets as their last 4 characters at most. */
export function credentialsHint(credentials: Credentials, fields: CredentialField[]): Record<string, string> {
  const hint: Record<string, string> = {};
  for (const field of fields) {
    const value = credentials[field.name];
    if (!value) continue;
    hint[field.name] = field.secret ? `••••${value.length > 12 ? value.slice(-4) : ''}` : value;
  }
  return hint;
}
