/**
 * With CROSS_POST_DEMO_ACCOUNTS=true: the demo posts as they went out on the demo accounts (and the
 * ones scheduled, and one refused), then the engagement they met since, as the collector would have
 * stored it. The collector waits meanwhile, so nothing is read live before the past is written.
 */
import type { Core } from '@strapi/strapi';

import { DEMO_POSTS } from './demo-content';
import type { DemoPostRef } from './seed-demo-activity';

export async function seedDemoPublications(strapi: Core.Strapi, posts: Map<string, DemoPostRef>, now: Date) {
  const crossPost = strapi.plugin('cross-post');
  if (!crossPost || process.env.CROSS_POST_DEMO_ACCOUNTS !== 'true') return;
  const plan = DEMO_POSTS.flatMap((post) => {
    const found = posts.get(post.text.fr.title);
    if (!found || !post.goesOutOn || !found.plannedAt) return [];
    return [
      {
        postDocumentId: found.documentId,
        at: new Date(found.plannedAt),
        networks: post.goesOutOn,
        ...(post.refusedBy && { failOn: post.refusedBy }),
      },
    ];
  });

  const engagement = strapi.plugin('engagement');
  const collector = engagement?.service('collector');
  await collector?.stop();
  try {
    const history = await crossPost.service('demo').seedPublicationHistory(plan, now);
    if (history && engagement) await engagement.service('demo').seedHistory(history.published, now);
  } finally {
    collector?.start();
  }
}
