/**
 * What Instagram and Threads share (Meta's Graph APIs for media containers): a post is a container
 * created, polled until it is ready, then published. The two steps are apart, so the container's id is
 * saved on the delivery (`ctx.progress`) before anything is published: an attempt after a crash
 * publishes the same container, or finds the post when the container already says PUBLISHED, and
 * never creates a second one. Also: the Graph error envelope and the 24-hour publishing limit.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

import { headerValue, httpStatus, responseBody, transportVerdict } from './common';
import { ProviderError, type ErrorVerdict, type ProviderContext, type RemotePost } from './types';

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export type ContainerSteps = {
  networkName: string;
  /** Creates the container (its children first, for a carousel); answers the id to publish. */
  create(): Promise<string>;
  status(containerId: string): Promise<{ status: ContainerStatus; detail?: string | null }>;
  /** Publishes a FINISHED container; answers the post's id. */
  publish(containerId: string): Promise<string>;
  /** The post the container became, when the container says PUBLISHED but its id was lost. */
  findPublished(): Promise<RemotePost | null>;
};

/** How long and how often a container is asked about before the attempt gives up (the next resumes it). */
export const CONTAINER_POLLING = { firstWaitMs: 250, maxWaitMs: 4_000, budgetMs: 20_000 };

const savedSchema = z.object({ containerId: z.string(), fingerprint: z.string() });

/** What the container carries: another text or other media (a new approval) needs a new container. */
export function containerFingerprint(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilFinished(
  steps: ContainerSteps,
  containerId: string,
  ctx: ProviderContext
): Promise<void> {
  const started = Date.now();
  // No longer than one request may take (a third of the dispatcher's lease): the delivery stays held.
  const budgetMs = Math.min(CONTAINER_POLLING.budgetMs, Number(ctx.http.defaults?.timeout) || Infinity);
  for (let wait = CONTAINER_POLLING.firstWaitMs; ; wait = Math.min(wait * 2, CONTAINER_POLLING.maxWaitMs)) {
    const { status, detail } = await steps.status(containerId);
    if (status === 'FINISHED') return;
    if (status === 'ERROR') {
      throw new ProviderError(
        `${steps.networkName} could not process the media (${detail || 'no detail'}): check its format, size and length, then retry.`
      );
    }
    if (status === 'EXPIRED' || status === 'PUBLISHED') {
      throw new ProviderError(`${steps.networkName}'s container became ${status} while waiting.`, 'unknown');
    }
    if (Date.now() - started + wait > budgetMs) {
      throw new ProviderError(
        `${steps.networkName} is still processing the media; the same container is published on the next attempt.`,
        'retry'
      );
    }
    await sleep(wait);
  }
}

/**
 * Publishes exactly once: resumes the saved container when it carries the same post, creates one
 * (and saves its id) otherwise. Answers the post's id, or the post found when the container was
 * already published.
 */
export async function publishContainerOnce(
  steps: ContainerSteps,
  fingerprint: string,
  ctx: ProviderContext
): Promise<{ mediaId: string } | { found: RemotePost }> {
  const saved = savedSchema.safeParse(ctx.progress?.saved ?? null);
  let containerId = saved.success && saved.data.fingerprint === fingerprint ? saved.data.containerId : null;
  if (containerId) {
    const { status } = await steps.status(containerId);
    if (status === 'PUBLISHED') {
      const found = await steps.findPublished();
      if (found) return { found };
      throw new ProviderError(
        `${steps.networkName} says this post was published, but it is not listed yet; it will be looked up again.`,
        'unknown'
      );
    }
    // An expired or failed container is left to expire; a new one carries the post.
    if (status === 'EXPIRED' || status === 'ERROR') containerId = null;
  }
  if (!containerId) {
    containerId = await steps.create();
    await ctx.progress?.save({ containerId, fingerprint });
  }
  await untilFinished(steps, containerId, ctx);
  return { mediaId: await steps.publish(containerId) };
}

const limitSchema = z.object({
  data: z
    .array(
      z
        .object({
          quota_usage: z.coerce.number(),
          config: z
            .object({ quota_total: z.coerce.number(), quota_duration: z.coerce.number() })
            .passthrough(),
        })
        .passthrough()
    )
    .min(1),
});

export type PublishingLimit = { used: number; total: number; windowMs: number };

/** The account's rolling publishing limit as the network reports it (`content_publishing_limit`, `threads_publishing_limit`). */
export function parsePublishingLimit(data: unknown): PublishingLimit {
  const [entry] = limitSchema.parse(data).data;
  return {
    used: entry.quota_usage,
    total: entry.config.quota_total,
    windowMs: entry.config.quota_duration * 1000,
  };
}

/**
 * When the rolling window frees a place: the oldest publication inside it leaves the window then
 * (`timestamps`: the account's latest posts, ISO); an hour when they do not tell.
 */
export function windowFreesAt(limit: PublishingLimit, timestamps: string[], now = Date.now()): Date {
  const inWindow = timestamps
    .map((t) => Date.parse(t))
    .filter((t) => Number.isFinite(t) && t > now - limit.windowMs)
    .sort((a, b) => a - b);
  const oldest = inWindow[Math.max(0, inWindow.length - limit.total)];
  return new Date(oldest !== undefined ? oldest + limit.windowMs : now + 3_600_000);
}

/** The Graph error envelope, when the answer carries one. */
export function graphError(error: unknown): {
  code: number;
  subcode: number;
  message: string;
  transient: boolean;
} {
  const body = responseBody(error)?.error ?? {};
  return {
    code: Number(body.code),
    subcode: Number(body.error_subcode),
    message: String(body.error_user_msg ?? body.message ?? `HTTP ${httpStatus(error)}`),
    transient: body.is_transient === true,
  };
}

/** The longest `estimated_time_to_regain_access` (minutes) in X-Business-Use-Case-Usage, in ms. */
export function businessUseCaseWait(error: unknown): number | undefined {
  const raw = headerValue(error, 'X-Business-Use-Case-Usage');
  if (!raw) return undefined;
  try {
    const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Object.values(usage)
      .flat()
      .map((entry) => Number(entry.estimated_time_to_regain_access) || 0);
    return minutes.length > 0 ? Math.max(...minutes) * 60_000 : undefined;
  } catch {
    return undefined;
  }
}

/** Graph codes for throttling: app (4), user (17), and call-count limits. */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);

/**
 * The verdict both networks share. `limitReached` says whether the error is the account's publishing
 * cap (the wait then comes from `capWaitMs`), `tokenInvalid` whether the token can be refreshed.
 */
export function classifyGraphError(
  error: unknown,
  networkName: string,
  rules: { isCap(e: ReturnType<typeof graphError>): boolean; capWaitMs?: number }
): ErrorVerdict {
  const transport = transportVerdict(error);
  if (transport) return transport;
  const status = httpStatus(error);
  if (status === undefined) return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
  const e = graphError(error);
  if (rules.isCap(e)) {
    return {
      action: 'retry',
      rateLimited: true,
      waitMs: rules.capWaitMs ?? 3_600_000,
      reason: `${networkName}'s 24-hour publishing limit is reached (${e.message}).`,
    };
  }
  if (status === 429 || RATE_LIMIT_CODES.has(e.code)) {
    return {
      action: 'retry',
      rateLimited: true,
      waitMs: businessUseCaseWait(error),
      reason: `${networkName} rate limit reached (${e.message}).`,
    };
  }
  if (status >= 500 || e.transient || e.code === 1 || e.code === 2) {
    return {
      action: 'retry',
      reason: `${networkName} had a temporary error (${e.message}); it will be tried again.`,
    };
  }
  if (e.code === 190) {
    // 458 app removed, 460 password changed: the person must connect the account again.
    if (e.subcode === 458 || e.subcode === 460) {
      return {
        action: 'reject',
        credentials: true,
        reason: `${networkName} no longer accepts this account's token (${e.message}): reconnect the account.`,
      };
    }
    return { action: 'refresh', reason: `${networkName} access token expired (${e.message}).` };
  }
  if (e.code === 10 || (e.code >= 200 && e.code < 300)) {
    return {
      action: 'reject',
      credentials: true,
      reason: `${networkName} refused a permission (${e.message}): reconnect the account with publishing rights.`,
    };
  }
  return { action: 'reject', reason: `${networkName} refused the post: ${e.message}.` };
}
