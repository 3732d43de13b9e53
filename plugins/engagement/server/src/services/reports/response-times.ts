/**
 * The inbox's response times per network and per week, as the moderation plugin measures them
 * (its `inbox-report` service; plugins talk through services): read for the report's days in the
 * report's time zone, checked before anything is shown. Without the moderation plugin, no rows.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { ResponseTimeWeek } from '@porte-voix/kit/contracts';

import { addDays } from '../../domain/local-day';

const weekRow = z.object({
  network: z.string(),
  week: z.string(),
  weekStart: z.string(),
  items: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  medianFirstResponseMinutes: z.number().nullable(),
  resolved: z.number().int().nonnegative(),
  medianResolutionMinutes: z.number().nullable(),
  goalMinutes: z.number().positive(),
  withinGoal: z.number().int().nonnegative(),
  withinGoalRate: z.number().min(0).max(1).nullable(),
  overdue: z.number().int().nonnegative(),
});

/** The instant a calendar day starts in a time zone. */
export function dayStart(day: string, timeZone: string): Date {
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(asUtc));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second')
  );
  return new Date(asUtc - (shown - asUtc));
}

export async function responseTimes(
  strapi: Core.Strapi,
  range: { from: string; to: string; network?: string },
  timeZone: string
): Promise<ResponseTimeWeek[]> {
  const service = strapi.plugin('moderation')?.service('inbox-report') as
    { weekly(query: { from: Date; to: Date; timeZone: string }): Promise<unknown> } | undefined;
  if (!service) return [];
  const rows = z.array(weekRow).parse(
    await service.weekly({
      from: dayStart(range.from, timeZone),
      to: dayStart(addDays(range.to, 1), timeZone),
      timeZone,
    })
  ) as ResponseTimeWeek[];
  return range.network ? rows.filter((row) => row.network === range.network) : rows;
}
