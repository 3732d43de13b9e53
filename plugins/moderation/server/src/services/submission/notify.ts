import type { Core } from '@strapi/strapi';

import { getService } from '../../utils/get-service';
import type { ModerationEvent } from '../notifier.service';

// Counted in code points: half of a surrogate pair is not text to a webhook or an e-mail.
const excerpt = (text: string) => {
  const characters = Array.from(text);
  return characters.length > 140 ? `${characters.slice(0, 139).join('')}…` : text;
};

/**
 * Tells the moderators something waits for them, without waiting for it: a failed webhook or
 * e-mail is logged and never fails the reader's request.
 */
export function notifyModerators(
  strapi: Core.Strapi,
  event: Omit<ModerationEvent, 'excerpt'> & { content: string }
): void {
  const { content, ...rest } = event;
  void getService(strapi, 'notifier')
    .notify({ ...rest, excerpt: excerpt(content) })
    .catch((error) => strapi.log.warn(`[moderation] ${error.message}`));
}
