/** Deliveries as editors see them: schedule (once per account), list, cancel, retry, attempts. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { conflict } from '@porte-voix/kit/http-errors';

import { attemptsRepository } from '../repositories/attempts.repository';
import { deliveriesRepository } from '../repositories/deliveries.repository';
import { accountsRepository } from '../repositories/accounts.repository';
import { createTid } from '../utils/tid';
import { assertFuture } from '../utils/future';
import { getService } from '../utils/get-service';
import { approvals } from '../utils/approvals';
import { providerFor } from '../providers';
import { providerContext } from '../providers/http';
import { handOverAt } from '../providers/network-scheduling';

export const DELIVERY_STATUSES = [
  'scheduled',
  'publishing',
  'published',
  'retrying',
  'failed',
  'unconfirmed',
  'cancelled',
  /** Its post changed after approval: it waits for the new version to be approved, then goes with it. */
  'paused',
  /** Handed to the network, which holds it until its time (WordPress `future`, YouTube `publishAt`). */
  'handed',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const CANCELLABLE: DeliveryStatus[] = ['scheduled', 'retrying', 'failed', 'unconfirmed', 'paused'];
const RETRYABLE: DeliveryStatus[] = ['failed', 'unconfirmed', 'cancelled'];

export type DeliveryFilters = {
  from?: Date;
  to?: Date;
  status?: DeliveryStatus[];
  network?: string[];
  campaign?: string;
};

/** Still to go out: its due time is when it will (`scheduledFor`). */
const DUE: DeliveryStatus[] = ['scheduled', 'retrying'];

function toPublic(row: any) {
  const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
  const status = row.status as DeliveryStatus;
  return {
    id: row.id,
    postDocumentId: row.postDocumentId,
    postTitle: row.postTitle ?? null,
    campaignDocumentId: row.campaignDocumentId ?? null,
    accountId: row.accountId,
    network: row.network,
    status,
    scheduledAt: iso(row.scheduledAt),
    /** When it goes out: the time asked for, or the next attempt of a retry; null once it left the queue. */
    scheduledFor:
      DUE.includes(status) || status === 'handed'
        ? iso(status === 'retrying' ? row.nextAttemptAt : row.scheduledAt)
        : null,
    nextAttemptAt: iso(row.nextAttemptAt),
    /** Only once published: the store fills `publishedAt` at creation for every row. */
    publishedAt: status === 'published' ? iso(row.publishedAt) : null,
    remoteId: row.remoteId ?? null,
    url: row.url ?? null,
    text: row.text ?? null,
    failureReason: row.failureReason ?? null,
    attemptCount: row.attemptCount ?? 0,
    /** The post's locale it sends, and the approved version it was scheduled for (or sent). */
    locale: row.postLocale ?? null,
    approvalHash: row.approvalHash ?? null,
    bypassApproval: Boolean(row.bypassApproval),
  };
}

export type PublicDelivery = ReturnType<typeof toPublic>;

/** Why a delivery cannot be moved, from the status it has now. */
function notMovable(row: any) {
  if (row.status === 'published')
    return conflict('This delivery is already published: it cannot be moved.', {
      reason: 'already_published',
    });
  if (row.status === 'publishing')
    return conflict('This delivery is being published right now: it cannot be moved.', {
      reason: 'publishing_now',
    });
  if (row.status === 'handed')
    return conflict(
      'The network already holds this post for its time: it cannot be moved from here. Cancel it (it is taken back from the network), then schedule it again.',
      { reason: 'scheduled_on_network' }
    );
  return conflict(
    `A ${row.status} delivery cannot be moved; only a scheduled one can. Retry it or schedule it again from its post.`,
    { reason: 'not_movable', status: row.status }
  );
}

const deliveriesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const deliveries = deliveriesRepository(strapi);
  const attempts = attemptsRepository(strapi);

  /**
   * Takes back from the network a post it holds for later (`handed`), then gives the delivery
   * `status`. Refused with the reason when the network cannot (409) or did not answer (502): the
   * delivery stays handed, so nothing is said to be withdrawn that still stands there.
   */
  async function withdrawHanded(row: any, status: 'cancelled' | 'paused', data: Record<string, unknown>) {
    const account = await getService(strapi, 'accounts').forProvider(row.accountId);
    const provider = providerFor(row.network);
    if (!account || !provider.withdraw) {
      throw conflict(
        `${provider.displayName} holds this post for ${new Date(row.scheduledAt).toISOString()} and it cannot be taken back from here: delete it on the network.`,
        { reason: 'held_by_network' }
      );
    }
    try {
      await provider.withdraw(String(row.remoteId), providerContext(account));
    } catch (error) {
      const reason = provider.classifyError(error).reason;
      throw conflict(
        `${provider.displayName} did not take back the post it holds (${reason}); nothing changed, try again.`,
        { reason: 'withdraw_failed' }
      );
    }
    await deliveries.updateIfStatus(row.id, 'handed', {
      ...data,
      status,
      remoteId: null,
      url: null,
      providerState: null,
    });
  }

  async function note(deliveryId: number, outcome: string, detail: string) {
    await attempts.add({ deliveryId, outcome, detail, startedAt: new Date(), durationMs: 0 });
  }

  return {
    /**
     * One delivery per (post, account). A repeated call returns the same deliveries; it moves the
     * time of one not yet started, and brings back a cancelled one.
     */
    async schedule(
      postDocumentId: string,
      accountIds: number[],
      scheduledAt: Date,
      { bypassApproval = false }: { bypassApproval?: boolean } = {}
    ): Promise<PublicDelivery[]> {
      const compose = getService(strapi, 'compose');
      const post = await compose.loadPost(postDocumentId);
      if (!post)
        throw new errors.NotFoundError(`No post with documentId ${postDocumentId}.`, {
          reason: 'post_not_found',
        });
      const accounts = await accountsRepository(strapi).findByIds(accountIds);
      const unknown = accountIds.filter((id) => !accounts.some((a) => a.id === id));
      if (unknown.length > 0)
        throw new errors.ValidationError(`Unknown account id(s): ${unknown.join(', ')}.`, {
          reason: 'unknown_accounts',
          field: 'accountIds',
        });

      // Every account's version is checked before anything is created: all or nothing.
      const versions = new Map<number, Record<string, unknown>>();
      for (const account of accounts) {
        const postLocale = (await compose.loadPost(postDocumentId, account.language))?.locale ?? post.locale;
        const approvalHash = bypassApproval
          ? null
          : await approvals(strapi).requireApproved(postDocumentId, postLocale, account);
        versions.set(account.id, { postLocale, approvalHash, bypassApproval });
      }

      const results: PublicDelivery[] = [];
      for (const account of accounts) {
        const version = versions.get(account.id)!;
        const existing = await deliveries.findForAccount(postDocumentId, account.id);
        if (existing) {
          const handOver = handOverAt(
            providerFor(account.network),
            account.credentialsHint ?? {},
            scheduledAt
          );
          results.push(toPublic(await this.reschedule(existing, scheduledAt, version, handOver)));
          continue;
        }
        try {
          const created = await deliveries.create({
            postDocumentId,
            postTitle: post.title.slice(0, 255),
            campaignDocumentId: post.campaign?.documentId ?? null,
            accountId: account.id,
            network: account.network,
            status: 'scheduled',
            scheduledAt,
            nextAttemptAt: handOverAt(
              providerFor(account.network),
              account.credentialsHint ?? {},
              scheduledAt
            ),
            idempotencyKey: createTid(),
            ...version,
            attemptCount: 0,
            reconcileChecks: 0,
          });
          results.push(toPublic(created));
        } catch (error) {
          // Another request (or instance) created it between our read and our insert: the unique index kept it single.
          const winner = await deliveries.findForAccount(postDocumentId, account.id);
          if (!winner) throw error;
          results.push(toPublic(winner));
        }
      }
      getService(strapi, 'dispatcher').wakeAt(new Date(Math.min(Date.now(), scheduledAt.getTime())));
      return results;
    },

    /** The post's version in `locale` is no longer approved: what was still to go out waits. */
    async pauseForVersion(postDocumentId: string, postLocale: string): Promise<number> {
      // What a network already holds carries the voided version: taken back there, then it waits too.
      const handed = await deliveries.findMany({
        postDocumentId,
        postLocale,
        status: 'handed',
        bypassApproval: { $ne: true },
      });
      for (const row of handed) {
        await withdrawHanded(row, 'paused', {
          failureReason:
            'The post changed after it was approved: taken back from the network, it waits for a new approval.',
          // Once approved again, it is handed over again at once (for its time).
          nextAttemptAt: new Date(),
        }).catch((error) =>
          strapi.log.error(`[cross-post] delivery ${row.id} could not be taken back: ${error.message}`)
        );
      }
      return deliveries.pauseForVersion(postDocumentId, postLocale);
    },

    /** The version in `locale` was approved (again): paused deliveries go, with this version. */
    async resumeForVersion(
      postDocumentId: string,
      postLocale: string,
      approvalHash: string
    ): Promise<number> {
      const resumed = await deliveries.resumeForVersion(postDocumentId, postLocale, approvalHash);
      if (resumed > 0) getService(strapi, 'dispatcher').wakeAt(new Date());
      return resumed;
    },

    async reschedule(
      existing: any,
      scheduledAt: Date,
      version: Record<string, unknown> = {},
      handOver: Date = scheduledAt
    ) {
      if (existing.status === 'scheduled' || existing.status === 'cancelled') {
        const updated = await deliveries.updateIfStatus(existing.id, existing.status, {
          ...version,
          status: 'scheduled',
          scheduledAt,
          nextAttemptAt: handOver,
          failureReason: null,
        });
        if (updated) {
          if (existing.status === 'cancelled')
            await note(existing.id, 'requeued', 'Scheduled again by an editor.');
          return deliveries.findById(existing.id);
        }
      }
      return existing;
    },

    /**
     * Moves a scheduled delivery to `scheduledAt` (the calendar's drag): only while it is still
     * scheduled, and only to the future; 409 with the reason when it already left or is leaving.
     */
    async move(id: number, scheduledAt: Date): Promise<PublicDelivery> {
      const existing = await deliveries.findById(id);
      if (!existing) throw new errors.NotFoundError(`No delivery ${id}.`, { reason: 'delivery_not_found' });
      assertFuture(scheduledAt, 'scheduledAt');
      const moved =
        existing.status === 'scheduled' &&
        (await deliveries.updateIfStatus(id, 'scheduled', { scheduledAt, nextAttemptAt: scheduledAt }));
      if (!moved) throw notMovable((await deliveries.findById(id)) ?? existing);
      getService(strapi, 'dispatcher').wakeAt(scheduledAt);
      return toPublic(await deliveries.findById(id));
    },

    async listForPost(postDocumentId: string): Promise<PublicDelivery[]> {
      const rows = await deliveries.findMany({ postDocumentId });
      return rows.map(toPublic);
    },

    /** For the calendar: deliveries due or published in [from, to]. */
    async list(filters: DeliveryFilters): Promise<PublicDelivery[]> {
      const where: any = {};
      if (filters.from || filters.to) {
        where.scheduledAt = {
          ...(filters.from && { $gte: filters.from }),
          ...(filters.to && { $lte: filters.to }),
        };
      }
      if (filters.status?.length) where.status = { $in: filters.status };
      if (filters.network?.length) where.network = { $in: filters.network };
      if (filters.campaign) where.campaignDocumentId = filters.campaign;
      const rows = await deliveries.findMany(where, 2000);
      return rows.map(toPublic);
    },

    async findOne(id: number): Promise<PublicDelivery | null> {
      const row = await deliveries.findById(id);
      return row ? toPublic(row) : null;
    },

    async attempts(deliveryId: number) {
      const rows = await attempts.forDelivery(deliveryId);
      return rows.map((r: any) => ({
        id: r.id,
        outcome: r.outcome,
        detail: r.detail ?? null,
        instance: r.instance ?? null,
        startedAt: r.startedAt ? new Date(r.startedAt).toISOString() : null,
        durationMs: r.durationMs ?? null,
      }));
    },

    async cancel(id: number): Promise<PublicDelivery> {
      const existing = await deliveries.findById(id);
      if (!existing) throw new errors.NotFoundError(`No delivery ${id}.`, { reason: 'delivery_not_found' });
      if (existing.status === 'cancelled') return toPublic(existing);
      if (existing.status === 'handed') {
        await withdrawHanded(existing, 'cancelled', { nextAttemptAt: null });
        await note(id, 'cancelled', 'Cancelled by an editor; taken back from the network.');
        return toPublic(await deliveries.findById(id));
      }
      const cancelled = await deliveries.updateIfStatus(id, CANCELLABLE, {
        status: 'cancelled',
        nextAttemptAt: null,
        leaseOwner: null,
        leaseUntil: null,
      });
      if (!cancelled) {
        throw new errors.ApplicationError(
          existing.status === 'published'
            ? 'This delivery is already published: delete the post on the network itself.'
            : 'This delivery is being published right now; cancel it again in a few seconds if it did not go out.',
          { reason: existing.status === 'published' ? 'already_published' : 'publishing_now' }
        );
      }
      await note(id, 'cancelled', 'Cancelled by an editor.');
      return toPublic(await deliveries.findById(id));
    },

    /** Sends a failed, unconfirmed or cancelled delivery again now (for unconfirmed: the editor checked it is not online). */
    async retry(id: number): Promise<PublicDelivery> {
      const existing = await deliveries.findById(id);
      if (!existing) throw new errors.NotFoundError(`No delivery ${id}.`, { reason: 'delivery_not_found' });
      const now = new Date();
      const requeued = await deliveries.updateIfStatus(id, RETRYABLE, {
        status: 'scheduled',
        nextAttemptAt: now,
        failureReason: null,
        reconcileChecks: 0,
        leaseOwner: null,
        leaseUntil: null,
      });
      if (!requeued) {
        throw new errors.ApplicationError(
          `A ${existing.status} delivery cannot be retried; only failed, unconfirmed or cancelled ones can.`,
          { reason: 'not_retryable' }
        );
      }
      await note(id, 'requeued', 'Retried by an editor.');
      getService(strapi, 'dispatcher').wakeAt(now);
      return toPublic(await deliveries.findById(id));
    },
  };
};

export type DeliveriesService = ReturnType<typeof deliveriesService>;
export default deliveriesService;
