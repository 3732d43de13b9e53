import type { Core } from '@strapi/strapi';

import { getService } from '../../utils/get-service';
import type { ModerationEvent } from '../notifier.service';

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

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
