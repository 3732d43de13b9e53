/**
 * The demo's life beyond its content: entrants in its contests, readers' comments in the moderation
 * queue, and (with the demo accounts) its publication and engagement history. Each part goes
 * through the plugins' own services and runs once: a second boot adds nothing.
 */
import type { Core } from '@strapi/strapi';

import { DEMO_POSTS } from './demo-content';
import { seedDemoComments } from './seed-demo-comments';
import { seedDemoContests } from './seed-demo-contests';
import { seedDemoPartnerTraffic } from './seed-demo-partner-traffic';
import { seedDemoPublications } from './seed-demo-publications';

/** A demo post as the activity finds it, by its French title. */
export type DemoPostRef = { documentId: string; plannedAt: string | null };

async function demoPosts(strapi: Core.Strapi): Promise<Map<string, DemoPostRef>> {
  const titles = DEMO_POSTS.map((post) => post.text.fr.title);
  const found = await strapi.documents('api::post.post').findMany({
    locale: 'fr',
    filters: { title: { $in: titles } },
    fields: ['title', 'plannedAt'],
  } as any);
  return new Map(
    (found as any[]).map((post) => [
      post.title,
      { documentId: post.documentId, plannedAt: post.plannedAt ?? null },
    ])
  );
}

export async function seedDemoActivity(strapi: Core.Strapi): Promise<void> {
  const posts = await demoPosts(strapi);
  await seedDemoContests(strapi);
  await seedDemoComments(strapi, posts);
  await seedDemoPublications(strapi, posts, new Date());
  await seedDemoPartnerTraffic(strapi);
}
