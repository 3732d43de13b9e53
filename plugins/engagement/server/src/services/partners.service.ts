/** The partner reports the admin reads: every partner over a period, one partner in detail, the homepage's week. */
import type { Core } from '@strapi/strapi';

import type { EngagementConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';
import { partnerReportCsv, partnersCsv, type PartnerCsvTable } from './partners/csv';
import { partnerReport, partnersOverview, type Period } from './partners/report';
import { partnerWeek } from './partners/week';

const partnersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const timeZone = () => strapi.plugin(PLUGIN_ID).config('timeZone') as EngagementConfig['timeZone'];
  return {
    overview: (period: Period, locale?: string) => partnersOverview(strapi, period, locale),
    report: (documentId: string, period: Period, locale?: string) =>
      partnerReport(strapi, documentId, period, { audience: 'admin', locale, timeZone: timeZone() }),
    week: (locale?: string) => partnerWeek(strapi, timeZone(), locale),
    overviewCsv: async (period: Period, language: string) =>
      partnersCsv(await partnersOverview(strapi, period, language), language),
    reportCsv: async (documentId: string, period: Period, table: PartnerCsvTable, language: string) =>
      partnerReportCsv(
        await partnerReport(strapi, documentId, period, {
          audience: 'admin',
          locale: language,
          timeZone: timeZone(),
        }),
        table,
        language
      ),
  };
};

export type PartnersService = ReturnType<typeof partnersService>;
export default partnersService;
