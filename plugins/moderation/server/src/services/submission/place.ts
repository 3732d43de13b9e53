import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { getService } from '../../utils/get-service';
import type { Target } from '../targets.service';
import type { Submission } from '../../validators/client.validators';
import { commentsRepository } from '../../repositories/comments.repository';

/**
 * Where the comment goes: a published target, and for a reply the thread of an approved comment
 * on that same target.
 */
export async function placeComment(
  strapi: Core.Strapi,
  submission: Submission
): Promise<{ target: Target; threadId: string | null }> {
  const { type, documentId } = submission.target;
  const target = await getService(strapi, 'targets').find(type, documentId, submission.locale);
  if (!target) {
    throw new errors.NotFoundError(
      `No published ${type} has the documentId "${documentId}": comments are only taken on published content`,
      { reason: 'target_not_found', field: 'target' }
    );
  }
  if (!submission.parent) return { target, threadId: null };

  const parent = await commentsRepository(strapi).findThreadOf(submission.parent);
  if (!parent || parent.status !== 'approved' || parent.targetKey !== target.key) {
    throw new errors.ValidationError(`parent: no published comment "${submission.parent}" on this ${type}`, {
      reason: 'invalid_input',
      field: 'parent',
    });
  }
  return { target, threadId: parent.threadId ?? parent.documentId };
}
