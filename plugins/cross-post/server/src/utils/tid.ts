/**
 * AT Protocol TIDs (13 base32-sortable characters: 53 bits of microseconds, 10 bits of clock id).
 * Every delivery's idempotency key is one: a valid Bluesky record key (so putRecord with it is
 * idempotent) and a fine Mastodon Idempotency-Key.
 */
import { createHash, randomInt } from 'node:crypto';

const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

function encode(value: bigint): string {
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

export function createTid(at: Date = new Date(), clockId: number = randomInt(1024)): string {
  const micros = BigInt(at.getTime()) * 1000n + BigInt(randomInt(1000));
  return encode(((micros & ((1n << 53n) - 1n)) << 10n) | BigInt(clockId & 1023));
}

/** A TID derived from any string, for keys that were not created as TIDs. */
export function tidFromKey(key: string): string {
  if (TID_PATTERN.test(key)) return key;
  const hash = createHash('sha256').update(key).digest();
  return encode(hash.readBigUInt64BE(0) & ((1n << 63n) - 1n));
}
