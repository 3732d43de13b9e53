import type { Core } from '@strapi/strapi';

type Actor = { type: 'system' | 'admin'; id: number | null; name: string };

type Status = 'draft' | 'in_review' | 'approved';
type People = { author: Actor; approver: Actor };

/**
 * The demo's posts go through the same workflow as any other: an author submits, someone else
 * approves the exact version (in every locale). Nothing sets the status directly.
 */
export const reviewDemoPost = (
  strapi: Core.Strapi,
  documentId: string,
  status: Status,
  people: People,
  locales: readonly string[]
) => reviewDemoDocument(strapi, 'api::post.post', documentId, status, people, locales);

/** Any document under review (a contest's rules text too: the demo contests open with approved rules). */
export async function reviewDemoDocument(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  status: Status,
  people: People,
  locales: readonly string[]
): Promise<void> {
  const editorial = strapi.plugin('editorial');
  if (!editorial || status === 'draft') return;
  const workflow = editorial.service('workflow');
  if (!editorial.service('subjects').configOf(uid)) return;
  for (const locale of locales) {
    const key = { uid, documentId, locale };
    const submitted = await workflow.submit(key, people.author);
    if (status === 'approved') await workflow.approve(key, people.approver, submitted.contentHash);
  }
}
