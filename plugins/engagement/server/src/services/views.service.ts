/**
 * The page-view beacon: a frontend reports that a post or an event was shown. Same privacy and bot
 * rules as links; a visitor sending too many is refused with a 429 that says when to come back.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { tooManyRequests } from '@porte-voix/kit/server';

import type { EngagementConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';
import { beaconRateWindowsRepository } from '../repositories/beacon-rate-windows.repository';
import type { ViewTargetType } from '../repositories/hit-keys';
import { getService } from '../utils/get-service';
import type { RequestTraits } from './visitors.service';

export type ViewInput = { type: ViewTargetType; documentId: string; path: string | null };

/** Whether a document is published is kept a few seconds: a popular page costs one look-up per instance. */
const CACHE_MS = 30_000;
const CACHE_SIZE = 10_000;

const viewsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const windows = beaconRateWindowsRepository(strapi);
  const settings = () => (strapi.plugin(PLUGIN_ID).config('traffic') as EngagementConfig['traffic']).views;
  const published = new Map<string, { target: { timeZone: string } | null; until: number }>();

  async function targetOf(type: ViewTargetType, documentId: string) {
    const key = `${type}:${documentId}`;
    const now = Date.now();
    const cached = published.get(key);
    if (cached && cached.until > now) return cached.target;
    const target = await getService(strapi, 'linkTargets').publishedForViews(type, documentId);
    published.delete(key);
    if (published.size >= CACHE_SIZE) published.delete(published.keys().next().value as string);
    published.set(key, { target, until: now + CACHE_MS });
    return target;
  }

  /** One more view from this visitor in the current window; a 429 with Retry-After past the allowance. */
  async function limit(visitorHash: string, now: number) {
    const { maxPerWindow, windowSeconds } = settings();
    const windowMs = windowSeconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const resetAt = windowStart + windowMs;
    const hits = await windows.hit(`${visitorHash}:${windowSeconds}:${windowStart}`, resetAt);
    if (hits > maxPerWindow) {
      const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000));
      tooManyRequests(
        strapi.requestContext.get(),
        retryAfter,
        `Too many page views from this visitor: try again in ${retryAfter} s.`,
        { reason: 'rate_limited', retryAfter }
      );
    }
  }

  return {
    /** Checks and queues one view; the write happens after the answer. */
    async record(input: ViewInput, traits: RequestTraits, at = new Date()): Promise<void> {
      const visitors = getService(strapi, 'visitors');
      const visitorHash = await visitors.visitorHash(traits.ip, traits.userAgent, at);
      await limit(visitorHash, at.getTime());
      const target = await targetOf(input.type, input.documentId);
      if (!target) {
        throw new errors.NotFoundError(
          `No published ${input.type} with documentId ${input.documentId}: views are counted for published content only.`,
          { reason: `${input.type}_not_found`, field: input.type }
        );
      }
      const visit = await visitors.visit(traits, target.timeZone, at);
      getService(strapi, 'recorder').record('views', {
        key: `${input.type}:${input.documentId}`,
        ...visit,
        extra: { path: input.path },
      });
    },

    purgeExpiredWindows: (now = Date.now()) => windows.purgeExpired(now),
  };
};

export default viewsService;
