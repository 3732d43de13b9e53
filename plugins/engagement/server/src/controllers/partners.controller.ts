import type { Core } from '@strapi/strapi';
import { parse } from '@porte-voix/kit/server';

import type { PartnerCsvTable } from '../services/partners/csv';
import { getService } from '../utils/get-service';
import {
  partnerCsvQuery,
  partnerParams,
  partnerPeriodQuery,
  shareCreateBody,
  shareIdParams,
} from '../validators/partners.validator';

/** The admin's language: `?locale=` when the page names it, else the admin's preferred language. */
const languageOf = (ctx: any): string =>
  (typeof ctx.query.locale === 'string' && ctx.query.locale) || ctx.state.user?.preferedLanguage || 'en';

const period = (ctx: any) => {
  const { from, to } = parse(partnerPeriodQuery, { from: ctx.query.from, to: ctx.query.to });
  return { from, to: to as string };
};

function sendCsv(ctx: any, name: string, csv: string) {
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${name}.csv"`);
  ctx.body = csv;
}

/** Partner reports (behind `read`, their CSV behind `export`) and share links (behind `export`). */
const partnersController = ({ strapi }: { strapi: Core.Strapi }) => {
  const partners = () => getService(strapi, 'partners');
  const shares = () => getService(strapi, 'partnerShares');

  return {
    async overview(ctx) {
      ctx.body = { data: await partners().overview(period(ctx), languageOf(ctx)) };
    },

    async overviewCsv(ctx) {
      const range = period(ctx);
      sendCsv(
        ctx,
        `partners-${range.from}-${range.to}`,
        await partners().overviewCsv(range, languageOf(ctx))
      );
    },

    async report(ctx) {
      const { documentId } = parse(partnerParams, ctx.params);
      ctx.body = { data: await partners().report(documentId, period(ctx), languageOf(ctx)) };
    },

    async reportCsv(ctx) {
      const { documentId } = parse(partnerParams, ctx.params);
      const range = period(ctx);
      const { table } = parse(partnerCsvQuery, { table: ctx.query.table });
      sendCsv(
        ctx,
        `partner-${documentId}-${table}-${range.from}-${range.to}`,
        await partners().reportCsv(documentId, range, table as PartnerCsvTable, languageOf(ctx))
      );
    },

    async week(ctx) {
      ctx.body = { data: await partners().week(languageOf(ctx)) };
    },

    async shares(ctx) {
      const { documentId } = parse(partnerParams, ctx.params);
      ctx.body = { data: await shares().list(documentId) };
    },

    async share(ctx) {
      const { documentId } = parse(partnerParams, ctx.params);
      const input = parse(shareCreateBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await shares().create(documentId, input as any, ctx.state.user?.id ?? null) };
    },

    async revoke(ctx) {
      const { id } = parse(shareIdParams, ctx.params);
      ctx.body = { data: await shares().revoke(id) };
    },
  };
};

export default partnersController;
