import type { Core } from '@strapi/strapi';

type Actor = { type: 'system' | 'admin'; id: number | null; name: string };

/**
 * The demo's posts go through the same workflow as any other: an author submits, someone else
 * approves the exact version (in every locale). Nothing sets the status directly.
 */
export async function reviewDemoPost(
  strapi: Core.Strapi,
  documentId: string,
  status: 'draft' | 'in_review' | 'approved',
  people: { author: Actor; approver: Actor },
  locales: readonly string[]
): Promise<void> {
  const editorial = strapi.plugin('editorial');
  if (!editorial || status === 'draft') return;
  const workflow = editorial.service('workflow');
  for (const locale of locales) {
    const key = { uid: 'api::post.post', documentId, locale };
    const submitted = await workflow.submit(key, people.author);
    if (status === 'approved') await workflow.approve(key, people.approver, submitted.contentHash);
  }
}
