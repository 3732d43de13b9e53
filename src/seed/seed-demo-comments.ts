/**
 * Readers' comments on the demo posts that went out, submitted through the moderation rules as a
 * frontend would send them: a moderator approved the first comment of each new reader (later ones
 * pass on their own), one was reported by another reader, one is held by a rule for review.
 */
import type { Core } from '@strapi/strapi';

import { DEMO_COMMENTS, DEMO_MODERATOR, DEMO_REPORT } from './demo-activity-content';
import type { DemoPostRef } from './seed-demo-activity';

/** Each reader writes from an address of their own (documentation range, RFC 5737). */
const readerAddress = (index: number) => `198.51.100.${10 + index}`;

export async function seedDemoComments(strapi: Core.Strapi, posts: Map<string, DemoPostRef>) {
  const moderation = strapi.plugin('moderation');
  if (!moderation) return;
  const admin = moderation.service('admin');
  if ((await admin.counts({})).all > 0) return;
  const client = moderation.service('client');
  const moderator = { type: 'admin' as const, id: null, name: DEMO_MODERATOR };
  const readers = [...new Set(DEMO_COMMENTS.map((comment) => comment.email))];

  for (const comment of DEMO_COMMENTS) {
    const post = posts.get(comment.post);
    if (!post) continue;
    const ip = readerAddress(readers.indexOf(comment.email));
    const submitted = await client.submit(
      {
        target: { type: 'post', documentId: post.documentId },
        authorName: comment.author,
        authorEmail: comment.email,
        content: comment.content,
        locale: comment.locale,
      },
      { ip }
    );
    if (comment.then === 'leave') continue;
    if (submitted.status === 'pending') await admin.approve(submitted.id, moderator);
    if (comment.then === 'report')
      await client.report(submitted.id, DEMO_REPORT, { ip: readerAddress(readers.length) });
  }
}
