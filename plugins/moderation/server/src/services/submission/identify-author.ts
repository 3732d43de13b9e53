import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import type { ModerationSettings } from '../../config/schema';
import { getService } from '../../utils/get-service';
import { fingerprintOf } from '../../rules/normalise';

export type Identity = { authorKey: string; ipHash: string | null; fingerprint: string };

/**
 * Who wrote it and what it says, as keys that can be compared without storing the raw e-mail
 * address or IP: the author key, the hashed address, and the fingerprint of the text.
 */
export function identifyAuthor(
  strapi: Core.Strapi,
  input: { authorEmail: string; ip?: string; content: string }
): Identity {
  const identity = getService(strapi, 'identity');
  return {
    authorKey: identity.authorKey(input.authorEmail),
    ipHash: identity.ipHash(input.ip),
    fingerprint: createHash('sha1').update(fingerprintOf(input.content)).digest('hex'),
  };
}

/** One place in the per-network and per-author windows, or a 429 that says when to come back. */
export async function takeSubmissionPlaces(
  strapi: Core.Strapi,
  limits: ModerationSettings['rateLimits'],
  { authorKey, ipHash }: Identity
) {
  const rateLimits = getService(strapi, 'rate-limits');
  if (ipHash) {
    await rateLimits.take(`comment:ip:${ipHash}`, limits.perIpPerMinute, {
      message: 'Too many comments from your network',
      limit: 'perIpPerMinute',
    });
  }
  await rateLimits.take(`comment:author:${authorKey}`, limits.perAuthorPerMinute, {
    message: 'Too many comments from this author',
    limit: 'perAuthorPerMinute',
  });
}
