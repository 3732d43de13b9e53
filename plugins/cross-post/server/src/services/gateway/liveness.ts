/**
 * Whether an account's push connection (Discord's gateway) can be trusted to have heard every new
 * private conversation: it says it is alive at least every `ALIVE_EVERY_MS`; silent for longer than
 * `ALIVE_WITHIN_MS`, it may be down (the instance holding it stopped), and what it heard is only a hint.
 */
export const ALIVE_EVERY_MS = 30_000;
export const ALIVE_WITHIN_MS = 4 * ALIVE_EVERY_MS;

/** Since when the connection heard everything without a gap, or null when it may have missed some. */
export function heardWithoutGapSince(
  account: { gatewaySince: Date | null; gatewayAliveAt: Date | null },
  now = Date.now()
): Date | null {
  if (!account.gatewaySince || !account.gatewayAliveAt) return null;
  return now - account.gatewayAliveAt.getTime() <= ALIVE_WITHIN_MS ? account.gatewaySince : null;
}
