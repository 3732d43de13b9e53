/**
 * Who handles an item and where it stands: assigned to a teammate (an admin user), marked done (its
 * resolution time) or reopened, an internal note that never leaves the admin. Each change is an
 * audit entry.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { commentsRepository } from '../repositories/comments.repository';
import { getService } from '../utils/get-service';
import type { Actor } from './audit.service';
import { changeComment } from './comment-change';

const notFound = (documentId: string) =>
  new errors.NotFoundError(`No comment has the id "${documentId}"`, { reason: 'comment_not_found' });

const handlingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = commentsRepository(strapi);

  async function change(
    documentId: string,
    actor: Actor,
    action: string,
    data: (row: any) => Record<string, unknown>,
    details: Record<string, unknown> | null = null
  ) {
    const row = await comments.findByDocumentId(documentId);
    if (!row) throw notFound(documentId);
    await changeComment(strapi, row, { actor, action, data: data(row), details });
    return getService(strapi, 'admin').findOne(documentId);
  }

  return {
    /** To an active admin user, or to nobody (`userId` null). */
    async assign(documentId: string, userId: number | null, actor: Actor) {
      let name: string | null = null;
      if (userId !== null) {
        const user = await strapi.db.query('admin::user').findOne({
          where: { id: userId, isActive: true },
          select: ['id', 'firstname', 'lastname', 'email'],
        });
        if (!user)
          throw new errors.ValidationError(`No active admin user has the id ${userId}.`, {
            reason: 'invalid_input',
            field: 'userId',
          });
        name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;
      }
      return change(
        documentId,
        actor,
        userId === null ? 'unassigned' : 'assigned',
        () => ({ assignedToId: userId, assignedToName: name }),
        userId === null ? null : { userId, name }
      );
    },

    /** Done (resolved now, unless it already was) or open again. */
    setDone: (documentId: string, done: boolean, actor: Actor) =>
      change(documentId, actor, done ? 'done' : 'reopened', (row) => ({
        doneAt: done ? (row.doneAt ?? new Date()) : null,
      })),

    setNote: (documentId: string, note: string | null, actor: Actor) =>
      change(documentId, actor, 'noted', () => ({ internalNote: note })),
  };
};

export default handlingService;
