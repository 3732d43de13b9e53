/**
 * The approval workflow of one locale of one document: draft → in review → approved, by explicit
 * actions; any change of what will be sent voids an approval. Every state change is a
 * compare-and-set (see the reviews repository), so an approval and an edit racing each other can
 * never leave an approval on a text the approver did not read.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { conflict, forbidden } from '@porte-voix/kit/http-errors';
import type { Actor } from '@porte-voix/kit/server';

import { diffTexts } from '../domain/version';
import { historyRepository } from '../repositories/history.repository';
import {
  reviewsRepository,
  type Approval,
  type ApprovalState,
  type ReviewRow,
  type ReviewStatus,
  type SubjectKey,
} from '../repositories/reviews.repository';
import { getService } from '../utils/get-service';
import type { LoadedVersion } from './subjects.service';

/** Events other plugins listen to (cross-post pauses and resumes deliveries on them). */
export const EDITORIAL_EVENTS = { approved: 'editorial.approved', voided: 'editorial.voided' } as const;

export type ApprovedVersion = {
  hash: string;
  snapshot: Record<string, unknown>;
  /** The accounts the version was approved for; empty: any account. */
  accountIds: number[];
};

/**
 * Whether a version another plugin is about to act on is the approved one: `not_required` (its type
 * or this document does not take part), `approved`, `not_approved` (never approved), `voided` (approved
 * once, changed since), `not_published` (the draft is approved, the version given is another one).
 */
/** One delivery of an approved version: which network, where it is online. */
export type SentVersion = { hash: string; network: string; url?: string | null; deliveryId: number };

export type ApprovalGate = 'not_required' | 'approved' | 'not_approved' | 'voided' | 'not_published';

const MAX_RACES = 5;
/** Live checks remembered at once (one per post and locale being sent); more and the memory starts again. */
const MAX_LIVE_CHECKS = 1_000;
/** Approved snapshots kept in memory (a version approved as a hash never changes); more and it starts again. */
const MAX_SNAPSHOTS = 200;
/** Approval reads shared at once (one per post and locale being sent); more and the memory starts again. */
const MAX_APPROVAL_READS = 1_000;

function notFound(key: SubjectKey) {
  return new errors.NotFoundError(`No ${key.locale} version of ${key.documentId}.`, {
    reason: 'document_not_found',
  });
}

const changedSinceSeen = () =>
  conflict('The post changed since you opened it: reload it and review the new version.', {
    reason: 'changed_since_seen',
  });

const workflowService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Approval reads shared by the senders asking within `approvalMaxAgeMs` of each other. Every review
   * written from this instance forgets them all, before and after the write: here, a voided approval
   * is never read from memory; on another instance it is seen within that time.
   */
  const approvalReads = new Map<string, { at: number; review: Promise<ApprovalState | null> }>();
  const repository = reviewsRepository(strapi);
  const forgettingApprovals =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      approvalReads.clear();
      try {
        return await write(...args);
      } finally {
        approvalReads.clear();
      }
    };
  const reviews = {
    ...repository,
    create: forgettingApprovals(repository.create),
    updateIf: forgettingApprovals(repository.updateIf),
  };
  function readApproval(key: SubjectKey, maxAgeMs: number): Promise<ApprovalState | null> {
    if (maxAgeMs <= 0) return reviews.findApproval(key);
    const readKey = `${key.uid}|${key.documentId}|${key.locale}`;
    const shared = approvalReads.get(readKey);
    if (shared && Date.now() - shared.at < maxAgeMs) return shared.review;
    if (approvalReads.size >= MAX_APPROVAL_READS) approvalReads.clear();
    const review = reviews.findApproval(key);
    const entry = { at: Date.now(), review };
    approvalReads.set(readKey, entry);
    // A failed read is not shared: the next sender asks again.
    review.catch(() => approvalReads.get(readKey) === entry && approvalReads.delete(readKey));
    return review;
  }
  const history = historyRepository(strapi);
  const subjects = () => getService(strapi, 'subjects');
  const notifier = () => getService(strapi, 'notifier');
  /** When each approved version was last compared with the document itself, and the answer. */
  const liveChecks = new Map<string, { at: number; unchanged: Promise<boolean> }>();

  /** Whether the document still holds the approved version; a change made around the editor voids it. */
  /**
   * The snapshot approved as `hash`, read once: what a hash names never changes, and a sender sending
   * one post to many accounts would otherwise read and parse the whole post for each send.
   */
  const snapshots = new Map<string, Promise<Record<string, unknown> | null>>();
  function approvedSnapshot(reviewId: number, hash: string) {
    const cacheKey = `${reviewId}|${hash}`;
    let snapshot = snapshots.get(cacheKey);
    if (!snapshot) {
      if (snapshots.size >= MAX_SNAPSHOTS) snapshots.clear();
      snapshot = reviews.approvedSnapshot(reviewId, hash);
      snapshots.set(cacheKey, snapshot);
      // Not found (approved anew meanwhile) or failed: asked again next time.
      snapshot.then(
        (found) => !found && snapshots.delete(cacheKey),
        () => snapshots.delete(cacheKey)
      );
    }
    return snapshot;
  }

  async function unchangedSinceApproval(
    key: SubjectKey,
    review: Pick<ReviewRow, 'accountIds' | 'approvedHash'>
  ): Promise<boolean> {
    const live = await subjects().load(key, review.accountIds ?? []);
    if (live && live.hash === review.approvedHash) return true;
    if (live) await workflow.afterWrite(key, { type: 'system', id: null, name: 'outside the editor' });
    return false;
  }

  async function loadOrFail(key: SubjectKey, accountIds: number[]): Promise<LoadedVersion> {
    const version = await subjects().load(key, accountIds);
    if (!version) throw notFound(key);
    return version;
  }

  /** The state of a subject, created at its current version (last editor unknown) the first time it is asked for. */
  async function ensure(key: SubjectKey): Promise<ReviewRow> {
    for (;;) {
      const existing = await reviews.find(key);
      if (existing) return existing;
      const version = await loadOrFail(key, []);
      const created = await reviews.create(key, {
        status: 'draft',
        contentHash: version.hash,
        texts: version.texts,
        title: version.title,
        campaignDocumentId: version.campaignDocumentId,
        accountIds: [],
        approvals: [],
      });
      if (created) {
        await subjects().mirrorStatus(key, 'draft');
        return created;
      }
    }
  }

  /** Runs `attempt` until its compare-and-set wins (it returns a value) or it gives up with an error. */
  async function untilWon<T>(attempt: () => Promise<T | undefined>): Promise<T> {
    for (let race = 0; race < MAX_RACES; race++) {
      const outcome = await attempt();
      if (outcome !== undefined) return outcome;
    }
    throw conflict('Someone else changed this post at the same moment: try again.', { reason: 'busy' });
  }

  async function setStatus(key: SubjectKey, from: ReviewStatus, to: ReviewStatus) {
    if (from !== to) await subjects().mirrorStatus(key, to);
    if (from === 'approved' && to !== 'approved')
      await strapi.eventHub.emit(EDITORIAL_EVENTS.voided, { ...key });
  }

  const workflow = {
    ensure,

    /**
     * After every write of a subject (the document-service hook): when what will be sent changed,
     * the change's author becomes the version's last editor, its approvals are dropped, and an
     * approved version goes back to review (voided, in the history with the diff of the texts).
     */
    async afterWrite(key: SubjectKey, actor: Actor): Promise<void> {
      await untilWon(async () => {
        const review = await reviews.find(key);
        const version = await subjects().load(key, review?.accountIds ?? []);
        if (!version) return true;
        if (!review) {
          const created = await reviews.create(key, {
            status: 'draft',
            contentHash: version.hash,
            texts: version.texts,
            title: version.title,
            campaignDocumentId: version.campaignDocumentId,
            lastEditorId: actor.type === 'admin' ? (actor.id ?? null) : null,
            lastEditorName: actor.name ?? null,
            accountIds: [],
            approvals: [],
          });
          if (!created) return undefined;
          await subjects().mirrorStatus(key, 'draft');
          return true;
        }
        const meta = { title: version.title, campaignDocumentId: version.campaignDocumentId };
        if (review.contentHash === version.hash) {
          if (review.title !== meta.title || review.campaignDocumentId !== meta.campaignDocumentId)
            if (!(await reviews.updateIf(review, meta))) return undefined;
          return true;
        }
        const status: ReviewStatus = review.status === 'draft' ? 'draft' : 'in_review';
        const won = await reviews.updateIf(review, {
          ...meta,
          status,
          contentHash: version.hash,
          texts: version.texts,
          lastEditorId: actor.type === 'admin' ? (actor.id ?? null) : null,
          lastEditorName: actor.name ?? null,
          approvals: [],
        });
        if (!won) return undefined;
        const voided = review.status === 'approved' || (review.approvals ?? []).length > 0;
        await history.append(key, {
          action: voided ? 'voided' : 'edited',
          actor,
          contentHash: version.hash,
          details: { changes: diffTexts(review.texts, version.texts), previousHash: review.contentHash },
        });
        await setStatus(key, review.status, status);
        if (voided) await notifier().waiting((await reviews.find(key))!, 'voided');
        return true;
      });
    },

    /** Sends a draft to review, for the accounts chosen (none: any account). */
    async submit(key: SubjectKey, actor: Actor, accountIds?: number[]): Promise<ReviewRow> {
      return untilWon(async () => {
        const review = await ensure(key);
        if (review.status !== 'draft')
          throw conflict(
            review.status === 'approved'
              ? 'This post is already approved.'
              : 'This post is already waiting for review.',
            { reason: review.status === 'approved' ? 'already_approved' : 'already_in_review' }
          );
        const accounts = accountIds ?? review.accountIds ?? [];
        const version = await loadOrFail(key, accounts);
        const accountsChanged = version.hash !== review.contentHash;
        const won = await reviews.updateIf(review, {
          status: 'in_review',
          accountIds: accounts,
          contentHash: version.hash,
          texts: version.texts,
          submittedById: actor.id ?? null,
          submittedByName: actor.name ?? null,
          approvals: [],
          // Choosing the accounts is part of the version: whoever chose them cannot approve it.
          ...(accountsChanged && { lastEditorId: actor.id ?? null, lastEditorName: actor.name ?? null }),
        });
        if (!won) return undefined;
        await history.append(key, {
          action: 'submitted',
          actor,
          contentHash: version.hash,
          details: { accountIds: accounts },
        });
        await setStatus(key, 'draft', 'in_review');
        const updated = (await reviews.find(key))!;
        await notifier().waiting(updated, 'submitted');
        return updated;
      });
    },

    /**
     * Approves the version the approver read (`seenHash`): refused when it changed since, when the
     * approver made its last change (four eyes), or is not among the campaign's approvers.
     */
    async approve(key: SubjectKey, actor: Actor, seenHash: string): Promise<ReviewRow> {
      return untilWon(async () => {
        const review = await ensure(key);
        if (review.status !== 'in_review')
          throw conflict(
            review.status === 'approved'
              ? 'This version is already approved.'
              : 'This post is not waiting for review: its author must submit it first.',
            { reason: review.status === 'approved' ? 'already_approved' : 'not_in_review' }
          );
        const version = await loadOrFail(key, review.accountIds ?? []);
        if (version.hash !== seenHash || review.contentHash !== seenHash) throw changedSinceSeen();
        if (actor.id != null && actor.id === review.lastEditorId)
          throw forbidden('You made the last change to this version: someone else must approve it.', {
            reason: 'own_version',
          });
        const approvals: Approval[] = review.approvals ?? [];
        if (approvals.some((a) => a.id != null && a.id === actor.id))
          throw conflict('You already approved this version: it waits for a second approver.', {
            reason: 'already_approved_by_you',
          });
        const rule = await getService(strapi, 'rules').effective(review.campaignDocumentId);
        if (!(await getService(strapi, 'rules').mayApprove(rule, actor)))
          throw forbidden("You are not among this campaign's approvers.", { reason: 'not_an_approver' });
        const given = [
          ...approvals,
          { id: actor.id ?? null, name: actor.name ?? '', at: new Date().toISOString() },
        ];
        const complete = given.length >= rule.requiredApprovals;
        const won = await reviews.updateIf(
          review,
          {
            approvals: given,
            ...(complete && {
              status: 'approved' as const,
              approvedHash: seenHash,
              approvedSnapshot: version.snapshot,
              approvedAt: new Date().toISOString(),
            }),
          },
          seenHash
        );
        if (!won) {
          // Lost to an edit (the hash moved on) or to another approver (only the revision did): an
          // edit means the approver must read again; another approver, just try again.
          const now = await reviews.find(key);
          if (now && now.contentHash !== seenHash) throw changedSinceSeen();
          return undefined;
        }
        await history.append(key, {
          action: complete ? 'approved' : 'approval_given',
          actor,
          contentHash: seenHash,
          details: { approvals: given.length, required: rule.requiredApprovals },
        });
        const updated = (await reviews.find(key))!;
        if (complete) {
          await setStatus(key, 'in_review', 'approved');
          await strapi.eventHub.emit(EDITORIAL_EVENTS.approved, { ...key, hash: seenHash });
          await notifier().toAuthor(updated, 'approved', actor);
        }
        return updated;
      });
    },

    /** Sends a version back to its author with what to change (a comment, optionally about one network's variant). */
    async requestChanges(key: SubjectKey, actor: Actor, comment: string, variant?: string | null) {
      return untilWon(async () => {
        const review = await ensure(key);
        if (review.status !== 'in_review')
          throw conflict('Only a post waiting for review can be sent back.', { reason: 'not_in_review' });
        const won = await reviews.updateIf(review, { status: 'draft', approvals: [] });
        if (!won) return undefined;
        await history.append(key, {
          action: 'changes_requested',
          actor,
          contentHash: review.contentHash,
          reason: comment,
          variant: variant ?? null,
        });
        await setStatus(key, 'in_review', 'draft');
        const updated = (await reviews.find(key))!;
        await notifier().toAuthor(updated, 'changes_requested', actor, comment);
        return updated;
      });
    },

    /** Takes a post back to draft (withdrawn from review, or an approval given up): pending deliveries pause. */
    async revert(key: SubjectKey, actor: Actor): Promise<ReviewRow> {
      return untilWon(async () => {
        const review = await ensure(key);
        if (review.status === 'draft')
          throw conflict('This post is already a draft.', { reason: 'already_draft' });
        const won = await reviews.updateIf(review, { status: 'draft', approvals: [] });
        if (!won) return undefined;
        await history.append(key, { action: 'reverted', actor, contentHash: review.contentHash });
        await setStatus(key, review.status, 'draft');
        return (await reviews.find(key))!;
      });
    },

    async comment(key: SubjectKey, actor: Actor, text: string, variant?: string | null): Promise<void> {
      const review = await ensure(key);
      await history.append(key, {
        action: 'commented',
        actor,
        contentHash: review.contentHash,
        reason: text,
        variant: variant ?? null,
      });
    },

    /**
     * The approved version to send, or null when there is none now. A change that reached the
     * document without the write hook (a direct database write) is caught here: it voids the
     * approval before anything goes out.
     */
    async approvedVersion(
      key: SubjectKey,
      options: { liveCheckMaxAgeMs?: number; approvalMaxAgeMs?: number } = {}
    ): Promise<ApprovedVersion | null> {
      const review = await readApproval(key, options.approvalMaxAgeMs ?? 0);
      if (!review || review.status !== 'approved' || !review.approvedHash) return null;
      // An edit through Strapi voids the review above at once; reading the document itself (its
      // variants, media and campaign) only catches writes that went around Strapi, so a sender sending
      // one post to twenty accounts may reuse that check for a moment (`liveCheckMaxAgeMs`).
      const maxAgeMs = options.liveCheckMaxAgeMs ?? 0;
      const checkKey = `${key.uid}|${key.documentId}|${key.locale}|${review.approvedHash}|${(review.accountIds ?? []).join(',')}`;
      let entry = liveChecks.get(checkKey);
      if (maxAgeMs <= 0 || !entry || Date.now() - entry.at >= maxAgeMs) {
        // One look at the document for all the senders asking at once.
        entry = { at: Date.now(), unchanged: unchangedSinceApproval(key, review) };
        if (maxAgeMs > 0) {
          if (liveChecks.size >= MAX_LIVE_CHECKS) liveChecks.clear();
          liveChecks.set(checkKey, entry);
        }
      }
      const unchanged = await entry.unchanged.catch((error) => {
        liveChecks.delete(checkKey);
        throw error;
      });
      if (!unchanged) {
        liveChecks.delete(checkKey);
        return null;
      }
      const snapshot = await approvedSnapshot(review.id, review.approvedHash);
      if (!snapshot) return null;
      return { hash: review.approvedHash, snapshot, accountIds: review.accountIds ?? [] };
    },

    /**
     * Whether `document`, a version of the subject as another plugin reads it (a contest's published
     * event, which entrants read), is the approved version now. The contests plugin opens a contest
     * for entries only when this says `approved`.
     */
    async gate(key: SubjectKey, document: Record<string, unknown>): Promise<ApprovalGate> {
      const subject = subjects().configOf(key.uid);
      if (!subject || !subjects().applies(subject, document)) return 'not_required';
      const approved = await this.approvedVersion(key);
      if (!approved) return (await reviews.find(key))?.approvedHash ? 'voided' : 'not_approved';
      return subjects().hashOf(key.uid, document, approved.accountIds) === approved.hash
        ? 'approved'
        : 'not_published';
    },

    /** What the sender records: which approved version each delivery sent, where, in one insert. */
    async recordSentMany(list: { key: SubjectKey; sent: SentVersion }[]) {
      await history.appendMany(
        list.map(({ key, sent }) => ({
          key,
          entry: {
            action: 'sent',
            actor: { type: 'system', id: null, name: 'cross-post' },
            contentHash: sent.hash,
            variant: sent.network,
            details: { deliveryId: sent.deliveryId, url: sent.url ?? null },
          },
        }))
      );
    },

    history: (key: SubjectKey) => history.forSubject(key),
  };
  return workflow;
};

export type WorkflowService = ReturnType<typeof workflowService>;
export default workflowService;
