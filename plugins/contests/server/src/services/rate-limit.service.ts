import type { Core } from '@strapi/strapi';
import { tooManyRequests } from '@porte-voix/kit/server';

import type { ContestsConfig } from '../config';
import { rateLimitRepository } from '../repositories/rate-limit.repository';
import { tooManyEntriesText, type EntrantLanguage } from '../domain/entrant-messages';

/**
 * A fixed window per IP hash, counted in the database: every instance adds to the same counter,
 * and the count is one atomic increment, so no burst of parallel requests slips between a read and
 * a write.
 */
const rateLimitService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = rateLimitRepository(strapi);
  const settings = () => strapi.plugin('contests').config('rateLimit') as ContestsConfig['rateLimit'];

  return {
    /** Counts one attempt; throws a 429 with Retry-After when the IP is over its allowance. */
    async hit(ipHash: string, now = Date.now(), language: EntrantLanguage = 'fr'): Promise<void> {
      const { max, windowSeconds } = settings();
      const windowMs = windowSeconds * 1000;
      const windowStart = Math.floor(now / windowMs) * windowMs;
      const resetAt = windowStart + windowMs;
      const hits = await repository.hit(`${ipHash}:${windowSeconds}:${windowStart}`, resetAt);
      if (hits > max) {
        const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000));
        tooManyRequests(strapi.requestContext.get(), retryAfter, tooManyEntriesText(retryAfter, language), {
          reason: 'rate_limited',
          retryAfter,
        });
      }
    },

    purgeExpired: (now = Date.now()) => repository.purgeExpired(now),
  };
};

export default rateLimitService;
