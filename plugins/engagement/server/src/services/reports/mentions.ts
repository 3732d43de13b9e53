/**
 * Mentions of the brand per week, as listening counts them in the moderation plugin (its
 * `listening-report` service; plugins talk through services): read for the report's days in the
 * report's time zone, checked before anything is shown. Without the moderation plugin, no rows.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { MentionWeek } from '@porte-voix/kit/contracts';

import { addDays } from '../../domain/local-day';
import { dayStart } from './response-times';

const count = z.number().int().nonnegative();
const weekRow = z.object({
  week: z.string(),
  weekStart: z.string(),
  mentions: count,
  positive: count,
  neutral: count,
  negative: count,
  competitorMentions: count,
  brandShare: z.number().min(0).max(1).nullable(),
});

type ListeningReport = {
  weekly(query: { from: Date; to: Date; timeZone: string; network?: string }): Promise<unknown>;
};

export async function mentionWeeks(
  strapi: Core.Strapi,
  range: { from: string; to: string; network?: string },
  timeZone: string
): Promise<MentionWeek[]> {
  const service = strapi.plugin('moderation')?.service('listening-report') as ListeningReport | undefined;
  if (!service) return [];
  return z.array(weekRow).parse(
    await service.weekly({
      from: dayStart(range.from, timeZone),
      to: dayStart(addDays(range.to, 1), timeZone),
      timeZone,
      network: range.network,
    })
  ) as MentionWeek[];
}
