/**
 * How fast an inbox item was handled: minutes to the first answer and to resolution (marked done),
 * and whether it is overdue: not answered nor done, older than its network's goal. Pure, so the
 * queue and the reports judge it the same way.
 */
export type ResponseGoals = { responseGoalMinutes: number; perNetwork: Record<string, number> };

export type ResponseTimes = {
  goalMinutes: number;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  overdue: boolean;
};

const minutesBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));

export function responseTimes(
  item: { network: string; createdAt: Date; firstResponseAt: Date | null; doneAt: Date | null },
  goals: ResponseGoals,
  now: Date
): ResponseTimes {
  const goalMinutes = goals.perNetwork[item.network] ?? goals.responseGoalMinutes;
  const handled = item.firstResponseAt ?? item.doneAt;
  return {
    goalMinutes,
    firstResponseMinutes: item.firstResponseAt ? minutesBetween(item.createdAt, item.firstResponseAt) : null,
    resolutionMinutes: item.doneAt ? minutesBetween(item.createdAt, item.doneAt) : null,
    overdue: !handled && now.getTime() - item.createdAt.getTime() > goalMinutes * 60_000,
  };
}
