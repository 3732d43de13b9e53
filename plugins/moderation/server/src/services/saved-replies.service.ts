/**
 * Saved replies: ready answers in French and English that a moderator picks when answering a reply
 * or mention from the queue, then edits before sending. `{author}` in a saved reply becomes the
 * reader's handle when it is picked (in the admin).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { savedRepliesRepository, type SavedReplyRow } from '../repositories/saved-replies.repository';
import type { Actor } from './audit.service';

/** Enough for every situation a team meets; more is a sign of copies. */
const MAX_SAVED_REPLIES = 500;

export type SavedReplyInput = { title: string; body: string; language: 'fr' | 'en' };

const toPublic = (row: SavedReplyRow) => ({
  id: row.id,
  title: row.title,
  body: row.body,
  language: row.language,
  updatedByName: row.updatedByName ?? null,
  updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
});

const savedRepliesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = savedRepliesRepository(strapi);

  async function existing(id: number) {
    const row = await repository.findById(id);
    if (!row)
      throw new errors.NotFoundError(`No saved reply has the id ${id}.`, { reason: 'saved_reply_not_found' });
    return row;
  }

  return {
    async list(language?: 'fr' | 'en') {
      return (await repository.list(language)).map(toPublic);
    },

    async create(input: SavedReplyInput, actor: Actor) {
      if ((await repository.count()) >= MAX_SAVED_REPLIES)
        throw new errors.ApplicationError(
          `There are already ${MAX_SAVED_REPLIES} saved replies: delete some before adding more.`,
          { reason: 'too_many_saved_replies' }
        );
      return toPublic(await repository.create({ ...input, updatedByName: actor.name ?? null }));
    },

    async update(id: number, patch: Partial<SavedReplyInput>, actor: Actor) {
      await existing(id);
      return toPublic(await repository.update(id, { ...patch, updatedByName: actor.name ?? null }));
    },

    async remove(id: number) {
      const row = await existing(id);
      await repository.delete(id);
      return toPublic(row);
    },
  };
};

export default savedRepliesService;
