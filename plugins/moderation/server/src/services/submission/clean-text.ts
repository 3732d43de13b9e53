import { errors } from '@strapi/utils';

import type { ModerationSettings } from '../../config/schema';
import { toPlainText } from '../../utils/plain-text';
import type { Submission } from '../../validators/client.validators';

const invalid = (field: string, message: string) =>
  new errors.ValidationError(message, { reason: 'invalid_input', field });

/**
 * The text as it will be stored and judged: markup removed, then held to the ceilings the
 * moderators set (checked after cleaning, since markup does not count).
 */
export function cleanText(submission: Submission, limits: ModerationSettings['limits']) {
  const content = toPlainText(submission.content);
  const authorName = toPlainText(submission.authorName).replace(/\s+/g, ' ');
  if (!content) throw invalid('content', 'content: is empty once markup is removed: write some text');
  if (content.length > limits.maxContentLength) {
    throw invalid(
      'content',
      `content: is too long (${content.length} characters): at most ${limits.maxContentLength}`
    );
  }
  if (!authorName) throw invalid('authorName', 'authorName: is required');
  if (authorName.length > limits.maxAuthorNameLength) {
    throw invalid('authorName', `authorName: is too long: at most ${limits.maxAuthorNameLength} characters`);
  }
  return { content, authorName };
}
