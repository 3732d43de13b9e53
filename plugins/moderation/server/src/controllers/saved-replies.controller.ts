import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import { adminActor } from '../services/audit.service';
import type { SavedReplyInput } from '../services/saved-replies.service';
import { getService } from '../utils/get-service';
import {
  savedRepliesQuerySchema,
  savedReplyIdSchema,
  savedReplyPatchSchema,
  savedReplySchema,
} from '../validators/saved-replies.validators';

/** Saved replies: read by anyone who sees the queue, written by those allowed to (RBAC per route). */
const savedRepliesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'saved-replies');
  return {
    async list(ctx: any) {
      const { language } = parse(savedRepliesQuerySchema, ctx.query ?? {});
      ctx.body = { data: await service().list(language) };
    },
    async create(ctx: any) {
      const input = parse(savedReplySchema, ctx.request.body ?? {}) as SavedReplyInput;
      ctx.status = 201;
      ctx.body = { data: await service().create(input, adminActor(ctx.state.user)) };
    },
    async update(ctx: any) {
      const id = parse(savedReplyIdSchema, ctx.params.id);
      const patch = parse(savedReplyPatchSchema, ctx.request.body ?? {}) as Partial<SavedReplyInput>;
      ctx.body = { data: await service().update(id, patch, adminActor(ctx.state.user)) };
    },
    async remove(ctx: any) {
      ctx.body = { data: await service().remove(parse(savedReplyIdSchema, ctx.params.id)) };
    },
  };
};

export default savedRepliesController;
