import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';
import { documentIdSchema } from '../validators/client.validators';
import {
  approveSchema,
  auditQuerySchema,
  bulkSchema,
  lookupQuerySchema,
  queueQuerySchema,
  rejectSchema,
  sanctionSchema,
  answerSchema,
  answerIdSchema,
  assignSchema,
  doneSchema,
  internalNoteSchema,
  responseTimesQuerySchema,
} from '../validators/admin.validators';
import { adminActor, type AuditFilters } from '../services/audit.service';
import type { QueueFilters } from '../services/admin.service';
import { maskSettings } from '../utils/secrets';

const authorKeySchema = z.string().trim().min(1).max(254);

/** The moderators' API (admin JWT + RBAC policies on each route, see routes/admin.routes.ts). */
const adminController = ({ strapi }: { strapi: Core.Strapi }) => {
  const admin = () => getService(strapi, 'admin');
  /** An author is addressed by key, or by e-mail for convenience (turned into the key). */
  const authorKeyOf = (value: string) => {
    const key = parse(authorKeySchema, value);
    return key.includes('@') ? getService(strapi, 'identity').authorKey(key) : key;
  };

  return {
    async list(ctx: any) {
      ctx.body = await admin().list(parse(queueQuerySchema, ctx.query) as QueueFilters);
    },

    async counts(ctx: any) {
      const {
        status: _status,
        page: _page,
        pageSize: _size,
        ...filters
      } = parse(queueQuerySchema, ctx.query);
      ctx.body = { data: await admin().counts(filters) };
    },

    /** Answers a collected reply as the account, on its network. */
    async reply(ctx: any) {
      const id = parse(documentIdSchema, ctx.params.id);
      const body = parse(answerSchema, ctx.request.body ?? {}) as { text: string; idempotencyKey: string };
      ctx.body = { data: await getService(strapi, 'answers').reply(id, body, adminActor(ctx.state.user)) };
    },

    async replies(ctx: any) {
      ctx.body = {
        data: await getService(strapi, 'answers').answersOf(parse(documentIdSchema, ctx.params.id)),
      };
    },

    async hide(ctx: any) {
      ctx.body = {
        data: await getService(strapi, 'answers').hide(
          parse(documentIdSchema, ctx.params.id),
          adminActor(ctx.state.user)
        ),
      };
    },

    /** Response times per network and week (the engagement reports read the same service). */
    async responseTimes(ctx: any) {
      const query = parse(responseTimesQuerySchema, ctx.query ?? {}) as {
        from: Date;
        to: Date;
        timeZone?: string;
      };
      ctx.body = { data: await getService(strapi, 'inbox-report').weekly(query) };
    },

    async like(ctx: any) {
      ctx.body = {
        data: await getService(strapi, 'answers').like(
          parse(documentIdSchema, ctx.params.id),
          adminActor(ctx.state.user)
        ),
      };
    },

    async deleteReply(ctx: any) {
      const answerId = parse(answerIdSchema, ctx.params.answerId);
      ctx.body = {
        data: await getService(strapi, 'answers').deleteAnswer(
          parse(documentIdSchema, ctx.params.id),
          answerId,
          adminActor(ctx.state.user)
        ),
      };
    },

    async assign(ctx: any) {
      const { userId } = parse(assignSchema, ctx.request.body ?? {}) as { userId: number | null };
      ctx.body = {
        data: await getService(strapi, 'handling').assign(
          parse(documentIdSchema, ctx.params.id),
          userId,
          adminActor(ctx.state.user)
        ),
      };
    },

    async done(ctx: any) {
      const { done } = parse(doneSchema, ctx.request.body ?? {}) as { done: boolean };
      ctx.body = {
        data: await getService(strapi, 'handling').setDone(
          parse(documentIdSchema, ctx.params.id),
          done,
          adminActor(ctx.state.user)
        ),
      };
    },

    async note(ctx: any) {
      const { note } = parse(internalNoteSchema, ctx.request.body ?? {}) as { note: string | null };
      ctx.body = {
        data: await getService(strapi, 'handling').setNote(
          parse(documentIdSchema, ctx.params.id),
          note,
          adminActor(ctx.state.user)
        ),
      };
    },

    /** The networks the inbox collects from, and each account's collection: last read, count, last error. */
    async inboxSources(ctx: any) {
      ctx.body = { data: await getService(strapi, 'inbox').sources() };
    },

    /** The queue's pickers: posts, events and campaigns by title, or the one a filter names. */
    async lookup(ctx: any) {
      const { kind, q, value, locale } = parse(lookupQuerySchema, ctx.query);
      const lookup = getService(strapi, 'lookup');
      ctx.body = {
        data:
          value !== undefined
            ? await lookup.describe(kind, value, locale)
            : await lookup.search(kind, q!, locale),
      };
    },

    async findOne(ctx: any) {
      ctx.body = { data: await admin().findOne(parse(documentIdSchema, ctx.params.id)) };
    },

    async approve(ctx: any) {
      const { note } = parse(approveSchema, ctx.request.body);
      ctx.body = {
        data: await admin().approve(parse(documentIdSchema, ctx.params.id), adminActor(ctx.state.user), note),
      };
    },

    async reject(ctx: any) {
      const { reason, note } = parse(rejectSchema, ctx.request.body);
      ctx.body = {
        data: await admin().reject(
          parse(documentIdSchema, ctx.params.id),
          adminActor(ctx.state.user),
          reason,
          note
        ),
      };
    },

    async bulk(ctx: any) {
      const { action, ids, reason, note } = parse(bulkSchema, ctx.request.body);
      ctx.body = {
        data: await admin().bulk(action, ids, adminActor(ctx.state.user), { reason: reason ?? null, note }),
      };
    },

    async getSettings(ctx: any) {
      ctx.body = { data: maskSettings(await getService(strapi, 'settings').get()) };
    },

    async updateSettings(ctx: any) {
      const { before, after } = await getService(strapi, 'settings').update(
        ctx.request.body?.data ?? ctx.request.body
      );
      const changed = Object.keys(after).filter(
        (key) => JSON.stringify((before as any)[key]) !== JSON.stringify((after as any)[key])
      );
      await getService(strapi, 'audit').record({
        action: 'settings_updated',
        actor: adminActor(ctx.state.user),
        details: {
          changed,
          before: maskSettings(Object.fromEntries(changed.map((key) => [key, (before as any)[key]]))),
        },
      });
      ctx.body = { data: maskSettings(after) };
    },

    async audit(ctx: any) {
      const { results, pagination } = await getService(strapi, 'audit').find(
        parse(auditQuerySchema, ctx.query) as AuditFilters
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    async author(ctx: any) {
      ctx.body = { data: await admin().author(authorKeyOf(ctx.params.key)) };
    },

    async addSanction(ctx: any) {
      const input = parse(sanctionSchema, ctx.request.body);
      const until =
        input.until ?? (input.durationHours ? new Date(Date.now() + input.durationHours * 3_600_000) : null);
      const sanction = await getService(strapi, 'sanctions').add(
        authorKeyOf(ctx.params.key),
        { kind: input.kind, until, note: input.note ?? null },
        adminActor(ctx.state.user)
      );
      ctx.status = 201;
      ctx.body = { data: sanction };
    },

    async revokeSanction(ctx: any) {
      const id = parse(z.coerce.number().int().positive(), ctx.params.id);
      ctx.body = {
        data: await getService(strapi, 'sanctions').revoke(
          authorKeyOf(ctx.params.key),
          id,
          adminActor(ctx.state.user)
        ),
      };
    },
  };
};

export default adminController;
