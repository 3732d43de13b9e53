import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { localDay } from '../domain/local-time';
import { nextReportRun, reportPeriod } from '../domain/report-schedule';
import {
  reportSubscriptionsRepository,
  type SubscriptionRow,
} from '../repositories/report-subscriptions.repository';
import type { SubscriptionBody } from '../validators/subscriptions.validator';
import { topPosts } from './reports/audience';
import { campaignReport } from './reports/campaign';
import { loadCampaign } from './reports/campaigns';
import { renderReportEmail } from './reports/email';
import { overview } from './reports/overview';

/** How long an instance holds a report it is sending before another may try. */
const LEASE_MS = 10 * 60 * 1000;
/** Waits between failed tries: 5 min, 30 min, 2 h, then 6 h. */
const RETRY_MS = [5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

/**
 * Weekly (Monday 08:00) and monthly (the 2nd, 08:00) reports by e-mail, in the recipient's language
 * and the plugin's time zone. Each instance sends what is due; a compare-and-set claim makes one of
 * them send each report. A failed send is tried again with backoff, for the same period.
 */
const scheduledReportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const subscriptions = reportSubscriptionsRepository(strapi);
  const timeZone = () => strapi.plugin('engagement').config('timeZone') as string;

  const view = (row: SubscriptionRow) => ({
    id: row.id,
    email: row.email,
    language: row.language,
    cadence: row.cadence,
    campaign: row.campaignDocumentId,
    nextRunAt: row.dueAt,
    lastSentAt: row.lastSentAt,
    lastPeriod: row.lastPeriod,
    lastError: row.lastError,
  });

  async function compose(row: SubscriptionRow, dueAt: Date) {
    const zone = timeZone();
    const period = reportPeriod(row.cadence, dueAt, zone);
    const filter = row.campaignDocumentId ? { campaign: row.campaignDocumentId } : {};
    const [summary, top, campaign] = await Promise.all([
      overview(strapi, { ...period, compare: 'previous', ...filter }),
      topPosts(strapi, period, zone, { ...filter, limit: 5, locale: row.language }),
      row.campaignDocumentId ? campaignReport(strapi, row.campaignDocumentId, row.language) : null,
    ]);
    return {
      period,
      email: renderReportEmail({
        language: row.language,
        cadence: row.cadence,
        period,
        overview: summary,
        topPosts: top,
        ...(campaign && {
          campaign: {
            name: campaign.campaign.name,
            targets: campaign.targets.map((t) => ({
              metric: t.metric,
              target: t.target,
              actual: t.actual,
              status: t.pace?.status ?? null,
            })),
          },
        }),
      }),
    };
  }

  return {
    list: async () => (await subscriptions.list()).map(view),

    async subscribe(body: SubscriptionBody, subscribedById: number | null, now = new Date()) {
      if (body.campaign) await loadCampaign(strapi, body.campaign);
      const dueAt = nextReportRun(body.cadence, now, timeZone());
      const row = await subscriptions.create({
        email: body.email,
        language: body.language,
        cadence: body.cadence,
        campaignDocumentId: body.campaign ?? null,
        dueAt: dueAt.toISOString(),
        nextAttemptAt: dueAt.toISOString(),
        subscribedById,
      });
      return view(row);
    },

    async unsubscribe(id: number) {
      if (!(await subscriptions.find(id)))
        throw new errors.NotFoundError(`No report subscription ${id}`, { reason: 'subscription_not_found' });
      await subscriptions.remove(id);
    },

    /** Sends every report due at `now`; answers how many went out and how many failed. */
    async sendDue(now = new Date()) {
      let sent = 0;
      let failed = 0;
      for (const row of await subscriptions.due(now, 50)) {
        if (!(await subscriptions.claim(row, new Date(now.getTime() + LEASE_MS)))) continue;
        const dueAt = new Date(row.dueAt);
        try {
          const { period, email } = await compose(row, dueAt);
          await strapi
            .plugin('email')
            .service('email')
            .send({ to: row.email, ...email });
          await subscriptions.sent(row.id, {
            dueAt: nextReportRun(row.cadence, dueAt, timeZone()),
            lastSentAt: now,
            lastPeriod: `${period.from}/${period.to}`,
          });
          sent += 1;
        } catch (error) {
          failed += 1;
          const failures = (row.failures ?? 0) + 1;
          await subscriptions.failed(row.id, {
            nextAttemptAt: new Date(now.getTime() + RETRY_MS[Math.min(failures, RETRY_MS.length) - 1]),
            failures,
            lastError: String((error as Error).message).slice(0, 1000),
          });
          strapi.log.warn(
            `[engagement] The ${row.cadence} report to ${row.email} failed: ${(error as Error).message}`
          );
        }
      }
      return { sent, failed, day: localDay(now, timeZone()) };
    },
  };
};

export type ScheduledReportsService = ReturnType<typeof scheduledReportsService>;
export default scheduledReportsService;
