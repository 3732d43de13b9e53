import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '@porte-voix/kit/server';

import { campaignPartnersCsv, reportCsv, type CsvTable } from '../services/reports/export';
import type { KpiMetric } from '../domain/kpi-targets';
import { getService } from '../utils/get-service';
import {
  documentParams,
  periodQuery,
  targetsCheckBody,
  type PeriodQuery,
} from '../validators/reports.validator';
import { registeredNetworks } from '../validators/network.validator';

/** The admin's language: `?locale=` when the page names it, else the admin's preferred language. */
const languageOf = (ctx: any): string =>
  (typeof ctx.query.locale === 'string' && ctx.query.locale) || ctx.state.user?.preferedLanguage || 'en';

const denominator = z.object({
  by: z
    .enum(['impressions', 'reach', 'followers'], {
      errorMap: () => ({ message: 'by must be impressions, reach or followers' }),
    })
    .default('followers'),
});

const csvTable = z.object({
  table: z
    .enum(['daily', 'networks', 'posts'], {
      errorMap: () => ({ message: 'table must be daily, networks or posts' }),
    })
    .default('daily'),
});

const campaignCsvTable = z.object({
  table: z
    .enum(['daily', 'networks', 'posts', 'partners'], {
      errorMap: () => ({ message: 'table must be daily, networks, posts or partners' }),
    })
    .default('daily'),
});

function sendCsv(ctx: any, name: string, csv: string) {
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${name}.csv"`);
  ctx.body = csv;
}

/** Reports under /engagement, behind `read`; their CSV behind `export`. */
const reportsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => getService(strapi, 'reports');
  const period = (ctx: any) => parse(periodQuery(registeredNetworks(strapi)), ctx.query) as PeriodQuery;

  return {
    async homepage(ctx) {
      ctx.body = { data: await reports().homepage(languageOf(ctx)) };
    },

    async overview(ctx) {
      ctx.body = { data: await reports().overview(period(ctx)) };
    },

    async overviewCsv(ctx) {
      const query = period(ctx);
      const { table } = parse(csvTable, { table: ctx.query.table });
      const result = await reports().overview(query);
      const rows =
        table === 'networks'
          ? result.byNetwork
          : table === 'posts'
            ? await reports().topPosts(query, { campaign: query.campaign, network: query.network })
            : result.daily;
      sendCsv(
        ctx,
        `engagement-${table}-${query.from}-${query.to}`,
        reportCsv(table as CsvTable, rows as any, languageOf(ctx))
      );
    },

    async campaign(ctx) {
      const { documentId } = parse(documentParams, ctx.params);
      ctx.body = { data: await reports().campaign(documentId, languageOf(ctx)) };
    },

    async campaignCsv(ctx) {
      const { documentId } = parse(documentParams, ctx.params);
      const { table } = parse(campaignCsvTable, { table: ctx.query.table });
      const report = await reports().campaign(documentId, languageOf(ctx));
      if (table === 'partners') {
        sendCsv(
          ctx,
          `campaign-${documentId}-partners`,
          campaignPartnersCsv(report.byPartner, languageOf(ctx))
        );
        return;
      }
      const rows = table === 'networks' ? report.byNetwork : table === 'posts' ? report.byPost : report.daily;
      sendCsv(ctx, `campaign-${documentId}-${table}`, reportCsv(table, rows as any, languageOf(ctx)));
    },

    async topPosts(ctx) {
      const query = period(ctx);
      ctx.body = {
        data: await reports().topPosts(query, {
          campaign: query.campaign,
          network: query.network,
          locale: languageOf(ctx),
        }),
      };
    },

    async responseTimes(ctx) {
      ctx.body = { data: await reports().responseTimes(period(ctx)) };
    },

    async mentions(ctx) {
      ctx.body = { data: await reports().mentions(period(ctx)) };
    },

    async followers(ctx) {
      ctx.body = { data: await reports().followers(period(ctx)) };
    },

    async bestTimes(ctx) {
      const query = period(ctx);
      const { by } = parse(denominator, { by: ctx.query.by });
      ctx.body = { data: await reports().bestTimes(query, by, query.campaign) };
    },

    async filters(ctx) {
      ctx.body = { data: await reports().filters(languageOf(ctx)) };
    },

    async checkTargets(ctx) {
      const { targets, networks } = parse(targetsCheckBody(registeredNetworks(strapi)), ctx.request.body) as {
        targets: Array<{ metric: KpiMetric; network?: string | null }>;
        networks?: string[];
      };
      ctx.body = { data: await reports().checkTargets(targets, networks) };
    },

    async health(ctx) {
      ctx.body = { data: await reports().health() };
    },
  };
};

export default reportsController;
