/**
 * Account credentials at rest: AES-256-GCM under CROSS_POST_ENCRYPTION_KEY, each ciphertext bound
 * to its account, network and host (GCM additional data), so a ciphertext copied to another
 * account, or left behind when the host changes, does not decrypt.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import type { CredentialField, Credentials } from '../providers/types';

const DEVELOPMENT_KEY = 'porte-voix-cross-post-development-only-key';
/** v1: no additional data (before accounts were bound); v2: bound to account, network and host. */
const LEGACY_VERSION = 'v1';
const VERSION = 'v2';

const HOW_TO = 'Generate one with `openssl rand -base64 32` and set it as CROSS_POST_ENCRYPTION_KEY.';

/** What a ciphertext is bound to. */
export type CredentialsBinding = { documentId: string; network: string; baseUrl: string };

/** An account nothing can be sent with until an editor fixes it; the message says how. */
export class AccountUnusableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountUnusableError';
  }
}

/** The stored credentials cannot be decrypted: the key changed, or the ciphertext belongs elsewhere. */
export class CredentialsUnreadableError extends AccountUnusableError {
  constructor(accountId: number) {
    super(
      `The stored credentials of account ${accountId} cannot be read (CROSS_POST_ENCRYPTION_KEY changed, or they were copied from another account): enter all of them again in the cross-post settings.`
    );
    this.name = 'CredentialsUnreadableError';
  }
}

/** A real 32-byte key, written in base64 or hex; null when `value` is neither. */
export function parseKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const decoded = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length === 32) return decoded;
  }
  return null;
}

/**
 * The key, or an error saying how to get one. Without a key, the fixed development key is used only
 * where the caller says development is allowed (`strapi develop` or the tests, never production).
 */
export function encryptionKey(env: NodeJS.ProcessEnv, developmentAllowed: boolean): Buffer {
  const configured = env.CROSS_POST_ENCRYPTION_KEY;
  if (!configured) {
    if (!developmentAllowed) {
      throw new Error(
        `CROSS_POST_ENCRYPTION_KEY is not set: the cross-post plugin needs it outside \`strapi develop\` to encrypt account credentials (32 bytes). ${HOW_TO}`
      );
    }
    return createHash('sha256').update(DEVELOPMENT_KEY).digest();
  }
  const key = parseKey(configured);
  if (!key) {
    throw new Error(
      `CROSS_POST_ENCRYPTION_KEY must be exactly 32 bytes written in base64 (44 characters) or hex (64 characters), not a passphrase. ${HOW_TO}`
    );
  }
  return key;
}

function additionalData(binding: CredentialsBinding): Buffer {
  const host = binding.baseUrl.trim().replace(/\/+$/, '').toLowerCase();
  return Buffer.from(JSON.stringify(['cross-post-account', binding.documentId, binding.network, host]));
}

export function encryptCredentials(
  credentials: Credentials,
  key: Buffer,
  binding: CredentialsBinding
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(binding));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    ciphertext.toString('base64'),
  ].join(':');
}

function open(sealed: string, key: Buffer, aad: Buffer | null): Credentials {
  const [, iv, tag, ciphertext] = sealed.split(':');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64'));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(tag ?? '', 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext ?? '', 'base64')), decipher.final()]);
  const parsed = JSON.parse(plain.toString('utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('Not credentials');
  return parsed;
}

/** Throws when the key or the binding does not match: callers turn that into "enter them again". */
export function decryptCredentials(
  sealed: string | null | undefined,
  key: Buffer,
  binding: CredentialsBinding
): Credentials {
  if (!sealed) return {};
  if (!sealed.startsWith(`${VERSION}:`)) throw new Error('Unknown credentials format');
  return open(sealed, key, additionalData(binding));
}

/** A ciphertext written before accounts were bound (v1): read once, to be sealed again bound. */
export function isLegacy(sealed: string | null | undefined): sealed is string {
  return typeof sealed === 'string' && sealed.startsWith(`${LEGACY_VERSION}:`);
}

export function decryptLegacyCredentials(sealed: string, key: Buffer): Credentials {
  return open(sealed, key, null);
}

/** What the admin may see: public fields as they are, secrets as their last 4 characters at most. */
export function credentialsHint(credentials: Credentials, fields: CredentialField[]): Record<string, string> {
  const hint: Record<string, string> = {};
  for (const field of fields) {
    const value = credentials[field.name];
    if (!value) continue;
    hint[field.name] = field.secret ? `••••${lastCharacters(value, 4, 12)}` : value;
  }
  return hint;
}

/**
 * The last `count` characters of a secret longer than `longerThan` characters, counted in code points:
 * half of a surrogate pair is not text, and PostgreSQL refuses it in a JSON column.
 */
function lastCharacters(value: string, count: number, longerThan: number): string {
  const characters = Array.from(value);
  return characters.length > longerThan ? characters.slice(-count).join('') : '';
}

/**
 * Text that may reach an attempt, a failure reason or a log line, with every secret of the account
 * (and anything in a Telegram-style `/bot<token>/` path) replaced: networks and proxies may quote the
 * request back.
 */
export function redactSecrets(text: string, credentials: Credentials, fields: CredentialField[]): string {
  let safe = text;
  // Every value but the fields declared public (sessions and refreshed tokens are secrets too).
  const publicFields = new Set(fields.filter((f) => !f.secret).map((f) => f.name));
  const secrets = Object.entries(credentials)
    .filter(([name]) => !publicFields.has(name))
    .map(([, value]) => value)
    .filter((v): v is string => typeof v === 'string' && v.length >= 4)
    .sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    safe = safe.split(secret).join('••••');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) safe = safe.split(encoded).join('••••');
  }
  return safe.replace(/\/bot[^/\s?#"']+/g, '/bot••••');
}
