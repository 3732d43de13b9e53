import type { Core } from '@strapi/strapi';
import { adminActor, parse } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';
import {
  approveSchema,
  commentSchema,
  requestChangesSchema,
  subjectSchema,
  submitSchema,
} from '../validators/admin.validators';

/** Parsed input (zod's defaults filled `type`): which document and locale. */
type SubjectInput = { type?: string; documentId?: string; locale?: string };
const keyOf = (input: SubjectInput) => ({
  uid: input.type as string,
  documentId: input.documentId as string,
  locale: input.locale as string,
});

const reviewsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => getService(strapi, 'workflow');
  const subject = (input: SubjectInput) => {
    getService(strapi, 'subjects').requireSubject(input.type as string);
    return keyOf(input);
  };
  const view = async (ctx: any, key: ReturnType<typeof keyOf>) =>
    getService(strapi, 'views').review(key, ctx.state.user, ctx.state.userAbility);

  return {
    async findOne(ctx) {
      const key = subject(parse(subjectSchema, ctx.query));
      ctx.body = { data: await view(ctx, key) };
    },

    async submit(ctx) {
      const input = parse(submitSchema, ctx.request.body);
      const key = subject(input);
      await workflow().submit(key, adminActor(ctx.state.user), input.accountIds);
      ctx.body = { data: await view(ctx, key) };
    },

    async approve(ctx) {
      const input = parse(approveSchema, ctx.request.body);
      const key = subject(input);
      await workflow().approve(key, adminActor(ctx.state.user), input.hash);
      ctx.body = { data: await view(ctx, key) };
    },

    async requestChanges(ctx) {
      const input = parse(requestChangesSchema, ctx.request.body);
      const key = subject(input);
      await workflow().requestChanges(key, adminActor(ctx.state.user), input.comment, input.variant);
      ctx.body = { data: await view(ctx, key) };
    },

    async revert(ctx) {
      const key = subject(parse(subjectSchema, ctx.request.body));
      await workflow().revert(key, adminActor(ctx.state.user));
      ctx.body = { data: await view(ctx, key) };
    },

    async comment(ctx) {
      const input = parse(commentSchema, ctx.request.body);
      const key = subject(input);
      await workflow().comment(key, adminActor(ctx.state.user), input.text, input.variant);
      ctx.status = 201;
      ctx.body = { data: await view(ctx, key) };
    },

    async inbox(ctx) {
      ctx.body = { data: await getService(strapi, 'views').inbox(ctx.state.user) };
    },
  };
};

export default reviewsController;
