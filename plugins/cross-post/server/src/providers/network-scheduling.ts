/**
 * When a post is handed to the network to publish at its time, rather than sent by our dispatcher at
 * that time. Only where the network can hold a post (`Provider.schedulesOnNetwork`: WordPress,
 * YouTube) and the account asks for it (its `scheduleOn` setting is `network`), and only for a time
 * far enough ahead (`minLeadMs`); anything nearer goes out through the dispatcher at its time.
 */
import type { Credentials, Problem, Provider } from './types';

export const SCHEDULE_ON = ['dispatcher', 'network'] as const;

const scheduleOn = (settings: Credentials | Record<string, string>) =>
  (settings.scheduleOn ?? '').trim().toLowerCase() || 'dispatcher';

/** The account's setting, as an editor wrote it: a problem when it names neither place. */
export function scheduleOnProblems(settings: Credentials): Problem[] {
  const value = scheduleOn(settings);
  return (SCHEDULE_ON as readonly string[]).includes(value)
    ? []
    : [
        {
          code: 'invalid_schedule_on',
          message: `The account's scheduleOn must be "network" or "dispatcher", not "${value}": edit the account.`,
        },
      ];
}

/** The time to hand to the network for a post due at `scheduledAt`, or undefined: the dispatcher sends it then. */
export function networkPublishAt(
  provider: Provider,
  settings: Credentials | Record<string, string>,
  scheduledAt: Date,
  now = Date.now()
): Date | undefined {
  if (!provider.schedulesOnNetwork || scheduleOn(settings) !== 'network') return undefined;
  return scheduledAt.getTime() - now >= provider.schedulesOnNetwork.minLeadMs ? scheduledAt : undefined;
}

/** When the dispatcher takes a delivery due at `scheduledAt`: at once when the network is to hold it. */
export function handOverAt(
  provider: Provider,
  settings: Credentials | Record<string, string>,
  scheduledAt: Date,
  now = Date.now()
): Date {
  return networkPublishAt(provider, settings, scheduledAt, now) ? new Date(now) : scheduledAt;
}

/** After the network's time, how long before we look whether the post went public (its own clock, its queue). */
export const CONFIRM_AFTER_MS = 60_000;
