/**
 * The development demo's engagement past (demo/history.ts), for the deliveries cross-post's demo
 * history published. Refused outside development: only under `strapi develop` or the tests, where
 * cross-post's demo exists.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parse } from '@porte-voix/kit/server';

import { developmentDefaultsAllowed } from '../utils/environment';
import { deliveryIdsSchema } from '../validators/demo.validators';
import { createCollector } from './collector/context';
import { demoSource } from './demo/demo-source';
import { writeDemoHistory, type DemoHistoryTally } from './demo/history';
import { writeDemoPartnerTraffic } from './demo/partner-traffic';

const demoService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Writes the past of these published demo deliveries and the demo accounts' followers. */
  async seedHistory(deliveryIds: number[], now = new Date()): Promise<DemoHistoryTally> {
    if (!developmentDefaultsAllowed(strapi))
      throw new errors.ForbiddenError('The demo exists only under `strapi develop` (or the tests).', {
        reason: 'demo_only',
      });
    const ids = parse(deliveryIdsSchema, deliveryIds);
    const tally = await writeDemoHistory(createCollector(strapi), demoSource(strapi), ids, now);
    strapi.log.info(
      `[engagement] Demo history: ${tally.readings} readings of ${tally.deliveries} deliveries, ${tally.followerReadings} follower counts.`
    );
    return tally;
  },

  /** A few weeks of clicks on a demo partnership's tracked link, unless it already has some. */
  async seedPartnerTraffic(partnershipDocumentId: string, scale = 12, now = new Date()) {
    if (!developmentDefaultsAllowed(strapi))
      throw new errors.ForbiddenError('The demo exists only under `strapi develop` (or the tests).', {
        reason: 'demo_only',
      });
    const written = await writeDemoPartnerTraffic(strapi, partnershipDocumentId, scale, now);
    if (written)
      strapi.log.info(`[engagement] Demo partner traffic: ${written.days} days on link ${written.linkId}.`);
    return written;
  },
});

export type DemoService = ReturnType<typeof demoService>;
export default demoService;
