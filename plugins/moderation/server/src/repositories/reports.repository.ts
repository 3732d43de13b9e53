import type { Core } from '@strapi/strapi';
import { modelOf } from '@porte-voix/kit/server';

import type { ReportReason } from '../config/schema';
import { REPORT_UID } from '../utils/uids';

export type NewReport = {
  commentDocumentId: string;
  reason: ReportReason;
  note: string | null;
  weight: number;
  ipHash: string | null;
};

/** The only code that touches readers' reports (one per reader and comment: a unique index). */
export const reportsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(REPORT_UID);

  return {
    countFrom: (commentDocumentId: string, ipHash: string): Promise<number> =>
      query().count({ where: { commentDocumentId, ipHash } }),

    async create(report: NewReport): Promise<void> {
      await query().create({ data: report });
    },

    /** Reports on a comment since a moderator last looked at it: how many, their weight, per reason. */
    async totalsSince(commentDocumentId: string, since: Date | null) {
      const { table, column: c } = modelOf(strapi, REPORT_UID);
      const totals = strapi.db
        .connection(table)
        .select(`${c('reason')} as reason`)
        .count('* as count')
        .sum(`${c('weight')} as weight`)
        .where(c('commentDocumentId'), commentDocumentId)
        .groupBy(c('reason'));
      if (since) totals.where(c('createdAt'), '>', since);
      const rows = (await totals) as { reason: string; count: unknown; weight: unknown }[];
      const reasons: Record<string, number> = {};
      let count = 0;
      let score = 0;
      for (const row of rows) {
        reasons[row.reason] = Number(row.count);
        count += Number(row.count);
        score += Number(row.weight ?? 0);
      }
      return { count, score, reasons };
    },
  };
};
