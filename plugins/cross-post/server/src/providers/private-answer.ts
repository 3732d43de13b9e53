/**
 * Answering a direct message exactly once on a network without idempotency keys (X DMs, Messenger).
 * Before the message is sent, the answer's progress (`ctx.progress`, kept on its row) records which
 * conversation and text it is and from when; an attempt after an uncertain outcome (a timeout, a 5xx,
 * a crash) first looks the conversation up for the account's own message with that text since then:
 * found, the answer is confirmed without sending; not found, it is sent, once.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

import type { ProviderContext, PublishResult } from './types';

/** How far our clock and the network's may disagree when the lookup compares times. */
export const CLOCK_MARGIN_MS = 60_000;

const savedSchema = z.object({
  privateAnswer: z.object({ conversation: z.string(), fingerprint: z.string(), since: z.string() }),
});

const fingerprintOf = (conversation: string, text: string) =>
  createHash('sha256').update(`${conversation}\u0000${text}`).digest('hex').slice(0, 32);

export type PrivateAnswerSteps = {
  /** The account's own message with this text in the conversation since then, if the network shows one. */
  findSent(since: Date): Promise<PublishResult | null>;
  send(): Promise<PublishResult>;
};

export async function answerPrivatelyOnce(
  answer: { conversation: string; text: string },
  steps: PrivateAnswerSteps,
  ctx: ProviderContext
): Promise<PublishResult> {
  const fingerprint = fingerprintOf(answer.conversation, answer.text);
  const saved = savedSchema.safeParse(ctx.progress?.saved ?? null);
  const earlier =
    saved.success &&
    saved.data.privateAnswer.conversation === answer.conversation &&
    saved.data.privateAnswer.fingerprint === fingerprint
      ? new Date(saved.data.privateAnswer.since)
      : null;
  if (earlier) {
    const found = await steps.findSent(earlier);
    if (found) return found;
  }
  // The earliest attempt's time stays: a message from it that shows late is still found next time.
  const since = earlier ?? new Date(Date.now() - CLOCK_MARGIN_MS);
  await ctx.progress?.save({
    privateAnswer: { conversation: answer.conversation, fingerprint, since: since.toISOString() },
  });
  return steps.send();
}
