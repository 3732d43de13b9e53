/**
 * How a source (an inbox account, a listening search's network or feed) is read in rounds: held by
 * one instance for a lease, given back with what its read met and when it is due again. Shared by
 * the inbox's and listening's collections, whose sources differ only in what they read.
 */
import { READ_FAILURE_REASONS, type ReadFailureReason } from '@porte-voix/kit/contracts';
import { z } from 'zod';

/** A source is held this long per claim: enough for its pages, short enough to recover from a crash. */
export const SOURCE_LEASE_MS = 2 * 60_000;
/** Sources one instance reads per round. */
export const SOURCES_PER_ROUND = 10;
/** A failure that names no time to come back is tried again after this. */
export const FAILURE_WAIT_MS = 5 * 60_000;

/** What a source's read met, as its release writes it down. */
export type ReadOutcome<Kind extends string> = {
  collected: number;
  /** Due again this long after the database's now, unless `at` says when. */
  inMs: number;
  at?: Date | null;
  error: string | null;
  errorKind?: Kind | null;
};

/**
 * A network's refusal of a page, as cross-post answers it (replies and searches alike): its kind, its
 * words, and when it may be asked again.
 */
export const networkRefusal = z.object({
  ok: z.literal(false),
  retryAt: z.string().nullable(),
  reason: z.enum(READ_FAILURE_REASONS),
  message: z.string(),
});
export type NetworkRefusal = z.infer<typeof networkRefusal>;

/** The network refused a page: the source waits for the time it named, else the usual wait. */
export function afterRefusal(collected: number, refusal: NetworkRefusal): ReadOutcome<ReadFailureReason> {
  const at = refusal.retryAt ? new Date(refusal.retryAt) : null;
  return { collected, inMs: at ? 0 : FAILURE_WAIT_MS, at, error: refusal.message, errorKind: refusal.reason };
}

/** The read broke (a bug, the database): nothing counted, said as it was, tried again later. */
export function afterBreak(error: unknown): ReadOutcome<'failed'> {
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  return { collected: 0, inMs: FAILURE_WAIT_MS, at: null, error: message, errorKind: 'failed' };
}
