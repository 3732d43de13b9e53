import type { Core } from '@strapi/strapi';

const POST_UID = 'api::post.post';

/** Two different people, so four eyes holds; tests that check the people themselves use real admins. */
export const TEST_AUTHOR = { type: 'system' as const, id: null, name: 'Test author' };
export const TEST_APPROVER = { type: 'system' as const, id: null, name: 'Test approver' };

/**
 * Takes a post through the workflow in each of its locales (submitted, then approved as it is now),
 * so that it can be scheduled: tests about sending start from an approved post, as editors do.
 */
export async function approvePost(
  strapi: Core.Strapi,
  documentId: string,
  locales: string[] = ['fr', 'en'],
  accountIds?: number[]
): Promise<Record<string, string>> {
  const workflow = strapi.plugin('editorial').service('workflow');
  const hashes: Record<string, string> = {};
  for (const locale of locales) {
    const key = { uid: POST_UID, documentId, locale };
    const exists = await strapi.documents(POST_UID as any).findOne({ documentId, locale, status: 'draft' });
    if (!exists) continue;
    const review = await workflow.ensure(key);
    if (review.status === 'approved') await workflow.revert(key, TEST_AUTHOR);
    const submitted = await workflow.submit(key, TEST_AUTHOR, accountIds);
    hashes[locale] = (await workflow.approve(key, TEST_APPROVER, submitted.contentHash)).approvedHash;
  }
  return hashes;
}
