/**
 * Response times of the inbox per network and per week (domain/response-report.ts), for the queue's
 * own report and for the engagement plugin's reports, which read this service (plugins talk through
 * services). The goals are the moderation settings' (`inbox.responseGoalMinutes`, `inbox.perNetwork`).
 */
import type { Core } from '@strapi/strapi';
import type { ResponseTimeWeek } from '@porte-voix/kit/contracts';

import { weeklyResponseTimes } from '../domain/response-report';
import type { ResponseGoals } from '../domain/response-time';
import { commentsRepository } from '../repositories/comments.repository';
import { getService } from '../utils/get-service';
import { checkReportWindow } from '../validators/report-window';

/** A report reads at most this many items: a year of a busy inbox. */
const MAX_ITEMS = 100_000;

const date = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

const inboxReportService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** One row per (network, ISO week in `timeZone`) with items collected in [from, to). */
  async weekly(query: { from: Date; to: Date; timeZone?: string }): Promise<ResponseTimeWeek[]> {
    const timeZone = checkReportWindow(query);
    const [settings, rows] = await Promise.all([
      getService(strapi, 'settings').get(),
      commentsRepository(strapi).networkItemsBetween(query.from, query.to, MAX_ITEMS),
    ]);
    return weeklyResponseTimes(
      rows.map((row) => ({
        network: String(row.sourceNetwork),
        createdAt: date(row.createdAt),
        firstResponseAt: row.firstResponseAt ? date(row.firstResponseAt) : null,
        doneAt: row.doneAt ? date(row.doneAt) : null,
      })),
      settings.inbox as ResponseGoals,
      new Date(),
      timeZone
    );
  },
});

export default inboxReportService;
