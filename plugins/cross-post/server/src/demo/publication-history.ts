/**
 * The demo's publication history: the demo posts as they went out on the demo accounts over the
 * past weeks (published, with the remote ids and URLs the networks gave, and their attempts), the
 * ones scheduled in the coming days, and one the network refused, with the reason its provider
 * gives an editor. Written as the dispatcher would have left them, through the repositories.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { providerFor, type NetworkId } from '../providers';
import { attemptsRepository, type NewAttempt } from '../repositories/attempts.repository';
import { deliveriesRepository } from '../repositories/deliveries.repository';
import { getService } from '../utils/get-service';
import { createTid } from '../utils/tid';
import { approvals } from '../utils/approvals';
import { demoRemotePost, type DemoAccountPlace } from './remote-ids';

export type DemoPublication = {
  postDocumentId: string;
  /** When the post was planned to go out: each network's delivery follows a few minutes apart. */
  at: Date;
  networks: NetworkId[];
  /** The network that refused it (a past publication only). */
  failOn?: NetworkId;
};

export type DemoAccount = DemoAccountPlace & { id: number; language: string | null };

export type PublicationHistory = { published: number[]; scheduled: number[]; failed: number[] };

/**
 * Minutes after the planned time each network's delivery is scheduled, as an editor spreads them: the
 * networks of the demo's past (its remote ids, its audience); a network added since has no past.
 */
const STAGGER_MINUTES: Partial<Record<NetworkId, number>> = {
  mastodon: 0,
  bluesky: 2,
  x: 4,
  facebook: 7,
  linkedin: 11,
  discord: 15,
  telegram: 20,
};

/**
 * What each network answers when it refuses a post it finds a duplicate or invalid: its provider
 * turns the answer into the reason an editor reads, exactly as when it happens.
 */
const REFUSALS: Partial<Record<NetworkId, { status: number; data: unknown }>> = {
  x: {
    status: 403,
    data: {
      title: 'Forbidden',
      detail: 'You are not allowed to create a Tweet with duplicate content.',
      type: 'about:blank',
      status: 403,
    },
  },
  linkedin: {
    status: 422,
    data: {
      message: 'Content is a duplicate',
      errorDetails: { inputErrors: [{ description: 'Duplicate post is detected', code: 'DUPLICATE_POST' }] },
      status: 422,
    },
  },
  mastodon: { status: 422, data: { error: 'Validation failed: Text character limit of 500 exceeded' } },
};

/** The reason the network's provider gives for its refusal of a post. */
export function refusalReason(network: NetworkId): string {
  const refusal = REFUSALS[network];
  if (!refusal) {
    throw new errors.ValidationError(
      `failOn: the demo knows no refusal of ${providerFor(network).displayName}; use ${Object.keys(REFUSALS).join(', ')}.`,
      { reason: 'invalid_input', field: 'failOn' }
    );
  }
  const answer = Object.assign(new Error(`Request failed with status code ${refusal.status}`), {
    isAxiosError: true,
    response: { status: refusal.status, data: refusal.data, headers: {} },
  });
  return providerFor(network).classifyError(answer).reason;
}

export async function writePublicationHistory(
  strapi: Core.Strapi,
  accounts: DemoAccount[],
  plan: DemoPublication[],
  now: Date
): Promise<PublicationHistory> {
  const deliveries = deliveriesRepository(strapi);
  const attempts = attemptsRepository(strapi);
  const compose = getService(strapi, 'compose');
  const byNetwork = new Map(accounts.map((account) => [account.network, account]));
  const history: PublicationHistory = { published: [], scheduled: [], failed: [] };
  const log: NewAttempt[] = [];
  const sequences = new Map<NetworkId, number>();
  let soonest: Date | null = null;

  const ordered = [...plan].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const publication of ordered) {
    const reference = await compose.loadPost(publication.postDocumentId);
    if (!reference)
      throw new errors.NotFoundError(`No post with documentId ${publication.postDocumentId}.`, {
        reason: 'post_not_found',
      });
    for (const network of publication.networks) {
      const account = byNetwork.get(network);
      const stagger = STAGGER_MINUTES[network];
      if (!account || stagger === undefined) continue;
      const post = (await compose.loadPost(publication.postDocumentId, account.language)) ?? reference;
      const scheduledAt = new Date(publication.at.getTime() + stagger * 60_000);
      // The demo posts went through approval (the seed): each delivery is bound to the version approved.
      const approved = await approvals(strapi).approvedVersion(publication.postDocumentId, post.locale);
      const row = {
        postLocale: post.locale,
        approvalHash: approved?.hash ?? null,
        postDocumentId: publication.postDocumentId,
        postTitle: reference.title.slice(0, 255),
        campaignDocumentId: reference.campaign?.documentId ?? null,
        accountId: account.id,
        network,
        scheduledAt,
        idempotencyKey: createTid(scheduledAt),
        reconcileChecks: 0,
      };
      if (scheduledAt > now) {
        const created = await deliveries.create({
          ...row,
          status: 'scheduled',
          nextAttemptAt: scheduledAt,
          attemptCount: 0,
        });
        history.scheduled.push(created.id);
        if (!soonest || scheduledAt < soonest) soonest = scheduledAt;
        continue;
      }

      // The dispatcher picks a due delivery up within its tick and the network answers in a moment.
      const startedAt = new Date(scheduledAt.getTime() + 1_000);
      const text = compose.outgoing(post, network, startedAt).text;
      if (network === publication.failOn) {
        const reason = refusalReason(network);
        const created = await deliveries.create({
          ...row,
          status: 'failed',
          text,
          firstAttemptAt: startedAt,
          failureReason: reason,
          attemptCount: 1,
        });
        history.failed.push(created.id);
        log.push({ deliveryId: created.id, outcome: 'rejected', detail: reason, startedAt, durationMs: 420 });
        continue;
      }
      const sequence = (sequences.get(network) ?? 4200) + 1;
      sequences.set(network, sequence);
      const durationMs = 350 + stagger * 40;
      const publishedAt = new Date(startedAt.getTime() + durationMs);
      const { remoteId, url } = demoRemotePost(account, publishedAt, sequence);
      const created = await deliveries.create({
        ...row,
        status: 'published',
        text,
        firstAttemptAt: startedAt,
        publishedAt,
        remoteId,
        url,
        attemptCount: 1,
      });
      history.published.push(created.id);
      log.push({ deliveryId: created.id, outcome: 'published', detail: url, startedAt, durationMs });
    }
  }
  await attempts.addMany(log);
  if (soonest) getService(strapi, 'dispatcher').wakeAt(soonest);
  return history;
}
