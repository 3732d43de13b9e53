/**
 * A moderator's change to a comment (answered, hidden on its network, assigned, done, noted) and the
 * audit entry that says who made it, written together in one transaction: the queue and the audit log
 * never disagree. The inbox's answers and handling both write through it.
 */
import type { Core } from '@strapi/strapi';

import { commentsRepository } from '../repositories/comments.repository';
import { getService } from '../utils/get-service';
import type { Actor } from './audit.service';

type CommentRow = { id: number; documentId: string; authorKey: string | null; status: string };

export async function changeComment(
  strapi: Core.Strapi,
  row: CommentRow,
  change: {
    actor: Actor;
    action: string;
    data: Record<string, unknown> | null;
    details?: Record<string, unknown> | null;
  }
): Promise<void> {
  await strapi.db.transaction(async () => {
    if (change.data) await commentsRepository(strapi).update(row.id, change.data);
    await getService(strapi, 'audit').record({
      action: change.action,
      actor: change.actor,
      commentDocumentId: row.documentId,
      authorKey: row.authorKey,
      fromStatus: row.status,
      toStatus: row.status,
      reasonCode: null,
      reason: null,
      details: change.details ?? null,
    });
  });
}
