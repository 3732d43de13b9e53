/**
 * When to ask an account again after cross-post refused a metrics call. The network's own signal
 * wins (cross-post passes it as `retryAt`); without one, a wait that fits the reason: an account to
 * reconnect needs a person, so it is asked rarely until then.
 */
import { HOUR_MS } from './decay';

const MINUTE_MS = 60_000;

const WAIT_WITHOUT_SIGNAL: Record<string, number> = {
  reconnect: 6 * HOUR_MS,
  rate_limited: 15 * MINUTE_MS,
  paused_for_publishing: 10 * MINUTE_MS,
  network_error: 15 * MINUTE_MS,
};

export function retryAfterFailure(failure: { retryAt: string | null; reason: string }, now: Date): Date {
  const signal = failure.retryAt ? Date.parse(failure.retryAt) : NaN;
  if (Number.isFinite(signal) && signal > now.getTime()) return new Date(signal);
  return new Date(now.getTime() + (WAIT_WITHOUT_SIGNAL[failure.reason] ?? HOUR_MS));
}
