import { randomBytes } from 'node:crypto';

/**
 * Lower-case letters and digits only: MariaDB compares case-insensitively, so mixed case would make
 * `aB` and `Ab` one key there; and a code read aloud or retyped survives a change of case.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
// The largest multiple of 36 below 256: bytes above it are skipped, so every character is equally likely.
const UNBIASED_LIMIT = 252;

/** A random code of `length` characters (36^10 ≈ 3.6 × 10^15 for the default 10): unguessable, not sequential. */
export function generateLinkCode(length: number): string {
  let code = '';
  while (code.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_LIMIT) code += ALPHABET[byte % ALPHABET.length];
      if (code.length === length) break;
    }
  }
  return code;
}

/** The shape every code has, checked before any look-up (anything else is a 404 without a query). */
export const LINK_CODE_PATTERN = /^[a-z0-9]{4,32}$/;

/** The code as stored, from what a visitor typed or a client rewrote (some change the case). */
export const normaliseLinkCode = (raw: string): string | null => {
  const code = raw.trim().toLowerCase();
  return LINK_CODE_PATTERN.test(code) ? code : null;
};
