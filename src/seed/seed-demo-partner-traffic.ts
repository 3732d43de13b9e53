/**
 * Partner traffic for the demo: two active partnerships get a tracked link and a few weeks of
 * clicks (bots apart) through the engagement plugin's demo service, so the partners page, the
 * campaign report's "by partner" and the homepage widget are alive. Runs once: a partnership that
 * already has clicks is left alone.
 */
import type { Core } from '@strapi/strapi';

const DEMO_PARTNER_TRAFFIC = [
  { slug: 'lyon-velo-solidaire', scale: 14 },
  { slug: 'le-petit-pedaleur', scale: 8 },
];

export async function seedDemoPartnerTraffic(strapi: Core.Strapi, now = new Date()): Promise<void> {
  const engagement = strapi.plugin('engagement');
  if (!engagement) return;
  for (const { slug, scale } of DEMO_PARTNER_TRAFFIC) {
    const partnership = await strapi.db
      .query('api::partnership.partnership' as any)
      .findOne({ where: { slug }, select: ['documentId'] });
    if (partnership) await engagement.service('demo').seedPartnerTraffic(partnership.documentId, scale, now);
  }
}
