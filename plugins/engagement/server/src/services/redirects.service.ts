/**
 * `/l/<code>`: where a code leads, read from a short cache so that a burst of clicks costs one
 * look-up, and the click counted after the answer.
 */
import type { Core } from '@strapi/strapi';

import type { EngagementConfig } from '../config';
import { normaliseLinkCode } from '../domain/link-code';
import { redirectLocation } from '../domain/tracked-url';
import { PLUGIN_ID } from '../plugin-id';
import { trackedLinksRepository, type TrackedLinkRow } from '../repositories/tracked-links.repository';
import { getService } from '../utils/get-service';
import { once } from '../utils/once';
import type { RequestTraits } from './visitors.service';

type ReadyLink = { id: number; location: string; timeZone: string };

export type Resolution =
  { outcome: 'missing' } | { outcome: 'disabled' } | { outcome: 'redirect'; link: ReadyLink };

const CACHE_SIZE = 10_000;

const redirectsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const links = trackedLinksRepository(strapi);
  // Read once: a click is on the hot path, and neither settings nor services change while the app runs.
  const cacheMs = once(
    () =>
      (strapi.plugin(PLUGIN_ID).config('traffic') as EngagementConfig['traffic']).links.cacheSeconds * 1000
  );
  const visitors = once(() => getService(strapi, 'visitors'));
  const recorder = once(() => getService(strapi, 'recorder'));
  const cache = new Map<string, { resolution: Resolution; until: number }>();

  /** The Location of a link: the stored destination with its UTM, then the campaign's defaults. */
  async function locationOf(link: TrackedLinkRow): Promise<string> {
    const campaign = link.campaignDocumentId
      ? await getService(strapi, 'linkTargets').campaignUtm(link.campaignDocumentId)
      : null;
    // A delivery's link names its network as the source when the campaign names none (as cross-post does).
    const defaults = link.network ? { ...campaign, source: campaign?.source || link.network } : campaign;
    return redirectLocation(
      link.destinationUrl,
      {
        source: link.utmSource,
        medium: link.utmMedium,
        campaign: link.utmCampaign,
        term: link.utmTerm,
        content: link.utmContent,
      },
      defaults
    );
  }

  async function lookUp(code: string): Promise<Resolution> {
    const link = await links.findByCode(code);
    if (!link) return { outcome: 'missing' };
    if (!link.enabled) return { outcome: 'disabled' };
    return {
      outcome: 'redirect',
      link: { id: link.id, location: await locationOf(link), timeZone: link.timeZone },
    };
  }

  return {
    /** What a code leads to. Anything that is not a code's shape is missing without a query. */
    async resolve(rawCode: string): Promise<Resolution> {
      const code = normaliseLinkCode(rawCode);
      if (!code) return { outcome: 'missing' };
      const now = Date.now();
      const cached = cache.get(code);
      if (cached && cached.until > now) return cached.resolution;
      const resolution = await lookUp(code);
      const ttl = cacheMs();
      if (ttl > 0) {
        cache.delete(code);
        if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(code, { resolution, until: now + ttl });
      }
      return resolution;
    },

    /** Forgets what this instance cached about a code (after a change; other instances follow within the cache time). */
    forget(code: string) {
      cache.delete(code);
    },

    /** The Location a link answers with today (for the admin's list). */
    locationOf,

    /** Counts the click after the answer: the visitor is described, then the hit queued. Never throws. */
    count(link: ReadyLink, traits: RequestTraits, at = new Date()): void {
      recorder().record(
        'clicks',
        visitors()
          .visit(traits, link.timeZone, at)
          .then((visit) => ({ key: String(link.id), ...visit }))
      );
    },
  };
};

export default redirectsService;
