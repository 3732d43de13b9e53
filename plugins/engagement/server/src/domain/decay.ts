/**
 * When a delivery is collected next: often while people are still reacting, rarely once they have
 * moved on, never after day 90 (frozen). The age is counted from the publication.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Up to `ageBelowMs`, collect every `everyMs`. */
export const DECAY_STEPS = [
  { ageBelowMs: 48 * HOUR_MS, everyMs: HOUR_MS },
  { ageBelowMs: 7 * DAY_MS, everyMs: 6 * HOUR_MS },
  { ageBelowMs: 30 * DAY_MS, everyMs: DAY_MS },
  { ageBelowMs: 90 * DAY_MS, everyMs: 7 * DAY_MS },
] as const;

/** From this age on, a delivery is frozen: its last numbers stay, nothing is asked any more. */
export const FREEZE_AGE_MS = 90 * DAY_MS;

/**
 * The last snapshot before a network's window closes (X's non-public clicks vanish after 30 days)
 * is taken this long before the end, so a late tick or a short rate limit still catches it.
 */
export const WINDOW_MARGIN_MS = 6 * HOUR_MS;

export type DecayProfile = {
  /** 'daily': the network updates its insights about once a day, asking more often brings nothing new. */
  freshness: 'live' | 'daily';
  /** Days after publication during which some counters stay readable. */
  windowDays?: number;
};

export type NextCollection = { state: 'active'; at: Date } | { state: 'frozen'; at: null };

/**
 * After a collection at `collectedAt`: the next one, or frozen. `minIntervalMs` stretches the wait
 * (a post the network cannot measure now is asked again no more than daily).
 */
export function nextCollection(
  postedAt: Date,
  collectedAt: Date,
  profile: DecayProfile,
  minIntervalMs = 0
): NextCollection {
  const posted = postedAt.getTime();
  const now = collectedAt.getTime();
  const age = now - posted;
  if (age >= FREEZE_AGE_MS) return { state: 'frozen', at: null };

  const step =
    DECAY_STEPS.find((candidate) => age < candidate.ageBelowMs) ?? DECAY_STEPS[DECAY_STEPS.length - 1];
  let interval = Math.max(step.everyMs, minIntervalMs);
  if (profile.freshness === 'daily') interval = Math.max(interval, DAY_MS);

  let next = now + interval;
  if (profile.windowDays !== undefined && profile.windowDays > 0) {
    const lastCall = posted + profile.windowDays * DAY_MS - WINDOW_MARGIN_MS;
    if (now < lastCall && next > lastCall) next = lastCall;
  }
  // One last reading on day 90, then frozen.
  next = Math.min(next, posted + FREEZE_AGE_MS);
  return { state: 'active', at: new Date(next) };
}
