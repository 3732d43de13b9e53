import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import { adminActor } from '../services/audit.service';
import { adminView } from '../services/entries.service';
import { getService } from '../utils/get-service';
import {
  drawBody,
  entriesQuery,
  optionalReasonBody,
  reasonBody,
  rulesQuery,
} from '../validators/admin.validator';

const actorOf = (ctx: any) => adminActor(ctx.state.user);

/** The organiser's API, under /contests, behind the plugin's RBAC actions. */
const adminController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx) {
    ctx.body = { data: await getService(strapi, 'overview').list() };
  },

  async detail(ctx) {
    ctx.body = { data: await getService(strapi, 'overview').detail(ctx.params.eventDocumentId) };
  },

  async commit(ctx) {
    const data = await getService(strapi, 'draw').commit(ctx.params.eventDocumentId, actorOf(ctx));
    ctx.status = 201;
    ctx.body = { data };
  },

  async draw(ctx) {
    const { beacon } = parse(drawBody, ctx.request.body);
    ctx.body = {
      data: await getService(strapi, 'draw').draw(ctx.params.eventDocumentId, beacon, actorOf(ctx)),
    };
  },

  async entries(ctx) {
    const filters = parse(entriesQuery, ctx.query);
    await getService(strapi, 'events').anyContest(ctx.params.eventDocumentId);
    const { rows, total } = await getService(strapi, 'entries').list(ctx.params.eventDocumentId, filters);
    ctx.body = {
      data: rows.map(adminView),
      meta: {
        pagination: {
          page: filters.page,
          pageSize: filters.pageSize,
          total,
          pageCount: Math.ceil(total / filters.pageSize),
        },
      },
    };
  },

  async invalidate(ctx) {
    const { reason } = parse(reasonBody, ctx.request.body);
    const entry = await getService(strapi, 'entries').invalidate(ctx.params.id, reason, actorOf(ctx));
    ctx.body = { data: adminView(entry) };
  },

  async restore(ctx) {
    const { reason } = parse(optionalReasonBody, ctx.request.body);
    const entry = await getService(strapi, 'entries').restore(ctx.params.id, reason ?? null, actorOf(ctx));
    ctx.body = { data: adminView(entry) };
  },

  async erase(ctx) {
    const { reason } = parse(reasonBody, ctx.request.body);
    ctx.body = {
      data: await getService(strapi, 'privacy').eraseEntrant(ctx.params.id, reason, actorOf(ctx)),
    };
  },

  async exportCsv(ctx) {
    const csv = await getService(strapi, 'privacy').exportCsv(ctx.params.eventDocumentId, actorOf(ctx));
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set(
      'Content-Disposition',
      `attachment; filename="contest-${ctx.params.eventDocumentId}-entries.csv"`
    );
    ctx.set('Cache-Control', 'no-store');
    ctx.body = csv;
  },

  async audit(ctx) {
    await getService(strapi, 'events').anyContest(ctx.params.eventDocumentId);
    ctx.body = { data: await getService(strapi, 'audit').list(ctx.params.eventDocumentId) };
  },

  async rules(ctx) {
    const { locale } = parse(rulesQuery, ctx.query);
    const markdown = await getService(strapi, 'rules').generate(
      ctx.params.eventDocumentId,
      locale,
      actorOf(ctx)
    );
    ctx.body = { data: { locale, markdown } };
  },

  async claimed(ctx) {
    await getService(strapi, 'claims').markClaimed(
      ctx.params.eventDocumentId,
      ctx.params.publicId,
      actorOf(ctx)
    );
    ctx.body = { data: await getService(strapi, 'overview').detail(ctx.params.eventDocumentId) };
  },

  async forfeit(ctx) {
    const { reason } = parse(reasonBody, ctx.request.body);
    await getService(strapi, 'claims').forfeit(
      ctx.params.eventDocumentId,
      ctx.params.publicId,
      reason,
      actorOf(ctx)
    );
    ctx.body = { data: await getService(strapi, 'overview').detail(ctx.params.eventDocumentId) };
  },

  async sweep(ctx) {
    ctx.body = { data: { passedOn: await getService(strapi, 'claims').sweepDeadlines() } };
  },
});

export default adminController;
