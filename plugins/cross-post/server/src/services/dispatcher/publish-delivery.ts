/** Sending one claimed delivery: compose, validate, publish with its idempotency key, record the outcome. */
import {
  providerFor,
  ProviderError,
  type ErrorVerdict,
  type OutgoingPost,
  type ProviderAccount,
} from '../../providers';
import { providerContext } from '../../providers/http';
import { CONFIRM_AFTER_MS, networkPublishAt } from '../../providers/network-scheduling';
import { getService } from '../../utils/get-service';
import { approvals } from '../../utils/approvals';
import { postSnapshotOf, type PostSnapshot } from '../compose.service';
import type { Dispatch } from './context';
import { afterSend, handleFailure } from './outcome';
import { deliveryProgress } from './progress';
import { refreshCredentials } from './token-refresh';

/**
 * How old the approval read before a send may be: an approval voided on another instance stops the
 * sends that start this long after. The sends of one post to many accounts share the read.
 */
const APPROVAL_MAX_AGE_MS = 250;
/**
 * How often a post being sent is compared with the approved version itself: only writes that went
 * around Strapi (straight to the database) show there; an edit through Strapi voids the approval at once.
 */
const LIVE_CHECK_MAX_AGE_MS = 5_000;

export async function publish(d: Dispatch, row: any, account: ProviderAccount) {
  const startedAt = new Date();
  const provider = providerFor(account.network);
  const compose = getService(d.strapi, 'compose');
  // What goes out is the approved snapshot, checked right before sending: a version changed since is
  // not sent, the delivery waits for the new one to be approved. Only a bypass sends the live draft.
  let post: PostSnapshot | null;
  let approvalHash: string | null = null;
  if (row.bypassApproval) {
    const postKey = `${row.postDocumentId}:${account.language ?? ''}`;
    if (!d.round.posts.has(postKey))
      d.round.posts.set(postKey, compose.loadPost(row.postDocumentId, account.language));
    post = await d.round.posts.get(postKey)!;
  } else {
    // Deliveries scheduled before approvals existed have no locale yet: the one compose would pick.
    const locale: string =
      row.postLocale ?? (await compose.loadPost(row.postDocumentId, account.language))?.locale ?? '';
    // The approval is read at most APPROVAL_MAX_AGE_MS before the send (one read shared by the accounts
    // sending the post at that moment; a review changed on this instance is read anew at once); the
    // document behind it (did someone change it around Strapi?) at most every LIVE_CHECK_MAX_AGE_MS.
    const approved = await approvals(d.strapi).approvedVersion(row.postDocumentId, locale, {
      approvalMaxAgeMs: APPROVAL_MAX_AGE_MS,
      liveCheckMaxAgeMs: LIVE_CHECK_MAX_AGE_MS,
    });
    if (!approved) {
      const reason = 'The post is not approved as it is now: it waits for an approval.';
      await d.settle(row.id, { status: 'paused', failureReason: reason, postLocale: locale || null });
      return d.log(row.id, 'paused', reason, startedAt);
    }
    approvalHash = approved.hash;
    post = postSnapshotOf(row.postDocumentId, approved.snapshot, locale);
  }
  if (!post) {
    await d.settle(row.id, { status: 'failed', failureReason: 'The post was deleted.', nextAttemptAt: null });
    return d.log(row.id, 'rejected', 'The post was deleted.', startedAt);
  }
  const firstAttemptAt = row.firstAttemptAt ? new Date(row.firstAttemptAt) : startedAt;
  // Images outside the network's rules go as variants made for it; an image that cannot be made to fit
  // (unreadable, too heavy whatever the quality) fails the delivery at once with what to do.
  let outgoing: OutgoingPost;
  try {
    ({ post: outgoing } = await compose.fitMedia(
      compose.outgoing(post, account.network, firstAttemptAt),
      account.network,
      account.credentials
    ));
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    await d.settle(row.id, { status: 'failed', failureReason: error.message, nextAttemptAt: null });
    return d.log(row.id, 'rejected', error.message, startedAt);
  }
  // Handed to the network to hold until its time (the account schedules there, the time is far enough).
  const publishAt = networkPublishAt(provider, account.credentials, new Date(row.scheduledAt));
  if (publishAt) outgoing.publishAt = publishAt;
  const timeoutMs = Math.min(15_000, Math.floor(d.setting('leaseMs') / 3));
  const progress = deliveryProgress(d, row);
  const spendQuota = (quotaDay: string, units: number) =>
    getService(d.strapi, 'accounts').spendQuota(account, quotaDay, units);
  let ctx = { ...providerContext(account, timeoutMs), progress, spendQuota };
  const validation = await provider.validate(outgoing, ctx).catch(() => null);
  if (validation && validation.problems.length > 0) {
    const reason = validation.problems.map((p) => p.message).join(' ');
    await d.settle(row.id, { status: 'failed', failureReason: reason, nextAttemptAt: null });
    return d.log(row.id, 'rejected', reason, startedAt);
  }

  for (let refreshed = false; ; refreshed = true) {
    // The lease is checked and extended right before the request, with the text about to go out
    // (reconciliation looks for exactly it): a delivery another instance took back (this account's
    // earlier sends were slow) is theirs now, and is not sent from here.
    const held = await d.deliveries.renewLeaseForSend({
      id: row.id,
      owner: d.owner,
      leaseMs: d.setting('leaseMs'),
      text: outgoing.text,
    });
    if (!held) {
      return d.log(
        row.id,
        'lease_lost',
        'Another instance took this delivery back before it was sent; it was not sent from here.',
        startedAt
      );
    }
    try {
      d.round.sent.add(row.id);
      const result = await provider.publish(outgoing, row.idempotencyKey, ctx);
      const scheduledFor = result.scheduledFor;
      const published = {
        ...(scheduledFor
          ? // The network holds it: looked at again once its time has passed, to confirm it went public.
            { status: 'handed', nextAttemptAt: new Date(scheduledFor.getTime() + CONFIRM_AFTER_MS) }
          : { status: 'published', publishedAt: new Date(), nextAttemptAt: null }),
        // Column sizes: a network's overlong id or URL must not turn a success into an error.
        remoteId: String(result.remoteId).slice(0, 255),
        url: result.url ? String(result.url).slice(0, 1000) : null,
        failureReason: null,
        attemptCount: (row.attemptCount ?? 0) + 1,
        ...(approvalHash && { approvalHash, postLocale: post.locale }),
      };
      if (!(await d.settle(row.id, published))) {
        // The answer came after the lease ran out: the post is online all the same, so it is
        // recorded (never sent again); whoever took the delivery back finds it published.
        await d.deliveries.recordLateSuccess(row.id, published);
        return d.log(
          row.id,
          'published',
          `${result.url ?? result.remoteId} (answered after the lease ran out; recorded, not re-sent)`,
          startedAt
        );
      }
      if (approvalHash)
        d.round.sentVersions.push({
          documentId: row.postDocumentId,
          locale: post.locale,
          hash: approvalHash,
          network: account.network,
          url: published.url,
          deliveryId: row.id,
        });
      // The network said this was the last request of its window: wait for the reset rather than for a 429.
      if (result.quota && result.quota.remaining <= 0 && result.quota.resetAt.getTime() > Date.now()) {
        d.round.waitingUntil.set(account.id, result.quota.resetAt.getTime());
        await getService(d.strapi, 'accounts').waitUntil(
          account.id,
          result.quota.resetAt,
          `${provider.displayName} quota used up; it resets at ${result.quota.resetAt.toISOString()}.`
        );
      }
      if (scheduledFor) {
        return d.log(
          row.id,
          'handed',
          `${result.url ?? result.remoteId}: ${provider.displayName} publishes it at ${scheduledFor.toISOString()}.`,
          startedAt
        );
      }
      return d.log(row.id, 'published', result.url ?? result.remoteId, startedAt);
    } catch (error) {
      const verdict = afterSend(d.classify(provider, account, error), error, provider.displayName);
      if (verdict.action === 'refresh' && provider.refresh && !refreshed) {
        const renewed = await refreshCredentials(
          d,
          row,
          account,
          provider,
          ctx,
          timeoutMs,
          verdict.reason,
          startedAt
        );
        if (!renewed) return;
        account = renewed.account;
        ctx = { ...renewed.ctx, progress, spendQuota };
        continue;
      }
      const final: ErrorVerdict =
        verdict.action === 'refresh'
          ? { action: 'reject', reason: `${verdict.reason} Reconnect the account.` }
          : verdict;
      return handleFailure(d, row, account, provider, final, startedAt);
    }
  }
}
