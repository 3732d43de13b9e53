/**
 * Mentions per ISO week in a report's time zone, from listening's hourly rollups: the brand
 * searches' mentions by sentiment, and share of voice against the competitor searches'. An hour
 * falls in the week of its start (in a zone half an hour off UTC, a week's edge is half an hour off).
 */
import type { MentionWeek } from '@porte-voix/kit/contracts';

import { isoWeekOf } from '../response-report';

export type MentionHour = {
  searchId: number;
  /** The UTC hour, `2026-12-02T09`. */
  hour: string;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
};

/** One row per week that had mentions, oldest first. */
export function weeklyMentions(
  hours: MentionHour[],
  kindOf: (searchId: number) => 'brand' | 'competitor',
  timeZone: string
): MentionWeek[] {
  const weeks = new Map<string, MentionWeek>();
  for (const row of hours) {
    const { week, weekStart } = isoWeekOf(new Date(`${row.hour}:00:00Z`), timeZone);
    const into = weeks.get(weekStart) ?? {
      week,
      weekStart,
      mentions: 0,
      positive: 0,
      neutral: 0,
      negative: 0,
      competitorMentions: 0,
      brandShare: null,
    };
    if (kindOf(row.searchId) === 'competitor') into.competitorMentions += row.total;
    else {
      into.mentions += row.total;
      into.positive += row.positive;
      into.neutral += row.neutral;
      into.negative += row.negative;
    }
    weeks.set(weekStart, into);
  }
  return [...weeks.values()]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
    .map((week) => {
      const spoken = week.mentions + week.competitorMentions;
      return { ...week, brandShare: spoken > 0 ? week.mentions / spoken : null };
    });
}
