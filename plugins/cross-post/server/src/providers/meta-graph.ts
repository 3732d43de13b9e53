/**
 * What Instagram and Threads read alike on Meta's Graph APIs, apart from the containers
 * (meta-containers.ts): a post's insights, an object that no longer exists, a carousel item's wait,
 * the rolling publishing limit checked before a container, and the long-lived token's refresh.
 */
import { z } from 'zod';

import { httpStatus, responseBody } from './common';
import { parsePublishingLimit, windowFreesAt, type ContainerStatus } from './meta-containers';
import { checkBatch, ok } from './metrics';
import { ownIdentity } from './own-identity';
import { CLOCK_MARGIN_MS, currentPost, emptySweep, readSweep, sweepOn } from './per-post';
import { sameText } from './text';
import {
  ProviderError,
  type DeliveryMetrics,
  type MetricCounter,
  type ProviderContext,
  type PublishResult,
  type RemotePost,
  type RepliesPage,
} from './types';

/** A Graph "object does not exist" answer (code 100, subcode 33), or a 404. */
export function isGraphMissing(error: unknown): boolean {
  const body = responseBody(error)?.error ?? {};
  return httpStatus(error) === 404 || (Number(body.code) === 100 && Number(body.error_subcode) === 33);
}

export type InsightsRequest = {
  networkName: string;
  /** `/v23.0`, `/v1.0`. */
  versionPath: string;
  headers: Record<string, string>;
  /** Our counter for each of the network's metric names, in the order asked. */
  counters: Record<string, MetricCounter>;
  /** Why a post shows no insights, after the network's own message. */
  unavailableHint: string;
};

/** One post's insights (`/{media-id}/insights`): gone when deleted, unavailable when refused (code 10, 2xx). */
export async function fetchInsights(
  remoteIds: string[],
  request: InsightsRequest,
  ctx: ProviderContext
): Promise<DeliveryMetrics[]> {
  checkBatch(remoteIds, 1, request.networkName);
  const [id] = remoteIds;
  try {
    const { data } = await ctx.http.get(`${request.versionPath}/${encodeURIComponent(id)}/insights`, {
      headers: request.headers,
      params: { metric: Object.keys(request.counters).join(',') },
    });
    const values = new Map<string, unknown>(
      ((data?.data ?? []) as any[]).map((metric) => [metric.name, metric.values?.[0]?.value])
    );
    return [
      ok(
        id,
        Object.fromEntries(
          Object.entries(request.counters).map(([name, counter]) => [counter, values.get(name)])
        )
      ),
    ];
  } catch (error) {
    if (isGraphMissing(error)) return [{ remoteId: id, state: 'gone' }];
    const body = responseBody(error)?.error;
    const code = Number(body?.code);
    if (code === 10 || (code >= 200 && code < 300)) {
      return [
        {
          remoteId: id,
          state: 'unavailable',
          reason: `${request.networkName} shows no insights for this post (${body?.message}): ${request.unavailableHint}.`,
        },
      ];
    }
    throw error;
  }
}

/** Waits for a carousel item to be processed (the carousel cannot be created before); the next attempt resumes. */
export async function waitCarouselItem(
  networkName: string,
  status: (id: string) => Promise<{ status: ContainerStatus; detail?: string | null }>,
  childId: string
): Promise<void> {
  for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
    const { status: state, detail } = await status(childId);
    if (state === 'FINISHED') return;
    if (state === 'ERROR' || state === 'EXPIRED') {
      throw new ProviderError(
        `${networkName} could not process a carousel item (${detail || state}): check its format and size.`
      );
    }
    if (wait >= 4_000) {
      throw new ProviderError(
        `${networkName} is still processing a carousel item; it will be tried again.`,
        'retry'
      );
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Refuses, before any container, a post the rolling 24-hour limit has no room for; answers what
 * remains when this post takes the last place (the account then waits for the window, not for a
 * refusal). `latestTimestamps(n)`: the times of the account's n latest posts.
 */
export async function checkPublishingLimit(
  options: {
    networkName: string;
    /** `profile`, `account`: what the limit is counted on, in the refusal. */
    owner: string;
    limitPath: string;
    headers: Record<string, string>;
    latestTimestamps(count: number): Promise<string[]>;
  },
  ctx: ProviderContext
): Promise<PublishResult['quota']> {
  const { data } = await ctx.http.get(options.limitPath, {
    headers: options.headers,
    params: { fields: 'quota_usage,config' },
  });
  const limit = parsePublishingLimit(data);
  if (limit.used + 1 < limit.total) return undefined;
  const freesAt = windowFreesAt(limit, await options.latestTimestamps(Math.min(limit.total, 100)));
  if (limit.used < limit.total) return { remaining: 0, resetAt: freesAt };
  throw new ProviderError(
    `${options.networkName} allows ${limit.total} posts per 24 hours on this ${options.owner} and they are used; the next place frees at ${freesAt.toISOString()}.`,
    'retry',
    { rateLimited: true, waitMs: Math.max(0, freesAt.getTime() - Date.now()) }
  );
}

/** A new long-lived token for the one about to expire (`ig_refresh_token`, `th_refresh_token`). */
export async function refreshLongLivedToken(
  grantType: string,
  ctx: ProviderContext
): Promise<Record<string, string>> {
  const { data } = await ctx.http.get('/refresh_access_token', {
    params: { grant_type: grantType, access_token: ctx.account.credentials.accessToken },
  });
  const token = z
    .object({ access_token: z.string().min(1) })
    .passthrough()
    .parse(data);
  return { ...ctx.account.credentials, accessToken: token.access_token };
}

const replySchema = z
  .object({
    id: z.string(),
    text: z.string().nullish(),
    username: z.string().nullish(),
    timestamp: z.string().nullish(),
    permalink: z.string().nullish(),
    parent_id: z.string().nullish(),
    replied_to: z.object({ id: z.string() }).passthrough().nullish(),
  })
  .passthrough();

/** Graph's `2026-12-02T10:00:00+0000` as ISO. */
const graphTime = (value: string | null | undefined) =>
  value ? new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString() : new Date().toISOString();

/**
 * Readers' comments (Instagram `/{media}/comments`) or replies (Threads `/{media}/conversation`)
 * under each of our recent posts (per-post.ts), 50 a page with the `after` cursor. Neither edge reads
 * from a time: what is older than the sweep's time is left out here, and what was kept is not kept twice.
 */
export async function fetchGraphReplies(
  request: {
    versionPath: string;
    edge: 'comments' | 'conversation';
    headers: Record<string, string>;
    profileUrl: (username: string) => string;
    /** The account's user, whose own replies (our answers, the team's) are not readers'. */
    userId: string;
  },
  query: { since: Date; remoteIds: string[]; cursor?: string | null },
  ctx: ProviderContext
): Promise<RepliesPage> {
  const sweep = readSweep(query.cursor, query.since);
  const post = currentPost(sweep, query.remoteIds);
  if (!post) return { replies: [], ...emptySweep(sweep) };
  const own = await ownUsername(request, ctx);
  const { data } = await ctx.http.get(`${request.versionPath}/${encodeURIComponent(post)}/${request.edge}`, {
    headers: request.headers,
    params: {
      fields: 'id,text,username,timestamp,permalink,parent_id,replied_to',
      limit: 50,
      ...(sweep.post === post && sweep.page && { after: sweep.page }),
    },
  });
  const replies = z
    .array(replySchema)
    .parse(data?.data ?? [])
    .filter((r) => r.username?.toLowerCase() !== own)
    .map((r) => ({
      remoteId: r.id,
      inReplyTo: r.parent_id ?? r.replied_to?.id ?? post,
      author: r.username ?? 'reader',
      authorUrl: r.username ? request.profileUrl(r.username) : null,
      text: r.text ?? '',
      language: null,
      createdAt: graphTime(r.timestamp),
      url: r.permalink ?? null,
    }))
    .filter((r) => Date.parse(r.createdAt) > sweep.since);
  const next = data?.paging?.next ? (data.paging.cursors?.after ?? null) : null;
  return { replies, ...sweepOn(sweep, query.remoteIds, post, next || null) };
}

/** The account's username in lower case (`/{user-id}?fields=username`), asked once a few hours. */
async function ownUsername(
  request: { versionPath: string; headers: Record<string, string>; userId: string },
  ctx: ProviderContext
): Promise<string | null> {
  return ownIdentity(ctx, 'username', async () => {
    const { data } = await ctx.http.get(`${request.versionPath}/${encodeURIComponent(request.userId)}`, {
      headers: request.headers,
      params: { fields: 'username' },
    });
    return z.object({ username: z.string() }).passthrough().parse(data).username.toLowerCase();
  });
}

/**
 * Our answer with this text under a comment since a time (Instagram's `/{comment}/replies`: an answer to
 * a reply sits under its top-level comment), by the account's username (`/{user-id}?fields=username`):
 * an answer whose outcome was unknown is looked for, never sent again blindly. The thread's first 500.
 */
export async function findGraphAnswer(
  request: { versionPath: string; headers: Record<string, string>; userId: string },
  { inReplyTo, since, text }: { inReplyTo: string; since: Date; text: string },
  ctx: ProviderContext
): Promise<RemotePost | null> {
  const { versionPath, headers } = request;
  const [username, { data: target }] = await Promise.all([
    ownUsername(request, ctx),
    ctx.http.get(`${versionPath}/${encodeURIComponent(inReplyTo)}`, {
      headers,
      params: { fields: 'id,parent_id' },
    }),
  ]);
  const comment = replySchema.parse(target);
  const thread = `${versionPath}/${encodeURIComponent(comment.parent_id ?? comment.id)}/replies`;
  let after: string | null = null;
  for (let page = 0; page < ANSWER_PAGES; page++) {
    const { data }: { data: any } = await ctx.http.get(thread, {
      headers,
      params: { fields: 'id,text,username,timestamp', limit: 50, ...(after ? { after } : {}) },
    });
    const ours = z
      .array(replySchema)
      .parse(data?.data ?? [])
      .find(
        (r) =>
          r.username?.toLowerCase() === username &&
          Date.parse(graphTime(r.timestamp)) >= since.getTime() - CLOCK_MARGIN_MS &&
          sameText(r.text, text)
      );
    if (ours) return { remoteId: ours.id, url: null, text };
    after = data?.paging?.next ? (data.paging.cursors?.after ?? null) : null;
    if (!after) return null;
  }
  return null;
}

/** A thread is read this many pages of 50 at most when looking for an answer (oldest first). */
const ANSWER_PAGES = 10;

/** The id Graph answers for what it created (a comment, a container, a post). */
export const graphObjectId = (data: unknown) => z.object({ id: z.string() }).passthrough().parse(data).id;

/** A write Graph answers with `{ success: true }` (hide, delete): anything else is not taken as done. */
export function expectSuccess(data: unknown, networkName: string): void {
  if (
    z
      .object({ success: z.literal(true) })
      .passthrough()
      .safeParse(data).success
  )
    return;
  throw new ProviderError(`${networkName} did not confirm the change; check it in the app.`, 'unknown');
}
