import type { Core } from '@strapi/strapi';

import type { ContestsConfig } from '../config';
import { ContestError } from '../utils/errors';

/**
 * A fixed window per IP hash, in this process's memory. Behind several instances each keeps its
 * own count; the per-person cap and the IP fraud signals, which are in the database, still hold.
 */
const rateLimitService = ({ strapi }: { strapi: Core.Strapi }) => {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const settings = () => strapi.plugin('contests').config('rateLimit') as ContestsConfig['rateLimit'];

  return {
    /** Counts one attempt; throws a 429 with Retry-After when the IP is over its allowance. */
    hit(ipHash: string, now = Date.now()): void {
      const { max, windowSeconds } = settings();
      let window = windows.get(ipHash);
      if (!window || window.resetAt <= now) {
        if (windows.size > 50_000) {
          for (const [key, value] of windows) if (value.resetAt <= now) windows.delete(key);
        }
        window = { count: 0, resetAt: now + windowSeconds * 1000 };
        windows.set(ipHash, window);
      }
      window.count += 1;
      if (window.count > max) {
        const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
        throw new ContestError(
          429,
          'rate_limited',
          `Too many entries from this network: try again in ${retryAfter} s.`,
          { retryAfter },
          { 'Retry-After': String(retryAfter) }
        );
      }
    },
  };
};

export default rateLimitService;
