import type { Core } from '@strapi/strapi';
import { z } from 'zod';

import { getService } from '../utils/get-service';
import { parseOr400 } from '../utils/parse';
import { documentIdSchema } from '../validators/client.validators';
import {
  approveSchema,
  auditQuerySchema,
  bulkSchema,
  queueQuerySchema,
  rejectSchema,
  sanctionSchema,
} from '../validators/admin.validators';
import { adminActor, type AuditQuery } from '../services/audit.service';
import type { QueueFilters } from '../services/admin.service';
import { handle } from './handle';

const authorKeySchema = z.string().trim().min(1).max(254);

/** The moderators' API (admin JWT + RBAC policies on each route, see routes/admin.routes.ts). */
const adminController = ({ strapi }: { strapi: Core.Strapi }) => {
  const admin = () => getService(strapi, 'admin');
  /** An author is addressed by key, or by e-mail for convenience (turned into the key). */
  const authorKeyOf = (value: string) => {
    const key = parseOr400(authorKeySchema, value);
    return key.includes('@') ? getService(strapi, 'identity').authorKey(key) : key;
  };

  return {
    list: handle(async (ctx) => {
      ctx.body = await admin().list(parseOr400(queueQuerySchema, ctx.query) as QueueFilters);
    }),

    counts: handle(async (ctx) => {
      const {
        status: _status,
        page: _page,
        pageSize: _size,
        ...filters
      } = parseOr400(queueQuerySchema, ctx.query);
      ctx.body = { data: await admin().counts(filters) };
    }),

    findOne: handle(async (ctx) => {
      ctx.body = { data: await admin().findOne(parseOr400(documentIdSchema, ctx.params.id)) };
    }),

    approve: handle(async (ctx) => {
      const { note } = parseOr400(approveSchema, ctx.request.body);
      ctx.body = {
        data: await admin().approve(
          parseOr400(documentIdSchema, ctx.params.id),
          adminActor(ctx.state.user),
          note ?? null
        ),
      };
    }),

    reject: handle(async (ctx) => {
      const { reason } = parseOr400(rejectSchema, ctx.request.body);
      ctx.body = {
        data: await admin().reject(
          parseOr400(documentIdSchema, ctx.params.id),
          adminActor(ctx.state.user),
          reason
        ),
      };
    }),

    bulk: handle(async (ctx) => {
      const { action, ids, reason } = parseOr400(bulkSchema, ctx.request.body);
      ctx.body = { data: await admin().bulk(action, ids, adminActor(ctx.state.user), reason ?? null) };
    }),

    getSettings: handle(async (ctx) => {
      ctx.body = { data: await getService(strapi, 'settings').get() };
    }),

    updateSettings: handle(async (ctx) => {
      const { before, after } = await getService(strapi, 'settings').update(
        ctx.request.body?.data ?? ctx.request.body
      );
      const changed = Object.keys(after).filter(
        (key) => JSON.stringify((before as any)[key]) !== JSON.stringify((after as any)[key])
      );
      await getService(strapi, 'audit').record({
        action: 'settings_updated',
        actor: adminActor(ctx.state.user),
        details: { changed, before: Object.fromEntries(changed.map((key) => [key, (before as any)[key]])) },
      });
      ctx.body = { data: after };
    }),

    audit: handle(async (ctx) => {
      const { results, pagination } = await getService(strapi, 'audit').find(
        parseOr400(auditQuerySchema, ctx.query) as AuditQuery
      );
      ctx.body = { data: results, meta: { pagination } };
    }),

    author: handle(async (ctx) => {
      ctx.body = { data: await admin().author(authorKeyOf(ctx.params.key)) };
    }),

    addSanction: handle(async (ctx) => {
      const input = parseOr400(sanctionSchema, ctx.request.body);
      const until =
        input.until ?? (input.durationHours ? new Date(Date.now() + input.durationHours * 3_600_000) : null);
      const sanction = await getService(strapi, 'sanctions').add(
        authorKeyOf(ctx.params.key),
        { kind: input.kind, until, note: input.note ?? null },
        adminActor(ctx.state.user)
      );
      ctx.status = 201;
      ctx.body = { data: sanction };
    }),

    revokeSanction: handle(async (ctx) => {
      const id = parseOr400(z.coerce.number().int().positive(), ctx.params.id);
      ctx.body = {
        data: await getService(strapi, 'sanctions').revoke(
          authorKeyOf(ctx.params.key),
          id,
          adminActor(ctx.state.user)
        ),
      };
    }),
  };
};

export default adminController;
