import type { Core } from '@strapi/strapi';

import type { Actor } from '../services/audit.service';
import { adminView } from '../services/entries.service';
import { answering } from '../utils/errors';
import { getService } from '../utils/get-service';
import {
  parseDrawBody,
  parseEntriesQuery,
  parseOptionalReasonBody,
  parseReasonBody,
  parseRulesQuery,
} from '../validators/admin.validator';

const actorOf = (ctx: any): Actor => ({ id: ctx.state.user?.id, email: ctx.state.user?.email });

/** The organiser's API, under /contests, behind the plugin's RBAC actions. */
const adminController = ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    async list(ctx) {
      await answering(ctx, async () => {
        ctx.body = { data: await getService(strapi, 'overview').list() };
      });
    },

    async detail(ctx) {
      await answering(ctx, async () => {
        ctx.body = { data: await getService(strapi, 'overview').detail(ctx.params.eventDocumentId) };
      });
    },

    async commit(ctx) {
      await answering(ctx, async () => {
        ctx.status = 201;
        ctx.body = {
          data: await getService(strapi, 'draw').commit(ctx.params.eventDocumentId, actorOf(ctx)),
        };
      });
    },

    async draw(ctx) {
      await answering(ctx, async () => {
        const { beacon } = parseDrawBody(ctx.request.body);
        ctx.body = {
          data: await getService(strapi, 'draw').draw(ctx.params.eventDocumentId, beacon, actorOf(ctx)),
        };
      });
    },

    async entries(ctx) {
      await answering(ctx, async () => {
        const filters = parseEntriesQuery(ctx.query);
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
      });
    },

    async invalidate(ctx) {
      await answering(ctx, async () => {
        const { reason } = parseReasonBody(ctx.request.body);
        ctx.body = {
          data: adminView(
            await getService(strapi, 'entries').invalidate(ctx.params.id, reason, actorOf(ctx))
          ),
        };
      });
    },

    async restore(ctx) {
      await answering(ctx, async () => {
        const { reason } = parseOptionalReasonBody(ctx.request.body);
        ctx.body = {
          data: adminView(
            await getService(strapi, 'entries').restore(ctx.params.id, reason ?? null, actorOf(ctx))
          ),
        };
      });
    },

    async erase(ctx) {
      await answering(ctx, async () => {
        const { reason } = parseReasonBody(ctx.request.body);
        ctx.body = {
          data: await getService(strapi, 'privacy').eraseEntrant(ctx.params.id, reason, actorOf(ctx)),
        };
      });
    },

    async exportCsv(ctx) {
      await answering(ctx, async () => {
        const csv = await getService(strapi, 'privacy').exportCsv(ctx.params.eventDocumentId, actorOf(ctx));
        ctx.set('Content-Type', 'text/csv; charset=utf-8');
        ctx.set(
          'Content-Disposition',
          `attachment; filename="contest-${ctx.params.eventDocumentId}-entries.csv"`
        );
        ctx.set('Cache-Control', 'no-store');
        ctx.body = csv;
      });
    },

    async audit(ctx) {
      await answering(ctx, async () => {
        await getService(strapi, 'events').anyContest(ctx.params.eventDocumentId);
        ctx.body = { data: await getService(strapi, 'audit').list(ctx.params.eventDocumentId) };
      });
    },

    async rules(ctx) {
      await answering(ctx, async () => {
        const { locale } = parseRulesQuery(ctx.query);
        const markdown = await getService(strapi, 'rules').generate(
          ctx.params.eventDocumentId,
          locale,
          actorOf(ctx)
        );
        ctx.body = { data: { locale, markdown } };
      });
    },

    async claimed(ctx) {
      await answering(ctx, async () => {
        await getService(strapi, 'claims').markClaimed(
          ctx.params.eventDocumentId,
          ctx.params.publicId,
          actorOf(ctx)
        );
        ctx.body = { data: await getService(strapi, 'overview').detail(ctx.params.eventDocumentId) };
      });
    },

    async forfeit(ctx) {
      await answering(ctx, async () => {
        const { reason } = parseReasonBody(ctx.request.body);
        await getService(strapi, 'claims').forfeit(
          ctx.params.eventDocumentId,
          ctx.params.publicId,
          reason,
          actorOf(ctx)
        );
        ctx.body = { data: await getService(strapi, 'overview').detail(ctx.params.eventDocumentId) };
      });
    },

    async sweep(ctx) {
      await answering(ctx, async () => {
        const passedOn = await getService(strapi, 'claims').sweepDeadlines();
        ctx.body = { data: { passedOn } };
      });
    },
  };
};

export default adminController;
