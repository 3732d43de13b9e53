import type { Core } from '@strapi/strapi';
import { tooManyRequests } from '@porte-voix/kit/server';

import { rateWindowsRepository } from '../repositories/rate-windows.repository';

const MINUTE_MS = 60_000;

/**
 * Requests per minute from one address or author, counted in the database (one row per bucket
 * and minute) so that parallel requests and every instance share one count. Nothing kept in
 * memory decides: this instance only remembers when it last swept away the old windows.
 */
const rateLimitsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const windows = rateWindowsRepository(strapi);
  let sweptMinute = 0;

  const sweep = (minute: number) => {
    if (minute === sweptMinute) return;
    sweptMinute = minute;
    // A request that started just before the minute turned may still count in the last window.
    windows
      .deleteBefore(minute - 1)
      .catch((error) => strapi.log.warn(`[moderation] old rate windows not deleted: ${error.message}`));
  };

  return {
    /**
     * Counts one request against `limit` per minute (0 means no limit), or refuses it with a 429
     * that says when to come back.
     */
    async take(bucket: string, limit: number, refusal: { message: string; limit: string }) {
      if (limit <= 0) return;
      const now = Date.now();
      const minute = Math.floor(now / MINUTE_MS);
      sweep(minute);
      if (await windows.takePlace({ bucket, minute, limit })) return;
      const wait = Math.max(1, Math.ceil(((minute + 1) * MINUTE_MS - now) / 1000));
      tooManyRequests(strapi.requestContext.get(), wait, `${refusal.message}: try again in ${wait} seconds`, {
        reason: 'rate_limited',
        limit: refusal.limit,
      });
    },
  };
};

export default rateLimitsService;
